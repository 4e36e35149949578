/**
 * The app as a person uses it: the demo on first open, hosting under a sub-path, compressed files,
 * cancelling a large load, correcting the dialect, and exports with quirks no other test has seen.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT, startSite, launchBrowser, openPage, waitReady, dropFiles, readPreview, readReports, openLoadReport, showTab } from './harness.js';

let browser, site, tmp;
before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  tmp = mkdtempSync(join(tmpdir(), 'cadence-e2e-'));
});
after(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** ISO week start (Monday) of a M/D/YYYY date, computed here without the app's code. */
function isoWeekOfUsDate(text) {
  const [m, d, y] = text.split('/').map(Number);
  const t = Date.UTC(y, m - 1, d);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - dow * 86400000).toISOString().slice(0, 10);
}

describe('first open', () => {
  it('opens the embedded demo: every export loaded, recognised, and its tables filled', async () => {
    const { page, problems, context } = await openPage(browser, site);
    await waitReady(page, 120_000);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'static/demo/manifest.json'), 'utf8'));
    const reports = await readReports(page);
    assert.equal(reports.length, manifest.files.length);
    for (const f of manifest.files) {
      const r = reports.find((x) => x.file === f.file);
      assert.ok(r, f.file);
      assert.equal(r.status, 'loaded', `${f.file}: ${r.message}`);
      assert.equal(r.rows, f.rows, f.file);
      assert.equal(r.counted, f.rows, f.file);
      assert.equal(r.table, f.table, `${f.file} recognised as ${f.table}`);
    }
    const tables = Object.fromEntries(
      await page.$$eval('[data-testid="canonical-table"]', (els) => els.map((e) => [e.getAttribute('data-table'), Number(e.getAttribute('data-rows'))]))
    );
    const expected = {};
    for (const f of manifest.files) expected[f.table] = (expected[f.table] ?? 0) + f.rows;
    assert.deepEqual(tables, expected, 'the demo exports do not overlap, so no row is a duplicate');
    assert.equal(await page.locator('[data-testid="unparsed"]').count(), 0, 'every demo value is read');
    assert.ok(await page.locator('[data-testid="demo-banner"]').isVisible());
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.external, []);
    await context.close();
  });

  it('works from a sub-path, as on GitHub Pages, with every request on the same origin', async () => {
    const sub = await startSite({ base: '/cadence' });
    try {
      const { page, problems, context } = await openPage(browser, sub);
      await waitReady(page);
      const [report] = await readReports(page);
      assert.equal(report.status, 'loaded');
      assert.ok(report.rows > 10);
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.external, []);
      await context.close();
    } finally {
      await sub.close();
    }
  });
});

