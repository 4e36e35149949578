import { describe, expect, it } from 'vitest';
import { sql } from '$lib/testing/duckdb-node';
import { weightedMedianSql } from './weightedMedian';

/** Rows (g, v, w): value v counted w times in group g. */
const rows = (values: [string, number | null, number][]) =>
  `(SELECT * FROM (VALUES ${values.map(([g, v, w]) => `('${g}', ${v ?? 'NULL'}::BIGINT, ${w})`).join(', ')}) t(g, v, w))`;

describe('weightedMedianSql', () => {
  it('reads weighted rows as the values written out (hand cases: odd, even, zero weights, nulls)', async () => {
    const from = rows([
      // a: 0, 0, 7, 9 → even count, (0 + 7) / 2
      ['a', 7, 1], ['a', 0, 2], ['a', 9, 1],
      // b: 3, 5, 5, 5, 8 → odd, 5 (a zero weight and a null value count for nothing)
      ['b', 5, 3], ['b', 8, 1], ['b', 3, 1], ['b', 100, 0], ['b', null, 4],
      // c: one value
      ['c', 14, 1],
      // d: nothing to count
      ['d', 2, 0]
    ]);
    const got = await sql(`${weightedMedianSql(from, ['g'], 'v', 'w')} ORDER BY g`);
    expect(got).toEqual([{ g: 'a', median: 3.5 }, { g: 'b', median: 5 }, { g: 'c', median: 14 }]);
  });

  it('over every row at once, and null over none', async () => {
    const from = rows([['a', 7, 1], ['a', 0, 2], ['b', 9, 1], ['b', 1, 2]]); // 0 0 1 1 7 9
    expect(await sql(weightedMedianSql(from, [], 'v', 'w'))).toEqual([{ median: 1 }]);
    expect(await sql(weightedMedianSql(`(SELECT * FROM ${from} WHERE false)`, [], 'v', 'w'))).toEqual([{ median: null }]);
  });

  it('equals DuckDB’s median of the rows written out, on generated groups', async () => {
    const from = `(SELECT i % 7 AS g, (i * 37) % 23 AS v, (i * 11) % 4 AS w FROM range(500) t(i))`;
    const expanded = `(SELECT g, v FROM ${from}, range(w) r(k))`;
    const diff = await sql(`SELECT count(*)::INTEGER AS n FROM (${weightedMedianSql(from, ['g'], 'v', 'w')}) a
      FULL JOIN (SELECT g, median(v) AS median FROM ${expanded} GROUP BY g) b USING (g) WHERE a.median IS DISTINCT FROM b.median`);
    expect(diff).toEqual([{ n: 0 }]);
  });
});
