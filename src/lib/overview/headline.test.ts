import { describe, expect, it } from 'vitest';
import { countDiffInterval, headline, headlineRow, intervalExcludesZero, periodValues, shareDiffInterval, type PeriodRows } from './headline';

/**
 * Hand-computed. Accounts A (3 touches, +10 over 2 outcomes), B (no touch, no snapshot), C (5 touches,
 * −4 over 1 outcome): 8 touches, 2 of 3 accounts touched, mean gained (10·2 − 4·1) ÷ 3 = 5.333.
 * Managers 8/10 and 3/10 held weeks, 1/10 and 4/8 cancelled: coverage 11/20, cancel rate 5/18.
 * Outcomes 10 + 5 with 2 + 1 achieved and 1 + 2 overdue: 3 achieved, 3/15 overdue. Goals 4 + 6 with 1 + 2
 * at risk and 0 + 1 missed: 6/10 on pace.
 */
const now: PeriodRows = {
  accounts: [
    { account: 'A', touches: 3, progress_gained: 10, outcomes: 2 },
    { account: 'B', touches: 0, progress_gained: null, outcomes: 0 },
    { account: 'C', touches: 5, progress_gained: -4, outcomes: 1 }
  ],
  managers: [
    { manager: 'm1', held_weeks: 8, active_weeks: 10, due: 10, cancelled: 1 },
    { manager: 'm2', held_weeks: 3, active_weeks: 10, due: 8, cancelled: 4 }
  ],
  outcomeSegments: [
    { segment: 'High', outcomes: 10, achieved_in_window: 2, overdue: 1 },
    { segment: 'Tech', outcomes: 5, achieved_in_window: 1, overdue: 2 }
  ],
  goalTeams: [
    { team: 'East', goals: 4, at_risk: 1, missed: 0 },
    { team: 'West', goals: 6, at_risk: 2, missed: 1 }
  ]
};

describe('overview headline', () => {
  it('pools each figure from the views’ rows, with its n', () => {
    const v = periodValues(now);
    expect(v.ov_touches).toEqual({ value: 8, n: 3 });
    expect(v.ov_accounts_touched).toEqual({ value: 2 / 3, n: 3, part: 2 });
    expect(v.ov_progress_gained.value).toBeCloseTo(16 / 3, 10);
    expect(v.ov_progress_gained.n).toBe(3);
    expect(v.ov_achieved).toEqual({ value: 3, n: 15 });
    expect(v.ov_overdue).toEqual({ value: 0.2, n: 15, part: 3 });
    expect(v.ov_coverage).toEqual({ value: 0.55, n: 20, part: 11 });
    expect(v.ov_cancel_rate).toEqual({ value: 5 / 18, n: 18, part: 5 });
    expect(v.ov_goals_on_pace).toEqual({ value: 0.6, n: 10, part: 6 });
  });

  it('says "no value" rather than 0 when nothing is counted', () => {
    const v = periodValues({ accounts: [], managers: [], outcomeSegments: [], goalTeams: [] });
    expect(v.ov_coverage.value).toBeNull();
    expect(v.ov_progress_gained.value).toBeNull();
    expect(v.ov_touches.value).toBe(0);
  });

  it('gives Poisson intervals for counts and two-proportion intervals for shares', () => {
    // 30 − 10 = 20 ± 1.96·√40 = 20 ± 12.396
    const [lo, hi] = countDiffInterval(30, 10)!;
    expect(lo).toBeCloseTo(7.604, 3);
    expect(hi).toBeCloseTo(32.396, 3);
    // .3 − .1 = .2 ± 1.96·√(.21/100 + .09/100) = .2 ± .107354
    const [a, b] = shareDiffInterval(30, 100, 10, 100)!;
    expect(a).toBeCloseTo(0.092646, 5);
    expect(b).toBeCloseTo(0.307354, 5);
    expect(shareDiffInterval(3, 19, 10, 100)).toBeNull(); // fewer than 20 on one side
    expect(countDiffInterval(0, 0)).toBeNull();
    // 8 − 2 = 6 ± 1.96·√10 = 6 ± 6.198: includes no change
    expect(intervalExcludesZero(countDiffInterval(8, 2))).toBe(false);
    expect(intervalExcludesZero([7.6, 32.4])).toBe(true);
    expect(intervalExcludesZero([-3, -1])).toBe(true);
  });

  it('compares with the previous period, and has no change without one', () => {
    const before: PeriodRows = { ...now, accounts: [{ account: 'A', touches: 2, progress_gained: 1, outcomes: 1 }] };
    const h = Object.fromEntries(headline(now, before).map((x) => [x.id, x]));
    expect(h.ov_touches.change).toBe(6);
    expect(h.ov_touches.interval![0]).toBeCloseTo(6 - 1.96 * Math.sqrt(10), 10);
    expect(h.ov_accounts_touched.change).toBeCloseTo(2 / 3 - 1, 10);
    expect(h.ov_accounts_touched.interval).toBeNull(); // 3 and 1 accounts: too few for an interval
    expect(h.ov_progress_gained.change).toBeCloseTo(16 / 3 - 1, 10);
    expect(h.ov_progress_gained.interval).toBeNull(); // a mean: no interval here
    expect(h.ov_coverage.change).toBe(0);
    // Goals are read at their latest check-in: no previous-period value to compare with.
    expect([h.ov_goals_on_pace.before, h.ov_goals_on_pace.change, h.ov_goals_on_pace.interval]).toEqual([null, null, null]);
    const alone = headline(now, null);
    expect(alone.every((x) => x.before === null && x.change === null && x.interval === null)).toBe(true);
    expect(headlineRow(h.ov_touches)).toMatchObject({ id: 'ov_touches', label: 'Customer touches', kind: 'count', now: 8, before: 2, change: 6, n: 3, n_before: 1 });
  });
});
