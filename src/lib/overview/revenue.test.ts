import { describe, expect, it } from 'vitest';
import { htlpArr, renewalBuckets, renewalRows } from './revenue';

// As of 2026-03-31: 2026-04-30 is 30 days on, 2026-05-30 60, 2026-06-29 90.
const a = (account: string, renewal_date: string | null, arr: number | null, extra = {}) => ({ account, segment: 'High', csm_name: 'Ana', renewal_date, arr, touches: 2, progress_gained: 5, flag: null, ...extra });
const accounts = [
  a('Later', '2026-06-30', 10), // 91 days: out
  a('Ninety', '2026-06-29', 400),
  a('Thirty', '2026-04-30', 100),
  a('Sixty', '2026-05-30', null),
  a('Today', '2026-03-31', 1000), // renews on "as of": not ahead
  a('Past', '2025-12-01', 1000),
  a('NoDate', null, 1000)
];
const outcomes = [{ account: 'Thirty', overdue: 2 }, { account: 'Ninety', overdue: 0 }];

describe('revenue at stake', () => {
  it('lists the renewals after as of within 90 days, soonest first, with overdue outcomes', () => {
    const rows = renewalRows(accounts, outcomes, '2026-03-31');
    expect(rows.map((r) => [r.account, r.days_to_renewal, r.overdue])).toEqual([
      ['Thirty', 30, 2],
      ['Sixty', 60, 0],
      ['Ninety', 90, 0]
    ]);
  });
  it('counts each horizon with the ones before it, ARR only where known', () => {
    expect(renewalBuckets(renewalRows(accounts, outcomes, '2026-03-31'))).toEqual([
      { days: 30, accounts: 1, arr: 100, withOverdue: 1 },
      { days: 60, accounts: 2, arr: 100, withOverdue: 1 },
      { days: 90, accounts: 3, arr: 500, withOverdue: 1 }
    ]);
    expect(renewalBuckets([])[0]).toEqual({ days: 30, accounts: 0, arr: null, withOverdue: 0 });
  });
  it('weighs high touch, low progress by ARR', () => {
    const rows = [a('H', null, 300, { flag: 'high_touch_low_progress' }), a('K', null, 700), a('N', null, 5000, { progress_gained: null })];
    expect(htlpArr(rows)).toEqual({ accounts: 1, arr: 300, of: 1000, share: 0.3 });
    expect(htlpArr(rows.map((r) => ({ ...r, arr: null })))).toBeNull();
  });
});
