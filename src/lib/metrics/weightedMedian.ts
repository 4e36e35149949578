/**
 * The median of a column over rows that each stand for `weight` equal values (a rollup's count), as DuckDB's
 * `median` reads the rows written out: the middle value, or the mean of the two middle values when the count
 * is even; null over no values. The k-th smallest value is the first whose running weight reaches k.
 */
export function weightedMedianSql(from: string, by: readonly string[], value: string, weight: string, as = 'median'): string {
  const keys = by.join(', ');
  const partition = by.length ? `PARTITION BY ${keys} ` : '';
  return `SELECT ${by.length ? `${keys}, ` : ''}(min(v) FILTER (cum >= (total + 1) // 2) + min(v) FILTER (cum >= total // 2 + 1)) / 2 AS ${as}
    FROM (SELECT ${by.length ? `${keys}, ` : ''}${value} AS v,
        sum(${weight}) OVER (${partition}ORDER BY ${value} ROWS UNBOUNDED PRECEDING) AS cum,
        sum(${weight}) OVER (${partition.trim()}) AS total
      FROM ${from} WHERE ${value} IS NOT NULL AND ${weight} > 0)
    ${by.length ? `GROUP BY ${keys}` : ''}`;
}
