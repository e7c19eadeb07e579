// Writes screenshots of the explorer on the seed sample for a person to look at (issue #4):
// `npx tsx test/browser/take-screenshots.ts [OUT_DIR] [LAYER.geojson]`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, seedSample, startSite } from './harness.ts';

const out = process.argv[2] ?? '.tmp/screens';
const layer = process.argv[3] ? JSON.parse(readFileSync(process.argv[3], 'utf8')) : seedSample();
const site = await startSite(layer);
const browser = await launch();
try {
  const wide = await open(browser, site.server.url);
  await wide.page.waitForTimeout(400);
  await wide.page.screenshot({ path: join(out, 'wide-loaded.png') });
  await wide.page.locator('.aa-row', { hasText: 'Kalbajar' }).click();
  await wide.page.waitForTimeout(400);
  await wide.page.screenshot({ path: join(out, 'wide-selected.png') });
  await wide.page.locator('.aa-m', { hasText: 'Nagorno-Karabakh' }).first().click();
  await wide.page.waitForTimeout(400);
  await wide.page.screenshot({ path: join(out, 'wide-disputed.png') });
  const narrow = await open(browser, site.server.url + '#place=geonames%3A587084', { width: 390, height: 844 });
  await narrow.page.waitForTimeout(400);
  await narrow.page.screenshot({ path: join(out, 'narrow.png'), fullPage: true });
  console.log(`screenshots in ${out}; page errors: ${JSON.stringify([...wide.errors, ...narrow.errors])}`);
} finally {
  await browser.close();
  await site.close();
}
