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

const isFloat = (v: unknown): v is number => typeof v === 'number' && !Number.isInteger(v);
/** A row's identity for sorting: its values other than doubles (tied rows then by their doubles, coarsely). */
const sortKey = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (isFloat(x) ? undefined : x)) + JSON.stringify(v, (_k, x) => (isFloat(x) ? Math.round(x * 1e6) : x));

/**
 * Where two results differ beyond a sum's rounding, or null: arrays as multisets (native DuckDB aggregates on
 * several threads, so rows a query does not order come in any order), doubles equal to 1e-9 of their size
 * (or 1e-12 near 0). A tolerance, not rounding: a rounded value can fall either side of a rounding edge.
 */
export function differsAt(a: unknown, b: unknown, path = ''): string | null {
  if (isFloat(a) || isFloat(b)) {
    if (typeof a !== 'number' || typeof b !== 'number') return path;
    return Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b))) ? null : `${path}: ${a} ≠ ${b}`;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return `${path}: lengths`;
    const [x, y] = [a, b].map((xs) =>
      xs
        .map((v) => [sortKey(v), v] as const)
        .sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0))
        .map(([, v]) => v)
    );
    for (let i = 0; i < x.length; i++) {
      const d = differsAt(x[i], y[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = differsAt((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}
