// The web workspace's pages timed in Debian's Chromium against a running `credence serve` (issue 13): reported,
// never asserted. Usage: node scripts/bench-web-pages.mjs <url> <credit-manager token> [asOf] [rounds]
// For each page, loaded anew in a signed-in tab: first-contentful-paint and the time until its first figure or
// row is on the page (performance.now()), and the API requests' start+duration. docs/benchmarks.md, issue 13.
import { chromium } from 'playwright-core';

const [url, token, asOf = '2026-06-30', rounds = '2'] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node scripts/bench-web-pages.mjs <url> <token> [asOf] [rounds]');
  process.exit(2);
}
const PAGES = [
  ['dashboard', `/?asOf=${asOf}`, '[data-testid=total]'],
  ['buyers', `/buyers?asOf=${asOf}`, 'tbody tr'],
  ['buyers, overdue by days', `/buyers?asOf=${asOf}&overdue=1&sort=days&desc=1`, 'tbody tr'],
  ['worklist', `/worklist?asOf=${asOf}`, 'tbody tr'],
  ['documents, past due', `/documents?asOf=${asOf}&overdue=1`, '[data-testid=documents] tbody tr'],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  await page.goto(`${url}/`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('total').waitFor({ timeout: 300_000 });
  for (let r = 1; r <= Number(rounds); r++)
    for (const [name, path, ready] of PAGES) {
      await page.goto(`${url}${path}`);
      await page.locator(ready).first().waitFor({ timeout: 300_000 });
      const t = await page.evaluate(() => ({
        fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1),
        shown: Math.round(performance.now()),
        api: performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/v1/'))
          .map(
            (e) =>
              `${new URL(e.name).pathname.replace('/api/v1', '')} ${Math.round(e.startTime)}+${Math.round(e.duration)}`,
          ),
      }));
      console.log(`round ${r} ${name}: first paint ${t.fcp} ms, shown ${t.shown} ms; ${t.api.join(', ')}`);
    }
} finally {
  await browser.close();
}
