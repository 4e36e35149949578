import { describe, expect, it } from 'vitest';
import { findings, htlpFinding, managerFindings, overdueRenewingFinding, segmentRhoFindings, shiftFindings, MAX_FINDINGS } from './findings';
import { headline, type PeriodRows } from './headline';

const acct = (account: string, segment: string, meetings: number, progress: number | null, flag: string | null, arr: number | null, extra = {}) => ({
  account, segment, csm_name: 'Ana', meetings, touches: meetings, progress_gained: progress, outcomes: progress === null ? 0 : 1, med_meetings: 2, med_progress: 5, flag, arr, ...extra
});

describe('finding: high touch, low progress by ARR', () => {
  // Median meetings 2: "many" is at least max(2 × 2, 2 + 3) = 5.
  const rows = [
    acct('Small', 'High', 6, 0, 'high_touch_low_progress', 50_000),
    acct('Big', 'High', 5, 1, 'high_touch_low_progress', 1_200_000),
    acct('Near', 'High', 4, 1, 'high_touch_low_progress', 2_000_000),
    acct('Fine', 'High', 2, 5, null, 900_000),
    acct('None', 'Tech', 0, null, null, 1)
  ];
  it('names the flagged accounts with at least twice their segment’s median meetings, the largest ARR first, beside all flagged', () => {
    const f = htlpFinding(rows)!;
    expect(f.text).toBe(
      '2 accounts had at least twice their segment’s median meetings yet gained less progress than its median, 1.3M ARR; the largest, Big (1.2M), had 5 meetings against a median of 2.0 and gained +1 pts against +5 pts. In all 3 accounts are high touch, low progress (3.3M ARR).'
    );
    expect(f.evidence.rows.map((r) => r.account)).toEqual(['Big', 'Small']);
    expect(f.n).toBe('4 accounts with progress gained');
    expect(f.link).toEqual({ tab: 'meetings' });
  });
  it('is not emitted when no flagged account has that many meetings, or none is flagged', () => {
    expect(htlpFinding([rows[2], rows[3]])).toBeNull();
    expect(htlpFinding([rows[3]])).toBeNull();
  });
  it('leaves ARR out when the exports carry none', () => {
    expect(htlpFinding(rows.map((r) => ({ ...r, arr: null })))!.text).toMatch(/^2 accounts had at least twice their segment’s median meetings yet gained less progress than its median; the most met, Small, had 6 meetings/);
  });
});

describe('finding: managers against the other managers', () => {
  const m = (manager: string, due: number, cancelled: number, held_weeks = 80, active_weeks = 100) => ({ manager, manager_name: manager.toUpperCase(), due, cancelled, rescheduled: 0, held_weeks, active_weeks });
  it('names a manager whose cancel rate is clearly above the rest, with the interval and the rows to open', () => {
    // 30/100 against 10/200: +25 pts ± 1.96·√(.3·.7/100 + .05·.95/200) = ± 9.48 pts → 15.5 to 34.5
    const fs = managerFindings([m('mo', 100, 30), m('n1', 100, 5), m('n2', 100, 5)]).filter((f) => f.rule === 'finding_manager_cancel');
    expect(fs).toHaveLength(1);
    expect(fs[0].text).toBe('MO’s 1:1s were cancelled 30% of the time (30 of 100 1:1s due), against 5% for the other managers (10 of 200): 25 pts more, 95% interval 16 pts to 34 pts.');
    expect(fs[0].link).toEqual({ tab: 'oneonone', drill: { type: 'manager', manager: 'mo', label: '1:1s due with MO' } });
    expect(fs[0].evidence.rows[0].manager).toBe('mo');
  });
  it('is not emitted when the interval includes no difference, or the n is too small', () => {
    // 3/20 against 20/200: +5 pts ± 16.2 pts spans 0
    expect(managerFindings([m('mo', 20, 3), m('n1', 100, 10), m('n2', 100, 10)]).filter((f) => f.rule === 'finding_manager_cancel')).toEqual([]);
    // 8/10: fewer than 20 due 1:1s, no interval at all
    expect(managerFindings([m('mo', 10, 8), m('n1', 100, 1), m('n2', 100, 1)]).filter((f) => f.rule === 'finding_manager_cancel')).toEqual([]);
  });
  it('is not emitted for a clear difference smaller than the gap', () => {
    // 400/10000 against 600/20000: +1 pt, interval 0.55 to 1.45 pts: real, but not far from the rest
    expect(managerFindings([m('mo', 10_000, 400), m('n1', 10_000, 300), m('n2', 10_000, 300)]).filter((f) => f.rule === 'finding_manager_cancel')).toEqual([]);
  });
  it('names coverage far below the other managers', () => {
    // 40/100 against 160/200: −40 pts
    const fs = managerFindings([m('lo', 10, 0, 40, 100), m('a', 10, 0, 80, 100), m('b', 10, 0, 80, 100)]).filter((f) => f.rule === 'finding_manager_coverage');
    expect(fs.map((f) => f.key)).toEqual(['finding_manager_coverage-lo']);
    expect(fs[0].text).toMatch(/^LO held a 1:1 in 40% of their reports’ weeks \(40 of 100 weeks\), against 80% for the other managers \(160 of 200\): 40 pts lower/);
  });
});

