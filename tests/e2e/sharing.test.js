/**
 * Sharing with no backend: a folder of exports published as a static site (Parquet baked in) and served
 * under a sub-path; the view travels in the link's fragment; dropped files survive a reload and are
 * forgotten on request (checked through the storage APIs); exported CSV is formula-safe and re-imports.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, FIXTURES, startSite, launchBrowser, openPage, waitReady, dropFiles, readReports, readPreview, showTab } from './harness.js';

const run = promisify(execFile);
const LAYOUTS = join(ROOT, 'tests/fixtures/layouts');
const SHARING = join(ROOT, 'tests/fixtures/sharing');
const DEMO = join(ROOT, 'static/demo');
const PUBLISHED_FILES = ['people.csv', 'accounts.csv', 'hubspot_meetings.csv', 'gainsight_success_plans.csv', 'outlook_1on1s.csv'];

let browser;
let site;
let work;
before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  work = mkdtempSync(join(tmpdir(), 'cadence-sharing-'));
});
after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Which tab is selected, the filters as the window line shows them, and the rows of every visible table. */
function viewSignature(page) {
  return page.evaluate(() => {
    const tab = document.querySelector('[role="tab"][aria-selected="true"]')?.id;
    const window = document.querySelector('[data-testid="window"]')?.textContent?.replace(/\s+/g, ' ').trim();
    const panel = document.querySelector('[role="tabpanel"]:not([hidden])');
    const tables = [...(panel?.querySelectorAll('table') ?? [])].map((t) => t.innerText.replace(/\s+/g, ' ').trim());
    return { tab, window, tables };
  });
}

/** Storage the origin holds, read through the browser's storage APIs (not the page's UI). */
function originStorage(page) {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const opfs = [];
    for await (const name of root.keys()) opfs.push(name);
    const idb = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    const cacheKeys = await caches.keys();
    return { opfs, localStorage: Object.keys(localStorage), sessionStorage: Object.keys(sessionStorage), idb, caches: cacheKeys };
  });
}

