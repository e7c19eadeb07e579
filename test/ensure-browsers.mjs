// pretest (issue #4): the browser tests need Debian's chromium at /usr/bin/chromium (or $CHROMIUM_PATH).
// When it is missing and we are root on Debian, install it with apt-get and say so; otherwise explain
// what to do and fail, so the test run does not die later with an obscure launch error.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (!isRoot || !isDebian || process.env.CHROMIUM_PATH) {
  console.error(`ensure-browsers: no Chromium at ${path}. The browser tests drive Debian's chromium through playwright-core.
Install it (Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`);
  process.exit(1);
}
for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
  console.log(`ensure-browsers: ${path} is missing; running apt-get ${args.join(' ')}`);
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    console.error(`ensure-browsers: apt-get ${args.join(' ')} failed (exit ${r.status}). Install chromium by hand, or set CHROMIUM_PATH.`);
    process.exit(1);
  }
}
if (!existsSync(path)) {
  console.error(`ensure-browsers: chromium was installed but ${path} does not exist. Set CHROMIUM_PATH.`);
  process.exit(1);
}
console.log(`ensure-browsers: installed ${path}`);