describe('loading files', () => {
  let page, problems, context;
  before(async () => {
    ({ page, problems, context } = await openPage(browser, site));
    await waitReady(page);
  });
  after(() => context.close());

  it('accepts .csv.gz and reads it like the plain file', async () => {
    const gz = join(tmp, 'newlines.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(join(FIXTURES, 'csv-spectrum/newlines.csv'))));
    const [r] = await dropFiles(page, [gz]);
    assert.equal(r.status, 'loaded');
    assert.equal(r.rows, 3);
    assert.equal((await readPreview(page, 'newlines.csv.gz')).rows[1][0], 'Once upon \na time');
    assert.deepEqual(problems.errors, []);
  });

  it('shows progress on a large file and cancels it, keeping nothing', async () => {
    const big = join(tmp, 'big_meetings.csv');
    const row = '1234567,"Quarterly business review, EMEA",2025-03-04 10:00:00,60,alex.nguyen@example.com,Acme Health\n';
    writeFileSync(big, 'id,title,start,duration,organizer,account\n' + row.repeat(Math.ceil((60 * 1024 * 1024) / row.length)));
    await page.setInputFiles('input[type="file"]', big);
    const card = page.locator('[data-testid="file-report"][data-file="big_meetings.csv"]');
    await card.locator('progress').waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForSelector('[data-testid="file-report"][data-file="big_meetings.csv"][data-status="refused"]', { timeout: 30_000 });
    await waitReady(page);
    const r = (await readReports(page)).find((x) => x.file === 'big_meetings.csv');
    assert.equal(r.rows, 0);
    assert.match(r.message, /cancelled/i);
    assert.equal(await page.locator('[data-testid="table-panel"][data-file="big_meetings.csv"]').count(), 0);
    assert.deepEqual(problems.errors, []);
  });

  it('reads a file again with the dialect the user corrects', async () => {
    const [r] = await dropFiles(page, [join(FIXTURES, 'duckdb/delimiters/tab.csv')]);
    assert.equal((await readPreview(page, 'tab.csv')).columns.length, 3);
    assert.equal(r.rows, 3);
    const card = page.locator('[data-testid="file-report"][data-file="tab.csv"]');
    await openLoadReport(page); // it loaded cleanly, so the report is folded
    await card.locator('summary').click();
    await card.getByLabel('Delimiter').fill(',');
    await card.getByLabel('First line is column names').check();
    await card.getByRole('button', { name: 'Read again' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="file-report"][data-file="tab.csv"]')?.getAttribute('data-status') === 'loaded');
    await waitReady(page);
    const again = (await readReports(page)).find((x) => x.file === 'tab.csv');
    assert.equal(again.rows, 2, 'header now taken from the first line');
    assert.equal((await readPreview(page, 'tab.csv')).columns.length, 1, 'one column once tabs are not delimiters');
    assert.deepEqual(problems.errors, []);
  });
});

describe('exports with quirks no other test has seen', () => {
  let page, problems, context;
  before(async () => {
    ({ page, problems, context } = await openPage(browser, site));
    await waitReady(page);
  });
  after(() => context.close());

  it('a European Excel export: BOM, semicolons, CRLF, a title line, a quoted newline, a short row', async () => {
    const lines = [
      'Calendar export – Team EMEA',
      'Betreff;Beginnt am;Beginnt um;Organisator;Konto-ID',
      'Weekly 1:1;03.02.2025;09:00:00;dana@example.com;00042',
      '"QBR; Acme\r\nfollow-up";04.02.2025;14:30:00;alex@example.com;00043',
      'Renewal prep;05.02.2025;11:00:00',
      'Onboarding;06.02.2025;10:00:00;sam@example.com;00044'
    ];
    const file = join(tmp, 'outlook_de.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n')]));
    const [r] = await dropFiles(page, [file]);
    assert.equal(r.status, 'partial');
    assert.equal(r.rows, 4);
    assert.match(r.message, /title/);
    assert.match(r.message, /fewer values than the 5 columns.*line 6\b/, 'the physical line, after the two-line quoted value');
    const p = await readPreview(page, 'outlook_de.csv');
    assert.deepEqual(p.columns, ['Betreff', 'Beginnt am', 'Beginnt um', 'Organisator', 'Konto-ID']);
    assert.equal(p.rows[1][0], 'QBR; Acme\r\nfollow-up');
    assert.equal(p.rows[0][4], '00042');
    assert.deepEqual(problems.errors, []);
  });

  it('a Teams attendance report: UTF-16 LE, tabs, non-Latin names', async () => {
    const text = 'Full Name\tJoin Time\tLeave Time\tEmail\r\nŁukasz Nowak\t3/4/2025, 9:01:12 AM\t3/4/2025, 9:30:00 AM\tlukasz@example.com\r\n渡辺 陽子\t3/4/2025, 9:02:40 AM\t3/4/2025, 9:31:09 AM\tyoko@example.com\r\n';
    const file = join(tmp, 'teams_attendance.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const [r] = await dropFiles(page, [file]);
    assert.equal(r.status, 'loaded');
    assert.deepEqual([r.rows, r.counted], [3, 3], 'every line read, the header included (the report is read cell by cell)');
    // A participants report is one meeting with its participants as attendees, not a meeting per person.
    assert.match(r.text, /1 meeting \(3\/4\/2025, 9:01:12 AM – 3\/4\/2025, 9:31:09 AM\) with 2 attendees/);
    const p = await readPreview(page, 'teams_attendance.csv');
    assert.equal(p.rows.length, 1);
    const attendance = p.rows[0][p.columns.indexOf('Attendance')];
    assert.match(attendance, /Łukasz Nowak <lukasz@example.com>/);
    assert.match(attendance, /渡辺 陽子 <yoko@example.com>/);
  });

  it('a Windows-1252 CRM export: refused naming the first bad line, then read in the encoding the user picks', async () => {
    const rows = ['Company,Owner,Amount'];
    for (let i = 1; i <= 60; i++) rows.push(`Account ${i},Owner ${i},${i * 100}`);
    rows[41] = 'Société Générale,Zoë Müller,4100';
    const file = join(tmp, 'crm_export.csv');
    writeFileSync(file, Buffer.from(rows.join('\n') + '\n', 'latin1'));
    const [r] = await dropFiles(page, [file]);
    assert.equal(r.status, 'refused');
    assert.match(r.message, /not UTF-8, line 42\b/i);
    const card = page.locator('[data-testid="file-report"][data-file="crm_export.csv"]');
    await card.locator('select').last().selectOption('windows-1252');
    await card.getByRole('button', { name: 'Read again' }).click();
    await page.waitForSelector('[data-testid="file-report"][data-file="crm_export.csv"][data-status="loaded"]', { timeout: 30_000 });
    await waitReady(page);
    assert.equal((await readReports(page))[0].rows, 60);
    const text = (await readPreview(page, 'crm_export.csv')).rows.flat().join('|');
    assert.doesNotMatch(text, /Ã|\uFFFD/);
    assert.deepEqual(problems.errors, []);
  });
});

