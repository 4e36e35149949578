/**
 * End-to-end harness: the production build served on 127.0.0.1 (with the security headers a host should
 * send), driven in Debian's headless Chromium through playwright-core (no browser download). Every page
 * records console errors, page errors, Content-Security-Policy violations and any request that leaves the
 * page's origin, so each test can assert there were none.
 */
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { serve } from '../../scripts/serve.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = process.env.CADENCE_FIXTURES ?? resolve(ROOT, '../shared/fixtures/hostile-csv');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export async function startSite({ dir = join(ROOT, 'build'), base = '', compress = false } = {}) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`no build in ${dir}: run npm run build first`);
  const server = await serve({ root: dir, port: 0, base, compress });
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}${base}/`, close: () => new Promise((ok) => server.close(ok)) };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

/** Marks what Chromium reports about a Content-Security-Policy (blocked loads, inline code, eval). */
const CSP_TEXT = /Content[- ]Security[- ]Policy/i;

/**
 * A page with watchers: `problems.errors` (console errors, page errors, CSP violations), `problems.csp` (the
 * page's CSP violations alone) and `problems.external` (requests off-origin, workers' included: a worker's
 * request the policy blocks shows up there, as Chromium does not report it to any console).
 */
export async function openPage(browser, site, { viewport = { width: 1280, height: 900 }, colorScheme = 'light', path = '', setup, contextOptions = {} } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce', ...contextOptions });
  // Every violation in the document as a console error naming its directive and place, whatever Chromium's own message says.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`)
    );
  });
  const page = await context.newPage();
  const problems = { errors: [], external: [], csp: [] };
  page.on('console', (m) => {
    const isCsp = CSP_TEXT.test(m.text());
    if (isCsp) problems.csp.push(m.text());
    if (m.type() === 'error' || isCsp) problems.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.errors.push(`page: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(site.origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.external.push(u);
  });
  await setup?.(context, page); // extra watchers that must see the first request
  await page.goto(site.url + path);
  return { page, context, problems };
}

export async function waitReady(page, timeout = 60_000) {
  await page.waitForSelector('[data-testid="app"][data-status="ready"]', { timeout });
}

/**
 * Pick files through the real file input and wait until every one of them has a final report and the
 * page is ready again. Bounded: a hang fails the test instead of stalling the suite.
 */
export async function dropFiles(page, paths, timeout = 60_000) {
  await removeAll(page);
  const names = paths.map((p) => p.split('/').pop());
  await page.setInputFiles('input[type="file"]', paths);
  await page.waitForFunction(
    (expected) => {
      const app = document.querySelector('[data-testid="app"]');
      const reports = [...document.querySelectorAll('[data-testid="file-report"]')];
      const done = reports.filter((r) => r.getAttribute('data-status') !== 'loading').map((r) => r.getAttribute('data-file'));
      return app?.getAttribute('data-status') === 'ready' && expected.every((n) => done.includes(n));
    },
    names,
    { timeout, polling: 100 }
  );
  return readReports(page);
}

export function readReports(page) {
  return page.$$eval('[data-testid="file-report"]', (els) =>
    els.map((e) => ({
      file: e.getAttribute('data-file'),
      table: e.getAttribute('data-table'),
      status: e.getAttribute('data-status'),
      rows: Number(e.getAttribute('data-rows')),
      rejected: Number(e.getAttribute('data-rejected')),
      counted: e.getAttribute('data-counted') === '' ? null : Number(e.getAttribute('data-counted')),
      message: e.querySelector('[data-testid="file-message"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      text: e.textContent?.replace(/\s+/g, ' ').trim() ?? ''
    }))
  );
}

/** The preview table of one loaded file (on the Data tab): header names and raw cell text (null cells as null). */
export async function readPreview(page, file) {
  await showTab(page, 'data');
  await waitReady(page);
  return page.$eval(`[data-testid="table-panel"][data-file="${file}"] [data-testid="preview-table"] table`, (table) => {
    const columns = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(1).map((td) => (td.hasAttribute('data-null') ? null : td.textContent))
    );
    return { columns, rows };
  });
}

/** Open the load report when it is folded into its one line (it folds once every file loaded cleanly). */
export async function openLoadReport(page) {
  const report = page.locator('[data-testid="load-report"]');
  if ((await report.count()) && !(await report.evaluate((d) => d.open))) {
    await report.locator(':scope > summary').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="load-report"]')?.open === true);
  }
}

/** Remove every loaded file (the page's own "Remove all"), so the next drop starts from an empty report. */
export async function removeAll(page) {
  const n = await page.locator('[data-testid="file-report"]').count();
  if (n > 1) await page.click('[data-testid="remove-all"]');
  else if (n === 1) {
    await openLoadReport(page);
    await page.locator('[data-testid="file-report"] button', { hasText: 'Remove' }).click();
  }
  if (n) await page.waitForFunction(() => !document.querySelector('[data-testid="file-report"]'), null, { timeout: 30_000 });
}

/** Switch the dashboard to a view: 'meetings', 'oneonone', 'goals', 'outcomes' or 'data'. */
export async function showTab(page, name) {
  await page.click(`[data-testid="tab-${name}"]`);
  await waitReady(page);
}

/** On the Meetings tab, open the section of every account if it is closed (its table is made when opened). */
export async function openAllAccounts(page) {
  const summary = page.locator('[data-testid="view-meetings"] details summary', { hasText: 'All accounts' });
  if (!(await summary.evaluate((s) => s.parentElement.open))) await summary.click();
  await page.locator('[data-testid="mo-accounts"] tbody tr').first().waitFor();
}

/** Open a list filter's picker (Manager, Team, CSM, Segment, Meeting kind: `managers` … `kinds`), if closed. */
async function openFilter(page, key) {
  const button = page.locator(`[data-testid="filter-${key}"]`);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const panel = page.locator(`[data-testid="filter-${key}-options"]`);
  await panel.waitFor();
  return panel;
}

/** A list filter's choices as its picker lists them: [{ value, label, checked }]; the picker is closed again. */
export async function filterChoices(page, key) {
  const panel = await openFilter(page, key);
  const choices = await panel.locator('input[type="checkbox"]').evaluateAll((boxes) =>
    boxes.map((b) => ({ value: b.value, label: b.closest('label').textContent.trim(), checked: b.checked }))
  );
  await page.keyboard.press('Escape');
  return choices;
}

/**
 * Set a list filter to exactly these values ([] = all) through its picker, as a person ticks the boxes:
 * `values` are option values, or `{ label }` objects; waits for the page after each tick, then closes it.
 */
export async function pickFilter(page, key, values) {
  const panel = await openFilter(page, key);
  const boxes = panel.locator('input[type="checkbox"]');
  const choices = await boxes.evaluateAll((bs) => bs.map((b) => ({ value: b.value, label: b.closest('label').textContent.trim() })));
  const want = new Set(values.map((v) => (typeof v === 'string' ? v : choices.find((c) => c.label === v.label)?.value)));
  for (const v of want) if (v === undefined || !choices.some((c) => c.value === v)) throw new Error(`filter ${key} has no option ${JSON.stringify(values)}`);
  for (let i = 0; i < choices.length; i++) {
    const box = boxes.nth(i);
    if (want.has(choices[i].value) !== (await box.isChecked())) {
      await box.click();
      await waitReady(page);
    }
  }
  await page.keyboard.press('Escape');
  await waitReady(page);
}
