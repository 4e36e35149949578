/**
 * The mapping screen: a file is recognised and mapped on its own; a genuinely ambiguous date asks its
 * question; changing the mapping or answering rebuilds the tables without reading the file again.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, startSite, launchBrowser, openPage, waitReady, dropFiles, showTab } from './harness.js';

const layout = (name) => join(ROOT, 'tests/fixtures/layouts', name);
let browser, site, page, problems, context;

before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  ({ page, problems, context } = await openPage(browser, site, { viewport: { width: 1280, height: 900 } }));
  await waitReady(page, 120_000);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

const tableRows = (table) => page.getAttribute(`[data-testid="canonical-table"][data-table="${table}"]`, 'data-rows').then(Number);

/** Watch a file's report: a re-read would pass through "loading". */
async function watchReloads(file) {
  await page.evaluate((f) => {
    window.__reloaded = false;
    window.__watch?.disconnect();
    const el = document.querySelector(`[data-testid="file-report"][data-file="${f}"]`);
    window.__watch = new MutationObserver(() => {
      const now = document.querySelector(`[data-testid="file-report"][data-file="${f}"]`);
      if (!now || now !== el || now.getAttribute('data-status') === 'loading') window.__reloaded = true;
    });
    window.__watch.observe(document.body, { subtree: true, childList: true, attributes: true });
  }, file);
}

describe('mapping', () => {
  it('maps an Outlook export with no question and re-maps it without reading the file again', async () => {
    const [r] = await dropFiles(page, [layout('outlook_en.csv')]);
    assert.equal(r.table, 'meetings');
    assert.equal(await tableRows('meetings'), 3);
    assert.equal(await page.locator('[data-testid="date-question"]').count(), 0, 'M/D/YYYY with a day above 12 needs no question');
    await showTab(page, 'data');
    await watchReloads('outlook_en.csv');
    const mapping = page.locator('[data-testid="mapping"][data-file="outlook_en.csv"]');
    await mapping.locator('..').locator('summary').first().click();
    await mapping.getByLabel('Table for outlook_en.csv').selectOption('unknown');
    await page.waitForFunction(() => document.querySelector('[data-testid="canonical-table"][data-table="meetings"]')?.getAttribute('data-rows') === '0');
    await waitReady(page);
    assert.equal((await page.getAttribute('[data-testid="file-report"][data-file="outlook_en.csv"]', 'data-table')), 'unknown');
    await mapping.getByLabel('Table for outlook_en.csv').selectOption('meetings');
    await page.waitForFunction(() => document.querySelector('[data-testid="canonical-table"][data-table="meetings"]')?.getAttribute('data-rows') === '3');
    await waitReady(page);
    assert.equal(await page.evaluate(() => window.__reloaded), false, 'the file was not read again');
    assert.deepEqual(problems.errors, []);
  });

  it('asks whether 03/04/2025 is the 3rd of April or March 4th, and applies the answer', async () => {
    await dropFiles(page, [layout('ambiguous_dates.csv')]);
    await showTab(page, 'data');
    const q = page.locator('[data-testid="date-question"]');
    await q.waitFor();
    assert.match(await q.textContent(), /Is 03\/04\/2025 the 3rd of April 2025 or March 4th 2025\?/);
    await watchReloads('ambiguous_dates.csv');
    // A click, not check(): answering removes the question, so there is no checked box left to verify.
    await q.getByLabel(/March 4th 2025/).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="date-question"]'));
    await waitReady(page);
    const select = page.locator('[data-testid="mapping"] tr[data-field="start"] select').nth(1);
    assert.equal(await select.inputValue(), 'mdy');
    assert.equal(await page.evaluate(() => window.__reloaded), false);
    assert.deepEqual(problems.errors, []);
  });

  it('names values it cannot read, with their rows', async () => {
    await dropFiles(page, [join(ROOT, 'tests/fixtures/layouts/outlook_de.csv')]);
    await showTab(page, 'data');
    // German Outlook dates read day-first: every value reads, so nothing is listed.
    assert.equal(await page.locator('[data-testid="unparsed"]').count(), 0);
    const mapping = page.locator('[data-testid="mapping"][data-file="outlook_de.csv"]');
    await mapping.locator('..').locator('summary').first().click();
    // Map the title column as the start: none of its values is a date.
    await mapping.getByLabel('Column for Start (date or date and time)').selectOption('Betreff');
    const bad = mapping.locator('[data-testid="unparsed"]');
    await bad.waitFor();
    assert.match(await bad.textContent(), /2 values could not be read \(e\.g\. “1:1 Jonas \/ Lea”\): rows 1, 2/);
  });
});
