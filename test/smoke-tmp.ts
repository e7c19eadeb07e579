import { readFileSync } from 'node:fs';
import { serveSite } from '../src/cli/serve-site.ts';
import { launch } from './browser/harness.ts';
const server = await serveSite('/tmp/st1', { port: 0 });
const browser = await launch('chromium');
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(server.url);
await page.waitForSelector('#aa-studio-text');
const text = readFileSync('test/fixtures/seed/article.txt', 'utf8').slice(0, 4980);
await page.$eval('#aa-studio-text', (el, t) => { (el as HTMLTextAreaElement).value = t as string; el.dispatchEvent(new Event('input', { bubbles: true })); }, text);
for (let i = 0; i < 2; i++) {
  const t0 = Date.now();
  await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Map this article')!.click());
  await page.waitForFunction(() => /places found/.test(document.querySelector('.aa-studio-message')!.textContent!), { timeout: 60000 });
  console.log('to message', Date.now() - t0);
  await page.waitForSelector('.aa-f');
  console.log('to .aa-f', Date.now() - t0);
  await new Promise((r) => setTimeout(r, 1500));
}
await browser.close(); await server.close();