describe('finding: ρ per segment', () => {
  const accounts = [acct('A', 'High', 1, 1, null, 1), acct('B', 'High', 2, 2, null, 1), acct('C', 'Tech', 1, null, null, 1)];
  it('is emitted only where the interval excludes 0, with the accounts it counts', () => {
    const fs = segmentRhoFindings(
      [
        { grp: '(all)', rho: 0.05, n: 40, lo: -0.27, hi: 0.36 },
        { grp: 'High', rho: -0.4, n: 30, lo: -0.67, hi: -0.04 },
        { grp: 'Mid', rho: 0.9, n: 5, lo: null, hi: null },
        { grp: 'Tech', rho: 0.2, n: 20, lo: -0.26, hi: 0.59 }
      ],
      accounts
    );
    expect(fs).toHaveLength(1);
    expect(fs[0].text).toBe('In High, accounts with more meetings gained less progress: ρ -0.40, 95% interval -0.67 to -0.04, n = 30 accounts (struggling accounts attract meetings: this is no cause).');
    expect(fs[0].evidence.rows.map((r) => r.account)).toEqual(['A', 'B']);
    expect(fs[0].link).toEqual({ tab: 'meetings', focus: { key: 'segments', value: 'High' } });
  });
});

describe('finding: overdue outcomes on renewing accounts', () => {
  it('lists the accounts renewing in the 90 days after as of with an outcome overdue', () => {
    // As of 2026-03-31: renewals after it and by 2026-06-29.
    const accounts = [
      acct('X', 'High', 1, 1, null, 100_000, { renewal_date: '2026-04-15' }),
      acct('Y', 'High', 1, 1, null, 100_000, { renewal_date: '2026-07-01' }),
      acct('Z', 'High', 1, 1, null, 100_000, { renewal_date: '2026-05-01' }),
      acct('W', 'High', 1, 1, null, 100_000, { renewal_date: '2026-03-31' })
    ];
    const outcomes = ['X', 'Y', 'Z', 'W'].map((a) => ({ account: a, segment: 'High', csm_name: 'Ana', outcomes: 3, overdue: a === 'X' ? 2 : a === 'Z' ? 0 : 1 }));
    const f = overdueRenewingFinding(outcomes, accounts, '2026-03-31')!;
    expect(f.evidence.rows.map((r) => r.account)).toEqual(['X']);
    expect(f.text).toBe('1 account renewing by 2026-06-29 (within 90 days of 2026-03-31) has 2 overdue outcomes, 100k ARR; the first to renew is X, on 2026-04-15.');
    expect(f.n).toBe('2 accounts renewing by then');
    expect(overdueRenewingFinding(outcomes.map((o) => ({ ...o, overdue: 0 })), accounts, '2026-03-31')).toBeNull();
  });
});

describe('finding: shifts since the previous period', () => {
  const period = (touches: number): PeriodRows => ({ accounts: [{ account: 'A', touches, progress_gained: null, outcomes: 0 }], managers: [], outcomeSegments: [], goalTeams: [] });
  const now = { from: '2026-01-05', to: '2026-03-31' };
  const before = { from: '2025-10-08', to: '2026-01-04' };
  it('is emitted when the change’s interval excludes 0', () => {
    const fs = shiftFindings(headline(period(30), period(10)), now, before);
    expect(fs.map((f) => f.key)).toEqual(['shift-ov_touches']);
    expect(fs[0].text).toBe('Customer touches rose from 10 (2025-10-08 – 2026-01-04) to 30 (2026-01-05 – 2026-03-31): +20 (+200%), 95% interval 8 to 32.');
    expect(fs[0].evidence.rows[0]).toMatchObject({ id: 'ov_touches', now: 30, before: 10, change: 20 });
  });
  it('is not emitted when the interval includes no change, or there is no previous period', () => {
    expect(shiftFindings(headline(period(8), period(2)), now, before)).toEqual([]);
    expect(shiftFindings(headline(period(30), null), now, null)).toEqual([]);
  });
});

describe('findings', () => {
  it('takes one of each rule before a second of any, up to the cap', () => {
    const m = (manager: string, due: number, cancelled: number) => ({ manager, manager_name: manager, due, cancelled, rescheduled: 0, held_weeks: 80, active_weeks: 100 });
    const managers = [m('a', 100, 40), m('b', 100, 40), m('c', 100, 40), ...Array.from({ length: 12 }, (_, i) => m(`x${i}`, 100, 1))];
    const accounts = [acct('H', 'High', 6, 0, 'high_touch_low_progress', 10)];
    const all = findings({ headlines: headline({ accounts, managers, outcomeSegments: [], goalTeams: [] }, null), now: { from: '2026-01-05', to: '2026-03-31' }, before: null, asOf: '2026-03-31', accounts, correlation: [], managers, outcomeAccounts: [] });
    expect(all.map((f) => f.rule)).toEqual(['finding_manager_cancel', 'finding_htlp_arr', 'finding_manager_cancel', 'finding_manager_cancel']);
    expect(all.length).toBeLessThanOrEqual(MAX_FINDINGS);
    expect(new Set(all.map((f) => f.key)).size).toBe(all.length);
  });
});
