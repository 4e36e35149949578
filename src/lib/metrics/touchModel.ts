/**
 * Touch rates against each segment's model (docs/METRICS.md, "Touch model"): the held customer touches per
 * account and calendar month of each AX segment, over the window, from the monthly rollup (touches.ts). The
 * expected rates are the user's (src/lib/state/touchModel.ts); comparing is plain arithmetic in
 * src/lib/overview/touchModel.ts.
 */
import { accountTouchFilter, heldCustomerTouches } from './touches';
import { accountWhere, paramsCte, type Filters } from './filters';

/** One row per segment and calendar month of the window: touches, the segment's accounts, touches per account. */
export function segmentMonthsSql(f: Filters): string {
  return `WITH ${paramsCte(f)},
  a AS (SELECT account, coalesce(segment, '(no segment)') AS segment FROM account_dim a WHERE ${accountWhere(f, 'a')}),
  sizes AS (SELECT segment, count(*)::INTEGER AS accounts FROM a GROUP BY segment),
  months AS (SELECT unnest(generate_series(date_trunc('month', params.w_from), date_trunc('month', params.w_to), INTERVAL 1 MONTH))::DATE AS m FROM params),
  t AS (
    SELECT date_trunc('month', t.d)::DATE AS m, a.segment, sum(t.n)::INTEGER AS touches
    FROM ${heldCustomerTouches(f)} t JOIN a USING (account) WHERE ${accountTouchFilter(f, 't')} GROUP BY ALL)
  SELECT strftime(mo.m, '%Y-%m-%d') AS month, s.segment, coalesce(t.touches, 0) AS touches, s.accounts,
    coalesce(t.touches, 0) / s.accounts AS per_account
  FROM months mo CROSS JOIN sizes s LEFT JOIN t ON t.m = mo.m AND t.segment = s.segment
  ORDER BY s.segment, mo.m`;
}
