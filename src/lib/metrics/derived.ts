/**
 * Tables derived once per build from the canonical tables, because every filter change would otherwise
 * recompute them: the data's date range ("as of") and each account's segment and CSM. Views read these;
 * a filter never changes them.
 */

/** The data's "as of" date: the last meeting that is not merely scheduled, else the last outcome snapshot,
 *  else the last goal check-in (or goal start), so a goals-only export still has a window. */
const AS_OF = `coalesce(
  (SELECT max(CAST(start_at AS DATE)) FROM meetings WHERE status IS DISTINCT FROM 'scheduled'),
  (SELECT max(as_of) FROM outcomes),
  (SELECT greatest(max(CAST(updated_at AS DATE)), max(start_date)) FROM goals),
  NULL::DATE)`;

const FIRST_DAY = `coalesce((SELECT min(CAST(start_at AS DATE)) FROM meetings), (SELECT min(as_of) FROM outcomes), (SELECT min(start_date) FROM goals))`;

export const DERIVED_TABLES = ['data_range', 'account_dim'] as const;

export const DERIVED_SQL = [
  `CREATE OR REPLACE TABLE data_range AS SELECT ${AS_OF} AS as_of, ${FIRST_DAY} AS first_day`,
  // Every account any table names; segment and CSM from the accounts report, else its outcomes, else the
  // CSM who meets it most.
  `CREATE OR REPLACE TABLE account_dim AS
   WITH acct AS (
     SELECT account FROM accounts UNION SELECT account FROM outcomes WHERE account IS NOT NULL
     UNION SELECT account FROM meetings WHERE kind = 'customer' AND account IS NOT NULL)
   SELECT x.account, coalesce(ac.segment, os.segment) AS segment, coalesce(ac.csm, os.csm, mc.csm) AS csm
   FROM acct x
   LEFT JOIN accounts ac USING (account)
   LEFT JOIN (SELECT account, any_value(segment) AS segment, any_value(csm) AS csm FROM outcomes WHERE account IS NOT NULL GROUP BY account) os USING (account)
   LEFT JOIN (SELECT account, mode(csm) AS csm FROM meetings WHERE account IS NOT NULL GROUP BY account) mc USING (account)`
];
