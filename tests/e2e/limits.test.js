/** Limits that keep the tab safe, each refused with a message naming the file, the limit and the way past it. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite, launchBrowser, openPage, waitReady, dropFiles, removeAll, readReports } from './harness.js';

let browser, site, tmp, page, problems, context;
before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  tmp = mkdtempSync(join(tmpdir(), 'cadence-limits-'));
  ({ page, problems, context } = await openPage(browser, site));
  await waitReady(page, 120_000);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const write = (name, text) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
const row = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join(',') + '\n';

describe('limits', () => {
  it('refuses a file above the size the engine can hold before reading any of it, saying how to get past it', async () => {
    // A sparse file: its size is all that is checked, so nothing is written or read.
    const big = write('meetings_huge.csv', 'Subject,Start\n');
    truncateSync(big, 450 * 1024 * 1024);
    const [r] = await dropFiles(page, [big]);
    assert.equal(r.status, 'refused');
    assert.equal(r.rows, 0);
    assert.match(r.message, /Larger than 400\.0 MB \(this file is 450\.0 MB\)/);
    assert.match(r.message, /about 2\.5 million meetings/);
    assert.match(r.message, /“npm run publish” \(see the README\) checks and publishes a file of any size/);
    assert.match(r.message, /its published page reads the meetings month by month as its views need them/);
    assert.deepEqual(problems.errors, []);
  });

  it('refuses a file with more than 1,000 columns before reading it, and takes one with 1,000', async () => {
    const wide = write('wide_1001.csv', row(1001, (i) => `col${i}`) + row(1001, (i) => i));
    const [r] = await dropFiles(page, [wide]);
    assert.equal(r.status, 'refused');
    assert.equal(r.rows, 0);
    assert.match(r.message, /“wide_1001\.csv” has 1,001 columns; Cadence reads at most 1,000 per file/);
    assert.match(r.message, /Export only the columns you need/);
    const ok = write('wide_1000.csv', row(1000, (i) => `col${i}`) + row(1000, (i) => i));
    const [r2] = await dropFiles(page, [ok]);
    assert.equal(r2.status, 'loaded', r2.message);
    assert.equal(r2.rows, 1);
    assert.deepEqual(problems.errors, []);
  });

  it('refuses a file whose rows grow wider than 1,000 columns past the sample', async () => {
    const narrow = 'id,title,owner\n' + '1,"Quarterly review, EMEA",dana@example.com\n'.repeat(8000);
    const path = write('late_wide.csv', narrow + row(1200, (i) => i));
    const [r] = await dropFiles(page, [path]);
    assert.equal(r.status, 'refused');
    assert.match(r.message, /“late_wide\.csv” has 1,200 columns; Cadence reads at most 1,000/);
    assert.equal(await page.locator('[data-testid="table-panel"][data-file="late_wide.csv"]').count(), 0, 'nothing kept');
    assert.deepEqual(problems.errors, []);
  });

  it('rejects a row over 2,000,000 bytes (a value with line breaks), naming its line and the limit', async () => {
    const path = write('long_note.csv', 'id,note\n1,"' + ('x'.repeat(999) + '\n').repeat(2100) + '"\n2,short\n');
    const [r] = await dropFiles(page, [path]);
    assert.equal(r.status, 'partial');
    assert.equal(r.rows, 1);
    assert.equal(r.rejected, 1);
    assert.match(r.message, /1 line could not be read \(line size over maximum\) and is listed as rejected: line 2\./);
    assert.match(r.message, /A row over 2,000,000 bytes .* Export without the column holding the long text, or shorten it\./);
    assert.deepEqual(problems.errors, []);
  });

  it('takes at most 50 files at once, saying so, and then takes a smaller batch', async () => {
    await removeAll(page);
    const paths = Array.from({ length: 51 }, (_, i) => write(`batch_${String(i).padStart(2, '0')}.csv`, 'a,b\n1,2\n'));
    await page.setInputFiles('input[type="file"]', paths);
    const alert = page.locator('[data-testid="drop-refused"]');
    await alert.waitFor();
    assert.match(
      await alert.textContent(),
      /^51 files at once \(“batch_00\.csv”, “batch_01\.csv”, “batch_02\.csv” and 48 more\): Cadence takes at most 50 at a time, so none of them was loaded\. Drop them in batches of 50 or fewer/
    );
    assert.deepEqual(await readReports(page), [], 'none was loaded');
    const reports = await dropFiles(page, paths.slice(0, 2));
    assert.deepEqual(reports.map((r) => r.status), ['loaded', 'loaded']);
    assert.equal(await alert.count(), 0, 'the message goes once a drop is taken');
    assert.deepEqual(problems.errors, []);
  });
});
