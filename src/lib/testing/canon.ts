/**
 * A query result as compared across engines or load orders: rows as sorted multisets (a query that does not
 * order its rows may list them in any order, and native DuckDB aggregates on several threads) and doubles to
 * 9 decimals (a sum over rows in another order rounds otherwise: a ρ near 0 differs in its 13th digit).
 */
export const canon = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canon).map((x) => JSON.stringify(x)).sort()
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canon(x)]))
      : typeof v === 'number' && !Number.isInteger(v)
        ? Math.round(v * 1e9) / 1e9
        : v;
