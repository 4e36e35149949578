#!/usr/bin/env node
/**
 * Screenshots of the built site in headless Chromium, light and dark, wide (1440) and narrow (390): every
 * view on the demo data, and the loader with a clean, a ragged and a refused file. Writes PNGs to
 * screenshots/ (or the folder given).
 *
 *   npm run build && node scripts/screenshots.js [outDir]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, startSite, launchBrowser, openPage, waitReady, dropFiles, showTab } from '../tests/e2e/harness.js';

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const site = await startSite();
const browser = await launchBrowser();
const files = ['csv-spectrum/comma_in_quotes.csv', 'duckdb/ragged/inconsistent_cells.csv', 'duckdb/encoding/latin1.csv'].map((f) => join(FIXTURES, f));

for (const colorScheme of ['light', 'dark']) {
  for (const [label, width] of [['wide', 1440], ['narrow', 390]]) {
    const { page, context } = await openPage(browser, site, { viewport: { width, height: 900 }, colorScheme });
    await waitReady(page, 120_000);
    for (const tab of ['overview', 'meetings', 'oneonone', 'goals', 'outcomes', 'data']) {
      await showTab(page, tab);
      await page.screenshot({ path: join(out, `${tab}-${colorScheme}-${label}.png`), fullPage: true });
    }
    await dropFiles(page, files);
    await page.screenshot({ path: join(out, `loader-${colorScheme}-${label}.png`), fullPage: true });
    await context.close();
  }
}
await browser.close();
await site.close();
console.log(`screenshots written to ${out}/`);
