/**
 * Revenue at stake (docs/METRICS.md, Overview): the renewals in the next 30, 60 and 90 days after "as of"
 * with each account's touches, progress gained and overdue outcomes, and the ARR of the high touch, low
 * progress accounts against all ARR. Plain arithmetic over the account rows (Meetings vs outcomes) and the
 * Outcomes view's account rows.
 */
import type { Row } from '$lib/engine/values';

export const RENEWAL_HORIZONS = [30, 60, 90] as const;

const numOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

export interface RenewalBucket {
  days: (typeof RENEWAL_HORIZONS)[number];
  accounts: number;
  /** Σ ARR of those accounts, null when none carries an ARR. */
  arr: number | null;
  /** Of them, the accounts with an outcome overdue at the window's end. */
  withOverdue: number;
}

/** The accounts renewing after "as of" and within the longest horizon, soonest first, with what the overview shows of each. */
export function renewalRows(accounts: Row[], outcomeAccounts: Row[], asOf: string): Row[] {
  const last = RENEWAL_HORIZONS.at(-1)!;
  const overdue = new Map(outcomeAccounts.map((o) => [String(o.account), numOf(o.overdue)]));
  return accounts
    .filter((a) => typeof a.renewal_date === 'string')
    .map((a) => ({ a, d: dayOf(a.renewal_date as string) - dayOf(asOf) }))
    .filter(({ d }) => d > 0 && d <= last)
    .map(({ a, d }) => ({
      account: a.account,
      segment: a.segment,
      csm_name: a.csm_name,
      arr: a.arr ?? null,
      renewal_date: a.renewal_date,
      days_to_renewal: d,
      touches: a.touches,
      progress_gained: a.progress_gained ?? null,
      overdue: overdue.get(String(a.account)) ?? 0
    }))
    .sort((x, y) => x.days_to_renewal - y.days_to_renewal || String(x.account).localeCompare(String(y.account)));
}

/** The renewals by horizon: each one counts every renewal up to it (30 is within 60, 60 within 90). */
export function renewalBuckets(rows: Row[]): RenewalBucket[] {
  return RENEWAL_HORIZONS.map((days) => {
    const within = rows.filter((r) => numOf(r.days_to_renewal) <= days);
    const withArr = within.filter((r) => typeof r.arr === 'number');
    return { days, accounts: within.length, arr: withArr.length ? withArr.reduce((s, r) => s + numOf(r.arr), 0) : null, withOverdue: within.filter((r) => numOf(r.overdue) > 0).length };
  });
}

/** The high touch, low progress accounts' ARR against the ARR of every account with progress gained (null without ARR). */
export function htlpArr(accounts: Row[]): { accounts: number; arr: number; of: number; share: number } | null {
  const withProgress = accounts.filter((a) => a.progress_gained !== null && a.progress_gained !== undefined);
  if (!withProgress.some((a) => typeof a.arr === 'number')) return null;
  const flagged = withProgress.filter((a) => a.flag === 'high_touch_low_progress');
  const arr = flagged.reduce((s, a) => s + numOf(a.arr), 0);
  const of = withProgress.reduce((s, a) => s + numOf(a.arr), 0);
  return { accounts: flagged.length, arr, of, share: of > 0 ? arr / of : 0 };
}
