// pretest (issues #4, #7): the browser tests drive Debian's chromium (/usr/bin/chromium or $CHROMIUM_PATH)
// and firefox-esr (/usr/bin/firefox-esr or $FIREFOX_PATH) through puppeteer-core. When one is missing and
// we are root on Debian, install it with apt-get and say so; otherwise explain what to do and fail, so the
// test run does not die later with an obscure launch error. AA_ENGINES=chromium checks only that engine.
// Recommended packages are installed too: they bring the fonts the page tests lay text out with.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const BROWSERS = [
  { engine: 'chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium', env: 'CHROMIUM_PATH' },
  {
    engine: 'firefox',
    path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    pkg: 'firefox-esr',
    env: 'FIREFOX_PATH',
  },
];
const wanted = (process.env.AA_ENGINES ?? 'chromium,firefox').split(',').map((s) => s.trim());
const missing = BROWSERS.filter((b) => wanted.includes(b.engine) && !existsSync(b.path));
if (!missing.length) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
const custom = missing.filter((b) => process.env[b.env]);
if (!isRoot || !isDebian || custom.length) {
  for (const b of missing) {
    console.error(
      `ensure-browsers: no ${b.engine} at ${b.path}. Install it (Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y ${b.pkg}) or set ${b.env}.`,
    );
  }
  process.exit(1);
}
const pkgs = missing.map((b) => b.pkg);
for (const args of [['update'], ['install', '-y', ...pkgs]]) {
  console.log(`ensure-browsers: missing ${pkgs.join(', ')}; running apt-get ${args.join(' ')}`);
  const r = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) {
    console.error(
      `ensure-browsers: apt-get ${args.join(' ')} failed (exit ${r.status}). Install ${pkgs.join(' and ')} by hand.`,
    );
    process.exit(1);
  }
}
for (const b of missing) {
  if (!existsSync(b.path)) {
    console.error(`ensure-browsers: ${b.pkg} was installed but ${b.path} does not exist. Set ${b.env}.`);
    process.exit(1);
  }
  console.log(`ensure-browsers: installed ${b.path}`);
}
