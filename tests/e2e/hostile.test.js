/**
 * Every file of the shared hostile-CSV fixtures, dropped through the real file input into the real
 * DuckDB-WASM, checked against what the fixtures' README asks of a correct loader. Counts come from that
 * README and from its independent record counts (expected/record_counts.tsv), not from our own code.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, startSite, launchBrowser, openPage, waitReady, dropFiles, readPreview, readReports } from './harness.js';

const f = (rel) => join(FIXTURES, rel);
const byName = (reports, name) => {
  const r = reports.find((x) => x.file === name);
  assert.ok(r, `no report for ${name}`);
  return r;
};

/** A one-column all-text file has no evidence of a header; the report says when its first line was kept as data. */
const headerLines = (r) => (/could not tell whether the first line/.test(r.message) ? 0 : 1);

/** Independent record counts from the fixtures (Python's csv module). */
const RECORD_COUNTS = Object.fromEntries(
  readFileSync(f('expected/record_counts.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map(([file, all, nonBlank]) => [file, { all: Number(all), nonBlank: Number(nonBlank) }])
);

let site, browser, page, problems;

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, site));
  await waitReady(page);
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Drop a group, check nothing hung, no error was logged and nothing left the origin. */
async function dropGroup(rels, timeout = 60_000) {
  const reports = await dropFiles(page, rels.map(f), timeout);
  assert.deepEqual(problems.errors, [], 'console or page errors');
  assert.deepEqual(problems.external, [], 'requests outside the page origin');
  for (const r of reports) {
    assert.notEqual(r.status, 'loading', `${r.file} never finished`);
    assert.ok(['loaded', 'partial', 'refused'].includes(r.status), `${r.file}: status ${r.status}`);
    assert.ok(r.text.length > 0, `${r.file}: the report is blank`);
    if (r.status === 'refused') assert.match(r.message, /\S/, `${r.file}: refused without a reason`);
  }
  return reports;
}

describe('csv-spectrum: loads exactly the JSON records', () => {
  const names = readdirSync(f('csv-spectrum')).filter((n) => n.endsWith('.csv'));
  const rows = { comma_in_quotes: 1, empty: 2, empty_crlf: 2, escaped_quotes: 2, json: 1, newlines: 3, newlines_crlf: 3, quotes_and_newlines: 2, simple: 1, simple_crlf: 1, utf8: 2 };
  it('every file loads with the expected rows and values', async () => {
    const reports = await dropGroup(names.map((n) => `csv-spectrum/${n}`));
    for (const name of names) {
      const base = name.replace('.csv', '');
      const r = byName(reports, name);
      assert.equal(r.status, 'loaded', `${name}: ${r.message}`);
      assert.equal(r.rows, rows[base], name);
      assert.equal(r.rejected, 0, name);
      const expected = JSON.parse(readFileSync(f(`expected/csv-spectrum/${base}.json`), 'utf8'));
      const preview = await readPreview(page, name);
      assert.deepEqual(preview.columns, Object.keys(expected[0]), `${name} columns`);
      // An empty field reads as NULL or as an empty string; both mean "" in the expected records.
      const got = preview.rows.map((cells) => Object.fromEntries(preview.columns.map((c, i) => [c, cells[i] ?? ''])));
      assert.deepEqual(got, expected, `${name} values`);
    }
  });
});

