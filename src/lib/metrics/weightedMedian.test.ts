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

  it('equals the median of the values written out, computed here, on generated groups', async () => {
    const gen = [...Array(500).keys()].map((i) => ({ g: i % 7, v: (i * 37) % 23, w: (i * 11) % 4 }));
    const from = `(SELECT i % 7 AS g, (i * 37) % 23 AS v, (i * 11) % 4 AS w FROM range(500) t(i))`;
    const want = [...Array(7).keys()].map((g) => {
      const values = gen.filter((r) => r.g === g).flatMap((r) => Array<number>(r.w).fill(r.v)).sort((a, b) => a - b);
      const n = values.length;
      return { g, median: (values[Math.floor((n - 1) / 2)] + values[Math.floor(n / 2)]) / 2 };
    });
    expect(await sql(`${weightedMedianSql(from, ['g'], 'v', 'w')} ORDER BY g`)).toEqual(want);
  });
});
