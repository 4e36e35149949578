/**
 * The median of a numeric column over rows that each stand for `weight` equal values (a whole number, such as a
 * count of 1:1s held on a day): DuckDB's `median` over the rows written out, the middle value or the mean of
 * the two middle values when the count is even; null over no values. Written out rather than read off running
 * sums: the two windows those took cost 31 MiB of the engine's heap over the 1:1 gaps at 10 million meetings,
 * and WebAssembly memory never shrinks.
 */
export function weightedMedianSql(from: string, by: readonly string[], value: string, weight: string, as = 'median'): string {
  const keys = by.join(', ');
  return `SELECT ${by.length ? `${keys}, ` : ''}median(v) AS ${as}
    FROM (SELECT ${by.length ? `${keys}, ` : ''}${value} AS v, unnest(range(${weight})) AS copy FROM ${from} WHERE ${value} IS NOT NULL AND ${weight} > 0)
    ${by.length ? `GROUP BY ${keys}` : ''}`;
}
