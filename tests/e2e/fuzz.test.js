/**
 * Seeded fuzzing through the real file input: truncated, byte-flipped, byte-inserted, line-duplicated and
 * random variants of hostile and real-layout fixtures, dropped in batches. Every file must end in a report
 * (loaded, partial or refused, never stuck loading), the page must stay up (app root and drop zone visible,
 * no uncaught error) and every view must still compute. Failures print the seed and the variant, and keep
 * the variants on disk; CADENCE_FUZZ_SEED=<seed> replays a run.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FIXTURES, ROOT, startSite, launchBrowser, openPage, waitReady, dropFiles, readReports } from './harness.js';
import { TABS } from './explore.js';
import { mulberry32 } from '../../scripts/generate-demo.js';

const SEED = Number(process.env.CADENCE_FUZZ_SEED ?? 20261107);
const VARIANTS = 60;
const BATCH = 10;
const BATCH_TIMEOUT = 60_000;

const BASES = [
  join(FIXTURES, 'csv-spectrum/quotes_and_newlines.csv'),
  join(FIXTURES, 'duckdb/ragged/inconsistent_cells.csv'),
  join(FIXTURES, 'duckdb/quoting/backslash_escape.csv'),
  join(FIXTURES, 'duckdb/encoding/utf16le_bom.csv'),
  join(FIXTURES, 'duckdb/fuzz/afl_case_53.csv'),
  join(FIXTURES, 'duckdb/line-endings/mixed_line_endings.csv'),
  join(FIXTURES, 'duckdb/delimiters/semicolon.csv'),
  ...['outlook_en.csv', 'outlook_de.csv', 'teams_meetings_utf16.csv', 'hubspot_internal.csv', 'totango_objectives.csv', 'asana_goals.csv', 'dayfirst_tracker.csv'].map((f) =>
    join(ROOT, 'tests/fixtures/layouts', f)
  )
];

/** Bytes that trouble CSV readers most: quotes, separators, line ends, NUL, invalid UTF-8, a BOM. */
const NASTY = [0x22, 0x2c, 0x3b, 0x09, 0x0a, 0x0d, 0x00, 0x5c, 0x27, 0xff, 0xfe, 0xc3, 0xef, 0xbb, 0xbf, 0x80];

function makeVariants(seed) {
  const rnd = mulberry32(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (a) => a[int(a.length)];
  const byte = () => (rnd() < 0.5 ? pick(NASTY) : int(256));
  const mutations = {
    truncate: (b) => b.subarray(0, int(b.length + 1)),
    flip: (b) => {
      const out = Uint8Array.from(b);
      for (let k = 1 + int(8); k > 0 && out.length; k--) out[int(out.length)] ^= 1 << int(8);
      return out;
    },
    insert: (b) => {
      let out = Uint8Array.from(b);
      for (let k = 1 + int(6); k > 0; k--) {
        const at = int(out.length + 1);
        const add = Uint8Array.from({ length: 1 + int(4) }, byte);
        out = Uint8Array.from([...out.subarray(0, at), ...add, ...out.subarray(at)]);
      }
      return out;
    },
    duplicate: (b) => {
      const lines = Buffer.from(b).toString('latin1').split('\n');
      const i = int(lines.length);
      lines.splice(i, 0, ...Array(1 + int(50)).fill(lines[i]));
      return Buffer.from(lines.join('\n'), 'latin1');
    },
    random: () => Uint8Array.from({ length: int(3000) }, () => (rnd() < 0.3 ? pick(NASTY) : 0x20 + int(95)))
  };
  const names = Object.keys(mutations);
  return Array.from({ length: VARIANTS }, (_, i) => {
    const base = pick(BASES);
    let bytes = new Uint8Array(readFileSync(base));
    // Each kind in turn, and a second, random one on about a third of the variants.
    const applied = [names[i % names.length], ...(rnd() < 0.3 ? [pick(names.filter((n) => n !== 'random'))] : [])];
    for (const m of applied) bytes = mutations[m](bytes);
    // Some variants travel compressed, so the inflater meets damaged input too.
    const gz = rnd() < 0.1;
    const name = `v${String(i).padStart(2, '0')}-${applied.join('+')}-${applied[0] === 'random' ? 'bytes.csv' : basename(base)}${gz ? '.gz' : ''}`;
    if (gz) bytes = rnd() < 0.5 ? mutations.flip(gzipSync(bytes)) : gzipSync(bytes);
    return { name, bytes };
  });
}

let browser, site, tmp, page, problems, context, failed = false;
before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  tmp = mkdtempSync(join(tmpdir(), 'cadence-fuzz-'));
  ({ page, problems, context } = await openPage(browser, site));
  await waitReady(page, 120_000);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
  if (failed) console.log(`fuzz: seed ${SEED}; the variants are kept in ${tmp}`);
  else if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe(`fuzz (seed ${SEED})`, () => {
  const variants = makeVariants(SEED);
  for (let start = 0; start < variants.length; start += BATCH) {
    const batch = variants.slice(start, start + BATCH);
    it(`batch ${start / BATCH + 1}: ${batch.map((v) => v.name).join(', ')}`, async () => {
      const where = `seed ${SEED}, variants ${batch.map((v) => v.name).join(', ')}`;
      try {
        const paths = batch.map((v) => {
          const path = join(tmp, v.name);
          writeFileSync(path, v.bytes);
          return path;
        });
        const reports = await dropFiles(page, paths, BATCH_TIMEOUT).catch(async (e) => {
          const stuck = (await readReports(page)).filter((r) => !['loaded', 'partial', 'refused'].includes(r.status)).map((r) => r.file);
          throw new Error(`not every file reached a report within ${BATCH_TIMEOUT / 1000} s (${where}); still ${stuck.join(', ') || 'busy'}: ${e.message}`);
        });
        assert.equal(reports.length, batch.length, where);
        for (const r of reports) {
          assert.ok(['loaded', 'partial', 'refused'].includes(r.status), `${r.file}: status ${r.status} (seed ${SEED})`);
          if (r.status === 'refused') assert.ok(r.message.length > 0, `${r.file}: refused without a reason (seed ${SEED})`);
        }
        for (const tab of TABS) {
          await page.click(`[data-testid="tab-${tab}"]`);
          await waitReady(page, 30_000);
          const alerts = await page.locator('.dashboard [role="alert"], .fatal').allTextContents();
          assert.deepEqual(alerts, [], `${tab}: a view could not be computed (${where})`);
        }
        assert.ok(await page.locator('[data-testid="app"]').isVisible(), `the app is still shown (${where})`);
        assert.ok(await page.locator('input[type="file"]').count(), `the file input is still there (${where})`);
        assert.ok(await page.getByRole('region', { name: 'Drop CSV files here' }).isVisible(), `the drop zone is still shown (${where})`);
        assert.deepEqual(problems.errors, [], `no console or page error (${where})`);
      } catch (e) {
        failed = true;
        throw e;
      }
    });
  }
});