test('a published folder opens ready under a sub-path, and a link with a fragment opens the same filtered view', async () => {
  const folder = join(work, 'exports');
  mkdirSync(folder);
  for (const f of PUBLISHED_FILES) copyFileSync(join(DEMO, f), join(folder, f));
  const out = join(work, 'site');
  const { stdout } = await run(process.execPath, [join(ROOT, 'scripts/publish.js'), folder, '--out', out], { cwd: ROOT, timeout: 300_000 });
  assert.match(stdout, /Published to/);
  for (const f of PUBLISHED_FILES) assert.match(stdout, new RegExp(`✓ ${f.replace('.', '\\.')}`));

  const pub = await startSite({ dir: out, base: '/team-dashboard' });
  try {
    const { page, context, problems } = await openPage(browser, pub);
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await waitReady(page);
    assert.equal(await page.locator('[data-testid="published-banner"]').count(), 1);
    assert.equal(await page.locator('[data-testid="demo-banner"]').count(), 0);
    const reports = await readReports(page);
    assert.deepEqual(reports.map((r) => r.file).sort(), [...PUBLISHED_FILES].sort());
    assert.ok(reports.every((r) => r.status === 'loaded' && r.rows > 0 && r.rows === r.counted), JSON.stringify(reports));
    // The published page reads Parquet, never CSV, and carries no demo.
    assert.ok(requests.some((u) => u.endsWith('.parquet')), 'Parquet fetched');
    assert.ok(!requests.some((u) => /\.csv$/.test(u)), `no CSV fetched: ${requests.filter((u) => u.endsWith('.csv'))}`);
    assert.equal((await page.request.get(`${pub.url}demo/manifest.json`)).status(), 404);

    // Make a view: 1:1 tab, one manager (a click on the table row filters by it), the 26-week window.
    await showTab(page, 'oneonone');
    await page.locator('[data-testid="oo-managers"] tbody tr').first().click();
    await waitReady(page);
    await page.selectOption('[data-testid="filter-window"]', '26w');
    await waitReady(page);
    await page.waitForFunction(() => location.hash.startsWith('#v2'));
    const link = page.url();
    assert.ok(link.startsWith(`${pub.url}#v2`), link);
    const expected = await viewSignature(page);
    assert.equal(expected.tab, 'tab-oneonone');
    // "Copy link" puts exactly this address on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pub.origin });
    await page.click('[data-testid="copy-link"]');
    await page.waitForSelector('[data-testid="copied"]');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    assert.ok(expected.tables.length > 0);

    // The link in a fresh browser context (nothing shared but the URL).
    const other = await openPage(browser, pub, { path: link.slice(link.indexOf('#')) });
    await waitReady(other.page);
    await other.page.waitForFunction((t) => document.querySelector('[role="tab"][aria-selected="true"]')?.id === t, expected.tab);
    await waitReady(other.page);
    assert.deepEqual(await viewSignature(other.page), expected);
    assert.equal(other.page.url(), link);

    // Back returns to the previous view, forward to the linked one.
    await page.goBack();
    await waitReady(page);
    assert.notEqual(page.url(), link);
    await page.goForward();
    await page.waitForFunction((l) => location.href === l, link);
    await waitReady(page);
    assert.deepEqual(await viewSignature(page), expected);

    // Nothing so far needed a meeting row: the views answered from the whole tables and rollups.
    assert.deepEqual(requests.filter((u) => /\/data\/meetings\//.test(u)), []);

    // Published without its staging tables (the default), the data is sealed: the Data tab says its mappings
    // cannot change here, files dropped on it replace it, and Remove all offers it again.
    assert.equal(await page.getAttribute('[data-testid="published-banner"]', 'data-sealed'), 'true');
    await showTab(page, 'data');
    assert.match(await page.textContent('[data-testid="sealed-note"]'), /published without its source rows.*publish again/s);
    assert.equal(await page.locator('[data-testid="model-summary"] fieldset:not([disabled])').count(), 0);
    assert.ok((await page.locator('[data-testid="sealed-file"]').count()) >= PUBLISHED_FILES.length);
    await page.setInputFiles('input[type="file"]', [join(LAYOUTS, 'asana_goals.csv'), join(LAYOUTS, 'totango_objectives.csv')]);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="file-report"]')].filter((r) => r.dataset.status !== 'loading').length === 2);
    await waitReady(page);
    assert.deepEqual((await readReports(page)).map((r) => r.file), ['asana_goals.csv', 'totango_objectives.csv']);
    assert.equal(await page.locator('[data-testid="published-banner"]').count(), 0);
    await page.click('[data-testid="remove-all"]');
    await page.click('[data-testid="open-site-data"]');
    await waitReady(page);
    assert.deepEqual((await readReports(page)).map((r) => r.file).sort(), [...PUBLISHED_FILES].sort());
    assert.deepEqual([...problems.errors, ...other.problems.errors], []);
    assert.deepEqual([...problems.external, ...other.problems.external], []);
  } finally {
    await pub.close();
  }
});

test('publishing stops with the page’s own message on a file the page would refuse', async () => {
  const folder = join(work, 'bad-exports');
  mkdirSync(folder);
  copyFileSync(join(DEMO, 'people.csv'), join(folder, 'people.csv'));
  copyFileSync(join(FIXTURES, 'duckdb/nul-bytes/nullbyte_in_value.csv'), join(folder, 'nullbyte_in_value.csv'));
  const failed = await run(process.execPath, [join(ROOT, 'scripts/publish.js'), folder, '--out', join(work, 'bad-site')], { cwd: ROOT, timeout: 300_000 }).then(
    () => null,
    (e) => e
  );
  assert.ok(failed, 'publish must fail');
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /✗ nullbyte_in_value\.csv/);
  assert.match(failed.stdout, /NUL byte, line \d+/);
  assert.match(failed.stderr, /Not published: the page would refuse nullbyte_in_value\.csv/);
});

