import { beforeAll, describe, expect, it } from 'vitest';
import { exec, query, useEngine } from './index';
import { startNodeEngine } from './node';
import { parquetToTable, tableColumns, tableToParquet } from './parquet';

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
});
