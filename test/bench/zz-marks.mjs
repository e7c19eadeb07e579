import puppeteer from 'puppeteer-core';
import { startServer } from '/tmp/article-atlas-browser-kit/serve.mjs';
const dir = process.argv[2]; const runs = +(process.argv[3] ?? 5);
const server = await startServer({ root: dir });
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'] });
const all = [];
for (let i = 0; i < runs; i++) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.setCacheEnabled(false);
  await page.goto(server.url);
  await page.waitForSelector('.aa-map[data-complete]');
  await new Promise(r => setTimeout(r, 300));
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime*10)/10]));
  all.push(marks);
  await ctx.close();
}
await browser.close(); await server.close();
for (const m of all) console.log(m.map(([n,t]) => `${t} ${n}`).join('\n') + '\n---');