test('a link whose fragment is damaged or from elsewhere opens the default view with a notice', async () => {
  for (const fragment of ['#v1.%%%broken', '#v9.eyJ0IjoiZ29hbHMifQ', '#v1.eyJ0IjoiYWRtaW4ifQ']) {
    const { page, context, problems } = await openPage(browser, site, { path: fragment });
    await waitReady(page);
    const notice = await page.locator('[data-testid="link-notice"]').textContent();
    assert.match(notice, /could not be read .*showing the default view/);
    assert.equal(await page.getAttribute('[role="tab"][aria-selected="true"]', 'id'), 'tab-overview');
    assert.ok((await page.locator('[data-testid="file-report"]').count()) > 0, 'the page still opened its data');
    assert.deepEqual(problems.errors, []);
    await context.close();
  }
});

test('dropped files survive a reload; Forget data leaves the origin’s storage empty', async () => {
  const { page, context, problems } = await openPage(browser, site);
  await waitReady(page);
  const files = [join(LAYOUTS, 'outlook_en.csv'), join(LAYOUTS, 'asana_goals.csv')];
  const before = await dropFiles(page, files);
  await page.waitForFunction(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('cadence-files').catch(() => null);
    if (!dir) return false;
    let n = 0;
    for await (const name of dir.keys()) if (name.endsWith('.bin')) n++;
    return n === 2;
  }, null, { polling: 200, timeout: 20_000 });

  await page.reload();
  await waitReady(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="file-report"]').length === 2);
  await waitReady(page);
  const afterReload = await readReports(page);
  assert.deepEqual(
    afterReload.map(({ file, table, status, rows, rejected, counted }) => ({ file, table, status, rows, rejected, counted })),
    before.map(({ file, table, status, rows, rejected, counted }) => ({ file, table, status, rows, rejected, counted }))
  );
  assert.equal(await page.locator('[data-testid="demo-banner"]').count(), 0);

  await showTab(page, 'data');
  const storage = page.locator('[data-testid="device-storage"]');
  assert.equal(await storage.getAttribute('data-files'), '2');
  // A mapping remembered on this device (an edit), so forgetting mappings has something to remove.
  await page.evaluate(() => localStorage.setItem('cadence.agenda-words.v1', JSON.stringify({})));
  assert.ok((await originStorage(page)).opfs.length > 0);

  await page.check('[data-testid="forget-mappings"]');
  await page.click('[data-testid="forget-data"]');
  await page.waitForSelector('[data-testid="forget-message"]');
  await waitReady(page);
  assert.match(await page.locator('[data-testid="forget-message"]').textContent(), /Removed from this browser: 2 files \(.+\)\. Your agenda keywords removed\. Showing the demo\./);
  const left = await originStorage(page);
  assert.deepEqual(left, { opfs: [], localStorage: [], sessionStorage: [], idb: [], caches: [] });
  // The page shows the site's own data again, and a reload keeps it that way.
  assert.equal(await page.locator('[data-testid="demo-banner"]').count(), 1);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('[data-testid="demo-banner"]').count(), 1);
  assert.deepEqual(problems.errors, []);
  assert.deepEqual(problems.external, []);
  await context.close();
});

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

