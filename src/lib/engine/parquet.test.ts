import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { exec, query, useEngine } from './index';
import { startNodeEngine } from './node';
import { DECODE_BATCH_ROWS, TABLE_ROW_GROUP_ROWS, parquetToTable, readIpcBatches, tableColumns, tableToParquet, tableWriterProperties } from './parquet';

beforeAll(() => useEngine(startNodeEngine));

describe('Parquet round trip through parquet-wasm', () => {
  it('gives back every value and the exact column types, all-null booleans included', async () => {
    await exec(`CREATE OR REPLACE TABLE src AS SELECT * FROM (VALUES
      ('a', TRUE, NULL::BOOLEAN, DATE '2025-01-31', TIMESTAMP '2025-01-31 23:59:59.123456', 1.5::DOUBLE, 7::INTEGER, ['x', 'y'], '0012'),
      (NULL, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, '=1+1'),
      ('ü 🦆', NULL, NULL, DATE '1969-12-31', TIMESTAMP '1900-01-01 00:00:00', -0.25, -3, [], '')
    ) t(text, flag, never, day, seen_at, x, n, tags, code)`);
    const columns = await tableColumns('src');
    const bytes = await tableToParquet('src');
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x41, 0x52, 0x31]); // "PAR1"
    await parquetToTable(bytes, 'back', columns);
    expect(await tableColumns('back')).toEqual(columns);
    const diff = await query(`SELECT count(*)::INTEGER AS n FROM ((SELECT * FROM src EXCEPT ALL SELECT * FROM back) UNION ALL (SELECT * FROM back EXCEPT ALL SELECT * FROM src))`);
    expect(diff[0].n).toBe(0);
    expect((await query('SELECT count(*)::INTEGER AS n FROM back'))[0].n).toBe(3);
  });

  it('replaces a table of the same name and leaves no loading table behind', async () => {
    await exec(`CREATE OR REPLACE TABLE one AS SELECT 1 AS v`);
    await parquetToTable(await tableToParquet('one'), 'back');
    expect(await query('SELECT v FROM back')).toEqual([{ v: 1 }]);
    expect(await query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%__parquet'`)).toEqual([]);
  });

  it('restores a file of many row groups, in order, with every row', async () => {
    const pq = await import('parquet-wasm/esm');
    await exec(`CREATE OR REPLACE TABLE many AS SELECT i, 'row ' || i AS label FROM range(10000) t(i)`);
    const one = await tableToParquet('many');
    // The same rows rewritten in row groups of 1,000, as the native writer splits a large table.
    const props = new pq.WriterPropertiesBuilder().setMaxRowGroupSize(1000).build();
    const bytes = pq.writeParquet(pq.readParquet(one), props);
    const file = await pq.ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    expect(file.metadata().numRowGroups()).toBe(10);
    file.free();
    await parquetToTable(bytes, 'many_back', await tableColumns('many'));
    expect(await query('SELECT count(*)::INTEGER AS n, count(DISTINCT i)::INTEGER AS d, min(i)::INTEGER AS lo, max(i)::INTEGER AS hi FROM many_back')).toEqual([{ n: 10000, d: 10000, lo: 0, hi: 9999 }]);
    const order = await query('SELECT count(*)::INTEGER AS n FROM (SELECT i, row_number() OVER () - 1 AS pos FROM many_back) WHERE i <> pos');
    expect(order[0].n).toBe(0);
  });

  it('decodes a row group larger than one batch in batches, every row in order', async () => {
    const pq = await import('parquet-wasm/esm');
    const n = 2 * DECODE_BATCH_ROWS + 5;
    await exec(`CREATE OR REPLACE TABLE big AS SELECT i, 'row ' || i AS label FROM range(${n}) t(i)`);
    // Written in one row group (as another tool may write a file), not in the groups tableToParquet writes.
    const props = new pq.WriterPropertiesBuilder().setMaxRowGroupSize(10 * n).build();
    const bytes = pq.writeParquet(pq.readParquet(await tableToParquet('big')), props);
    const file = await pq.ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    expect(file.metadata().numRowGroups()).toBe(1);
    const sizes: number[] = [];
    expect(await readIpcBatches(file, [0], (ipc) => void sizes.push(tableFromIPC(ipc).numRows))).toBe(3);
    file.free();
    expect(sizes).toEqual([DECODE_BATCH_ROWS, DECODE_BATCH_ROWS, 5]);
    await parquetToTable(bytes, 'big_back', await tableColumns('big'));
    const order = await query('SELECT count(*)::INTEGER AS n, count(*) FILTER (i <> pos)::INTEGER AS misplaced FROM (SELECT i, row_number() OVER () - 1 AS pos FROM big_back)');
    expect(order).toEqual([{ n, misplaced: 0 }]);
  });

  it('writes a whole table in row groups of at most TABLE_ROW_GROUP_ROWS, with the native writer and with the page\'s', async () => {
    const pq = await import('parquet-wasm/esm');
    const n = 5 * TABLE_ROW_GROUP_ROWS + 123;
    await exec(`CREATE OR REPLACE TABLE wide AS SELECT i, 'row ' || i AS label, i % 7 = 0 AS flag FROM range(${n}) t(i)`);
    const groupRows = async (bytes: Uint8Array) => {
      const file = await pq.ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
      const meta = file.metadata();
      const rows = [...Array(meta.numRowGroups()).keys()].map((g) => Number(meta.rowGroup(g).numRows()));
      file.free();
      return rows;
    };
    const native = await groupRows(await tableToParquet('wide'));
    // The page's writer: the same table through parquet-wasm with the page's settings.
    const page = await groupRows(pq.writeParquet(pq.readParquet(await tableToParquet('wide')), tableWriterProperties(pq)));
    for (const rows of [native, page]) {
      expect(rows.reduce((a, b) => a + b, 0)).toBe(n);
      expect(Math.max(...rows)).toBeLessThanOrEqual(TABLE_ROW_GROUP_ROWS);
      expect(rows.length).toBeGreaterThanOrEqual(6);
    }
  });

  it('restores an empty table with its columns', async () => {
    await exec(`CREATE OR REPLACE TABLE none AS SELECT 1 AS v, 'x' AS w WHERE false`);
    await parquetToTable(await tableToParquet('none'), 'none_back', await tableColumns('none'));
    expect(await tableColumns('none_back')).toEqual(await tableColumns('none'));
    expect(await query('SELECT count(*)::INTEGER AS n FROM none_back')).toEqual([{ n: 0 }]);
  });
});
