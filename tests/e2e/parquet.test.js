/**
 * Parquet dropped on the page (a warehouse's export, a data tool's download): read in the browser by the
 * page's own codec, recognised and counted like the CSV it stands for, and refused with a reason when it is
 * not Parquet or is cut off.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ROOT, startSite, launchBrowser, openPage, dropFiles, readReports, showTab, waitReady } from './harness.js';

let browser;
let site;
let work;
before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  work = mkdtempSync(join(tmpdir(), 'cadence-parquet-'));
});
after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The demo's HubSpot meetings export as typed Parquet, as a warehouse would write it. */
async function hubspotAsParquet() {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const out = join(work, 'hubspot_meetings.parquet');
  try {
    await conn.run(`COPY (SELECT * FROM read_csv('${join(ROOT, 'static/demo/hubspot_meetings.csv')}')) TO '${out}' (FORMAT parquet)`);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  return out;
}

test('a Parquet export loads like its CSV: same table, same rows, reconciled with its footer', async () => {
  const parquet = await hubspotAsParquet();
  const { page, problems } = await openPage(browser, site);
  await waitReady(page);
  await dropFiles(page, [join(ROOT, 'static/demo/hubspot_meetings.csv')]);
  const [csv] = await readReports(page);
  await dropFiles(page, [parquet]);
  const [pq] = await readReports(page);
  assert.equal(pq.status, 'loaded', JSON.stringify(pq));
  assert.equal(pq.table, csv.table);
  assert.equal(pq.table, 'meetings');
  assert.equal(pq.rows, csv.rows);
  assert.equal(pq.counted, pq.rows);
  assert.match(pq.message, /Parquet file: its \d+ columns were read with their names, and its [\d,]+ rows match the count in its footer/);
  await showTab(page, 'data');
  assert.ok((await page.locator('[data-testid="canonical-table"][data-table="meetings"]').getAttribute('data-rows')) > 0);
  assert.deepEqual(problems.errors, []);
  assert.deepEqual(problems.external, []);
});

test('a file named .parquet that is not, or is cut off, is refused with the reason', async () => {
  const fake = join(work, 'not_really.parquet');
  writeFileSync(fake, 'Record ID,Meeting name\n1,Kickoff\n');
  const whole = readFileSync(await hubspotAsParquet());
  const cut = join(work, 'cut_off.parquet');
  writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
  const { page } = await openPage(browser, site);
  await waitReady(page);
  await dropFiles(page, [fake, cut]);
  const reports = await readReports(page);
  for (const r of reports) {
    assert.equal(r.status, 'refused', JSON.stringify(r));
    assert.equal(r.rows, 0);
    assert.match(r.message, /not a Parquet file.*cut off part-way/);
  }
});