describe('line endings', () => {
  it('LF, CRLF, bare CR and mixed endings give the same rows', async () => {
    const reports = await dropGroup([
      'duckdb/line-endings/mixed_line_endings.csv',
      'duckdb/line-endings/mixed_new_line.csv',
      'duckdb/line-endings/one_r_two.csv',
      'duckdb/line-endings/one_r_n_two.csv',
      'duckdb/line-endings/many_empty_lines.csv'
    ]);
    assert.equal(byName(reports, 'mixed_line_endings.csv').rows, 3);
    assert.equal(byName(reports, 'mixed_new_line.csv').rows, 3);
    assert.deepEqual((await readPreview(page, 'mixed_new_line.csv')).rows, [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']]);
    assert.deepEqual((await readPreview(page, 'one_r_two.csv')).rows, [['one'], ['two']]);
    assert.deepEqual((await readPreview(page, 'one_r_n_two.csv')).rows, [['one'], ['two'], ['three']]);
    const many = byName(reports, 'many_empty_lines.csv');
    assert.equal(many.rows, 1, 'the value 1 is a row, not a header');
    assert.deepEqual((await readPreview(page, 'many_empty_lines.csv')).rows, [['1']]);
    assert.match(many.message, /19,99\d blank lines between rows skipped/);
    assert.match(many.message, /read as data/);
  });
});

describe('quoting', () => {
  it('keeps quoted newlines inside fields and refuses unterminated quotes naming line 1', async () => {
    const reports = await dropGroup(readdirSync(f('duckdb/quoting')).map((n) => `duckdb/quoting/${n}`));
    assert.equal(byName(reports, 'quotednewlines_deep.csv').rows, 10_100);
    assert.equal(byName(reports, 'quoted_newline.csv').rows, 2);
    for (const name of ['unterminated.csv', 'single_quote_char_only.csv', 'segfault.csv']) {
      const r = byName(reports, name);
      assert.equal(r.status, 'refused', name);
      assert.equal(r.rows, 0, name);
      assert.match(r.message, /unterminated quote, line 1\b/i, name);
    }
    const inner = byName(reports, 'unescaped_inner_quotes.csv');
    assert.equal(inner.rows + inner.rejected, 6, 'every row loaded');
    assert.match(inner.message, /line 3\b/, 'the line with the stray delimiter is named');
    const bs = byName(reports, 'backslash_escape.csv');
    assert.equal(bs.rows, 3);
    assert.ok((await readPreview(page, 'backslash_escape.csv')).rows.some((r) => r.includes('text"2"')));
    const odd = byName(reports, 'csv_quoted_newline_odd.csv');
    assert.equal(odd.rows + odd.rejected, RECORD_COUNTS['duckdb/quoting/csv_quoted_newline_odd.csv'].nonBlank - headerLines(odd));
  });
});

describe('encoding', () => {
  it('strips a UTF-8 BOM, decodes UTF-16, refuses other encodings naming the line', async () => {
    const reports = await dropGroup(readdirSync(f('duckdb/encoding')).map((n) => `duckdb/encoding/${n}`));
    const bom = byName(reports, 'utf8bom_crlf.csv');
    assert.equal(bom.rows, 2);
    assert.deepEqual((await readPreview(page, 'utf8bom_crlf.csv')).columns, ['id', 'name']);
    assert.equal(byName(reports, 'utf16le_bom.csv').rows, 20);
    const nonLatin = byName(reports, 'utf16_non_latin.csv');
    assert.equal(nonLatin.status, 'loaded');
    assert.ok((await readPreview(page, 'utf16_non_latin.csv')).rows.flat().every((v) => v === null || /^[Ł ]+$/.test(v)));
    for (const [name, line] of [['latin1.csv', 2], ['shift_jis.csv', 1], ['invalid_utf_line1.csv', 1], ['banklist_latin1_nbsp_header.csv', 1]]) {
      const r = byName(reports, name);
      assert.equal(r.status, 'refused', name);
      assert.match(r.message, new RegExp(`not UTF-8, line ${line}\\b`, 'i'), name);
    }
    const inv = byName(reports, 'invalid_utf8.csv');
    assert.ok(inv.status === 'refused' ? /UTF-16/.test(inv.message) : inv.rows === 3 - headerLines(inv), 'decoded as UTF-16 or refused saying so');
  });

  it('reads a refused Latin-1 file once the user picks its encoding, without mojibake', async () => {
    const card = page.locator('[data-testid="file-report"][data-file="latin1.csv"]');
    await card.locator('select').last().selectOption('windows-1252');
    await card.getByRole('button', { name: 'Read again' }).click();
    await page.waitForSelector('[data-testid="file-report"][data-file="latin1.csv"][data-status="loaded"]', { timeout: 30_000 });
    await waitReady(page);
    const r = byName(await readReports(page), 'latin1.csv');
    assert.equal(r.rows, 12);
    const cells = (await readPreview(page, 'latin1.csv')).rows.flat().join(' ');
    assert.match(cells, /José/);
    assert.doesNotMatch(cells, /\uFFFD|Ã©/);
  });
});

describe('NUL bytes', () => {
  it('refuses a file with NUL bytes naming the line, never cutting text at the NUL', async () => {
    const reports = await dropGroup(readdirSync(f('duckdb/nul-bytes')).map((n) => `duckdb/nul-bytes/${n}`));
    for (const r of reports) {
      if (r.status === 'refused') assert.match(r.message, /NUL byte, line \d+/, r.file);
      else assert.ok(r.rows > 0, `${r.file} must not become an empty table without a message`);
    }
    assert.equal(byName(reports, 'null_terminator.csv').status, 'refused');
  });
});

describe('ragged rows', () => {
  it('keeps every row, never collapses columns, and names the bad lines with field counts', async () => {
    const reports = await dropGroup(readdirSync(f('duckdb/ragged')).map((n) => `duckdb/ragged/${n}`));
    const expectRows = {
      'inconsistent_cells.csv': 4,
      'short_row_at_line_1026.csv': 1025,
      'too_few_columns.csv': 6,
      'too_many_columns.csv': 6,
      'small_mix.csv': 4,
      'nullpadding.csv': 5,
      'multiple_errors.csv': 7,
      'row_trailing_comma.csv': 1,
      'evil_nullpadding.csv': 3
    };
    for (const [name, n] of Object.entries(expectRows)) {
      const r = byName(reports, name);
      assert.equal(r.status, 'partial', `${name}: ${r.message}`);
      assert.equal(r.rows + r.rejected, n, name);
      assert.match(r.message, /(fewer|more) values than the \d+ column/, `${name} names the field counts`);
      assert.match(r.message, /lines? \d/, `${name} names lines`);
    }
    assert.match(byName(reports, 'short_row_at_line_1026.csv').message, /line 1026\b/);
    assert.match(byName(reports, 'too_many_columns.csv').message, /line 6\b/);
    // Not collapsed into one text column.
    assert.deepEqual((await readPreview(page, 'too_many_columns.csv')).columns.slice(0, 2), ['i', 'j']);
    assert.deepEqual((await readPreview(page, 'small_mix.csv')).columns.slice(0, 4), ['a', 'b', 'c', 'd']);
  });
});

describe('huge values', () => {
  it('reads a 30 KB field as one row and refuses a 2 MB line quickly', async () => {
    const t0 = Date.now();
    const reports = await dropGroup(['duckdb/huge/long_escaped_value_duck_delim.csv', 'duckdb/huge/line_too_long.csv.gz'], 30_000);
    assert.equal(byName(reports, 'long_escaped_value_duck_delim.csv').rows, 1);
    const gz = byName(reports, 'line_too_long.csv.gz');
    assert.equal(gz.status, 'refused');
    assert.match(gz.message, /line longer than [\d,]+ bytes, line 1\b/i);
    assert.ok(Date.now() - t0 < 30_000);
  });
});

describe('delimiters', () => {
  it('detects semicolons and tabs; keeps decimal commas as text', async () => {
    const reports = await dropGroup(readdirSync(f('duckdb/delimiters')).map((n) => `duckdb/delimiters/${n}`));
    for (const name of ['semicolon.csv', 'tab.csv']) {
      assert.equal(byName(reports, name).rows, 3, name);
      assert.equal((await readPreview(page, name)).columns.length, 3, name);
    }
    assert.equal(byName(reports, 'decimal_comma.csv').rows, 5);
    const dc = await readPreview(page, 'decimal_comma.csv');
    assert.deepEqual(dc.columns, ['commas', 'periods']);
    assert.ok(dc.rows.some((r) => r[0] === '1,53e4'), 'decimal comma value kept as written');
  });
});

describe('types', () => {
  it('keeps identifiers and big numbers exactly, keeps every row, shows the date format', async () => {
    const reports = await dropGroup(readdirSync(f('duckdb/types')).map((n) => `duckdb/types/${n}`));
    assert.ok((await readPreview(page, 'leading_zeros.csv')).rows.flat().includes('09001'));
    assert.ok((await readPreview(page, 'big_number.csv')).rows.flat().includes('82544000000000707.52'));
    assert.equal(byName(reports, 'mixed_date_formats.csv').rows, 5);
    assert.equal(byName(reports, 'mixedtypes_line_10002.csv').rows, 13_400);
    assert.equal(byName(reports, 'timestamp_offsets.csv').rows, 8);
    assert.equal(byName(reports, 'bad_date_quoted_header.csv').rows, 1);
    for (const name of ['dates_dd-mm-yy.csv', 'dates_mm-dd-yy_12h.csv']) {
      const r = byName(reports, name);
      assert.equal(r.rows, 3, name);
      assert.match(r.text, /Dates look like %[dmy]/, `${name} shows the detected date format`);
    }
  });
});

describe('empty files and headers', () => {
  it('gives plain messages and unique column names', async () => {
    const reports = await dropGroup(readdirSync(f('duckdb/empty-header')).map((n) => `duckdb/empty-header/${n}`));
    const empty = byName(reports, 'empty.csv');
    assert.equal(empty.status, 'refused');
    assert.match(empty.message, /file is empty/i);
    const headerOnly = byName(reports, 'header_only_no_newline.csv');
    assert.equal(headerOnly.rows, 0);
    assert.notEqual(headerOnly.status, 'refused');
    assert.match(headerOnly.message, /no data rows/);
    assert.equal((await readPreview(page, 'header_only_no_newline.csv')).columns.length, 1);
    const dirty = byName(reports, 'dirty_preamble_line.csv');
    assert.equal(dirty.rows, 2);
    assert.match(dirty.message, /title/);
    assert.deepEqual((await readPreview(page, 'dirty_preamble_line.csv')).columns, ['COL1', 'COL2', 'COL3']);
    assert.equal(byName(reports, 'empty_first_line.csv').rows, 3);
    const dup = (await readPreview(page, 'duplicate_header_names.csv')).columns;
    assert.equal(new Set(dup).size, dup.length, 'duplicate names made unique');
    assert.deepEqual(dup.slice(0, 3), ['a', 'a_1', 'a_2']);
    assert.deepEqual((await readPreview(page, 'empty_header_names.csv')).columns, ['column0', 'column1', 'column2']);
    const blank = byName(reports, 'blank_line_one_column.csv');
    assert.equal(blank.rows, 10);
    assert.match(blank.message, /1 blank line between rows skipped/);
  });
});

describe('fuzz', () => {
  it('ends a fuzzer crash case in a clear report', async () => {
    const [r] = await dropGroup(['duckdb/fuzz/afl_case_53.csv']);
    assert.ok(r.status === 'refused' ? r.message.length > 10 : r.rows >= 0);
  });
});