describe('the load report', () => {
  it('folds into one line once every file loaded cleanly, keeps its hooks, opens on demand, and stays open for a file with warnings', async () => {
    const { page, problems, context } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } });
    try {
      await waitReady(page, 120_000);
      const layouts = join(ROOT, 'tests/fixtures/layouts');
      const reports = await dropFiles(page, [join(layouts, 'outlook_en.csv'), join(layouts, 'asana_goals.csv')]);
      assert.deepEqual(reports.map((r) => r.status), ['loaded', 'loaded'], 'two clean files (the premise)');
      const report = page.locator('[data-testid="load-report"]');
      assert.equal(await report.evaluate((d) => d.open), false, 'folded');
      const box = await report.boundingBox();
      assert.ok(box.height < 80, `one line, not ${box.height} px`);
      assert.match(await report.locator(':scope > summary').textContent(), /2 files\s+2 loaded · \d+ rows/);
      // The hooks stay in the DOM, folded: each card with its data-* attributes.
      assert.deepEqual((await readReports(page)).map((r) => [r.file, r.status, r.rows > 0]), [['outlook_en.csv', 'loaded', true], ['asana_goals.csv', 'loaded', true]]);
      // The dashboard starts right below it.
      const tabs = await page.locator('[role="tablist"]').boundingBox();
      assert.ok(tabs.y < box.y + box.height + 60, `the views follow the report line (tabs at ${tabs.y}, report ends at ${box.y + box.height})`);

      await openLoadReport(page);
      assert.ok(await page.locator('[data-testid="file-report"][data-file="outlook_en.csv"]').isVisible(), 'opens on demand');

      // A file with warnings keeps the report open after its drop.
      const partial = join(tmp, 'titled.csv');
      writeFileSync(partial, 'Calendar export – Team EMEA\nSubject,Start,Organizer\nWeekly 1:1,2025-02-03 09:00,dana@example.com\nQBR,2025-02-04 14:30\n');
      const [r] = await dropFiles(page, [partial]);
      assert.equal(r.status, 'partial', r.message);
      assert.equal(await report.evaluate((d) => d.open), true, 'open: the warning needs a look');
      assert.deepEqual(problems.errors, []);
    } finally {
      await context.close();
    }
  });

  it('Remove all on the demo leaves no "demo data" claim and offers the demo again, which opens a working dashboard', async () => {
    const { page, problems, context } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } });
    try {
      await waitReady(page, 120_000);
      const manifest = JSON.parse(readFileSync(join(ROOT, 'static/demo/manifest.json'), 'utf8'));
      // Every change of the page's busy state from the click on: "ready" must mean done, not a pause between
      // removing the files and rebuilding the tables.
      await page.evaluate(() => {
        const app = document.querySelector('[data-testid="app"]');
        window.__statuses = [];
        new MutationObserver(() => window.__statuses.push(app.getAttribute('data-status'))).observe(app, { attributes: true, attributeFilter: ['data-status'] });
      });
      await page.click('[data-testid="remove-all"]');
      await page.waitForFunction(() => !document.querySelector('[data-testid="file-report"]'));
      await waitReady(page);
      await page.waitForTimeout(1000); // long enough for a rebuild that started late to show as busy
      const statuses = await page.evaluate(() => window.__statuses);
      assert.deepEqual(statuses, ['busy', 'ready'], 'busy once, from the click until the page is done');
      assert.equal(await page.locator('[data-testid="demo-banner"]').count(), 0, 'no claim that demo data is shown');
      assert.equal(await page.locator('text=0 files').count(), 0);
      const empty = page.locator('[data-testid="no-data"]');
      assert.match(await empty.textContent(), /No data is loaded/);
      await empty.getByRole('button', { name: 'Open the demo again' }).click();
      await page.waitForSelector('[data-testid="demo-banner"]');
      await waitReady(page);
      assert.equal(await page.locator('[data-testid="file-report"]').count(), manifest.files.length);
      assert.equal(await page.locator('[data-testid="no-data"]').count(), 0);
      for (const tab of ['meetings', 'oneonone', 'goals', 'outcomes']) {
        await showTab(page, tab);
        assert.ok(await page.locator('[data-testid="filters"]').isVisible(), `${tab}: the filter bar`);
        assert.ok((await page.locator(`#panel-${tab}`).locator('table tbody tr, svg [role="button"]').count()) > 0, `${tab}: rows or marks`);
      }
      assert.equal(await page.locator('[data-testid="model-error"]').count(), 0);
      assert.deepEqual(problems.errors, []);
    } finally {
      await context.close();
    }
  });
});