test('an exported table is formula-safe CSV that re-imports unchanged apart from the escaping', async () => {
  const { page, context, problems } = await openPage(browser, site);
  await waitReady(page);
  await dropFiles(page, [join(SHARING, 'formula_goals.csv')]);
  await showTab(page, 'goals');
  const table = page.locator('[data-testid="goals-at-risk"]');
  await table.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), table.locator('[data-testid="export-csv"]').click()]);
  const path = join(work, download.suggestedFilename());
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows = parseCsv(text);
  const cells = rows.flat();
  const formulaLike = /^[=+\-@\t\r\0]/;
  const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  const unsafe = cells.filter((c) => formulaLike.test(c) && !plainNumber.test(c));
  assert.deepEqual(unsafe, [], 'no cell may start a formula');
  // Every hostile goal name is there, escaped with a leading apostrophe.
  // (A leading tab is trimmed from titles on import, so it is covered by the CSV unit tests instead.)
  for (const title of ['=HYPERLINK("http://evil.example","click")', '+SUM(1+2) pipeline', '-2+3 renewals', '@SUM(A1) expansion']) {
    assert.ok(cells.includes(`'${title}`), `escaped: ${JSON.stringify(title)} in ${JSON.stringify(cells)}`);
  }
  assert.ok(cells.includes('Plain goal'), 'plain text stays as it was');

  // Re-import: the same rows and cells come back (the apostrophes included: that is the escaping).
  const reimport = join(work, 'goals-at-risk-reimport.csv');
  writeFileSync(reimport, readFileSync(path));
  const [report] = await dropFiles(page, [reimport]);
  assert.equal(report.status, 'loaded', report.message);
  assert.equal(report.rows, rows.length - 1);
  assert.equal(report.rejected, 0);
  await showTab(page, 'data');
  const preview = await readPreview(page, 'goals-at-risk-reimport.csv');
  assert.deepEqual(preview.columns, rows[0]);
  assert.deepEqual(
    preview.rows.map((r) => r.map((c) => c ?? '')),
    rows.slice(1, 1 + preview.rows.length)
  );
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('Forget data on the demo: mappings kept unless ticked, the message says what went, and the demo dashboard works again', async () => {
  const { page, context, problems } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } });
  await waitReady(page, 120_000);
  // A remembered mapping, so the message has something to keep or remove.
  await page.evaluate(() => localStorage.setItem('cadence.mappings.v1', JSON.stringify({ 'layout-a': { table: 'meetings', fields: {}, options: {} } })));
  await showTab(page, 'data');
  assert.equal(await page.isChecked('[data-testid="forget-mappings"]'), false, 'mappings are forgotten only when ticked');
  await page.click('[data-testid="forget-data"]');
  await page.waitForSelector('[data-testid="forget-message"]');
  await waitReady(page);
  const message = (await page.textContent('[data-testid="forget-message"]')).replace(/\s+/g, ' ');
  assert.doesNotMatch(message, /0 files/, message);
  assert.match(message, /No files were kept on this device/, message);
  assert.match(message, /1 remembered mapping kept/, message);
  assert.equal(await page.evaluate(() => localStorage.getItem('cadence.mappings.v1') !== null), true, 'the unticked box kept the mapping');
  assert.equal(await page.locator('[data-testid="model-error"]').count(), 0, await page.locator('[data-testid="model-error"]').textContent().catch(() => ''));
  assert.equal(await page.locator('[data-testid="demo-banner"]').count(), 1);

  // Every view works as before: the filter bar, numbers, no error and no empty state.
  for (const tab of ['meetings', 'oneonone', 'goals', 'outcomes']) {
    await showTab(page, tab);
    assert.ok(await page.locator('[data-testid="filters"]').isVisible(), `${tab}: the filter bar`);
    const panel = page.locator(`#panel-${tab}`);
    assert.equal(await panel.locator('.empty').count(), 0, `${tab}: no empty state`);
    assert.ok((await panel.locator('table tbody tr, svg [role="button"]').count()) > 0, `${tab}: rows or marks`);
  }
  assert.equal(await page.locator('text=A view could not be computed').count(), 0);

  // Ticked, it says the mapping went.
  await showTab(page, 'data');
  await page.check('[data-testid="forget-mappings"]');
  await page.click('[data-testid="forget-data"]');
  await page.waitForFunction(() => /1 remembered mapping removed/.test(document.querySelector('[data-testid="forget-message"]')?.textContent ?? ''));
  await waitReady(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('cadence.mappings.v1')), null);
  assert.equal(await page.locator('[data-testid="model-error"]').count(), 0);
  assert.deepEqual(problems.errors, []);
  await context.close();
});
