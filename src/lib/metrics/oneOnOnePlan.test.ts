import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { gridSql, KEPT, managersSql, oneOnOneSetupSql, pairsSql, totalsSql, trendSql, upcomingSql } from './oneOnOne';
import { NO_FILTERS, type Filters } from './filters';
import type { CadencePlan } from './cadencePlan';

/**
 * Expected cadence, computed by hand (docs/METRICS.md). Window: the eight ISO weeks W1 2026-01-05 … W8
 * 2026-02-23 (to 2026-03-01); as of 2026-02-27 (a customer meeting), so W8 is the as-of week.
 * Team East: Dana manages Fern, Gus, Hal and Ivy; Eli manages Jon.
 *   Fern holds every other week: W1 W3 W5 W7.
 *   Gus changes rhythm mid-window: weekly W1–W4, then every other week: W6 W8.
 *   Hal holds weekly but for W3, a holiday week with no 1:1 at all.
 *   Ivy meets about monthly: W1 (01-07) and W6 (02-11), 35 days apart.
 *   Jon: 2025-12-30 (before the window), W2 (01-13) and W7 (02-17).
 * Scheduled after as of: Fern 2026-03-03 (within 7 days), Gus 2026-03-10 (within 14); Eli has none at all.
 */
const M = (d: string, csm: string, status = 'held', manager = 'dana@x', kind = 'one_on_one') =>
  `(TIMESTAMP '${d} 10:00:00', '${kind}', '${status}', '${manager}', '${csm}', false, false, false, false, false, NULL)`;

beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, kind VARCHAR, status VARCHAR, manager VARCHAR, csm VARCHAR,
      agenda_career BOOLEAN, agenda_goals BOOLEAN, agenda_customers BOOLEAN, agenda_bottlenecks BOOLEAN, agenda_coaching BOOLEAN, prepared_by_report BOOLEAN);
    INSERT INTO meetings VALUES
      ${['2026-01-06', '2026-01-20', '2026-02-03', '2026-02-17'].map((d) => M(d, 'fern@x')).join(', ')},
      ${['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27', '2026-02-10', '2026-02-24'].map((d) => M(d, 'gus@x')).join(', ')},
      ${['2026-01-06', '2026-01-13', '2026-01-27', '2026-02-03', '2026-02-10', '2026-02-17', '2026-02-24'].map((d) => M(d, 'hal@x')).join(', ')},
      ${['2026-01-07', '2026-02-11'].map((d) => M(d, 'ivy@x')).join(', ')},
      ${['2025-12-30', '2026-01-13', '2026-02-17'].map((d) => M(d, 'jon@x', 'held', 'eli@x')).join(', ')},
      ${M('2026-02-27', 'fern@x', 'held', 'NULL', 'customer')},
      ${M('2026-03-03', 'fern@x', 'scheduled')}, ${M('2026-03-10', 'gus@x', 'scheduled')};
    UPDATE meetings SET manager = NULL WHERE manager = 'NULL';
    CREATE OR REPLACE TABLE people (person_key VARCHAR, name VARCHAR, manager_key VARCHAR, team VARCHAR, start_date DATE, end_date DATE);
    INSERT INTO people VALUES ('dana@x', 'Dana', NULL, 'East', NULL, NULL), ('eli@x', 'Eli', NULL, 'East', NULL, NULL),
      ${['fern', 'gus', 'hal', 'ivy'].map((n) => `('${n}@x', '${n}', 'dana@x', 'East', DATE '2025-01-01', NULL)`).join(', ')},
      ('jon@x', 'jon', 'eli@x', 'East', DATE '2025-01-01', NULL);
    CREATE OR REPLACE TABLE person_names AS SELECT person_key, name FROM people;
    CREATE OR REPLACE TABLE outcomes (as_of DATE, account VARCHAR, segment VARCHAR, csm VARCHAR);
    CREATE OR REPLACE TABLE goals (start_date DATE, updated_at TIMESTAMP);`);
  await deriveForTests();
});

const f: Filters = { from: '2026-01-05', to: '2026-03-01', ...NO_FILTERS };
const byCsm = async (plans: CadencePlan[] = [], g = f) => new Map((await sql(pairsSql(g, [], plans))).map((r) => [String(r.csm), r]));
const gridOf = async (csm: string, plans: CadencePlan[] = []) =>
  (await sql(gridSql(f, [], plans))).filter((r) => r.csm === csm).map((r) => r.status);

const PLANS: CadencePlan[] = [
  { level: 'team', team: 'East', every: 'monthly' },
  { level: 'manager', manager: 'dana@x', every: 'fortnightly' },
  { level: 'pair', manager: 'dana@x', csm: 'ivy@x', every: 'monthly' }
];

describe('expected cadence', () => {
  it('is weekly by default: within plan is a held week, and the standard figures do not change', async () => {
    const p = await byCsm();
    expect(p.get('fern@x')).toMatchObject({ plan: 'weekly', plan_from: 'standard', active_weeks: 8, held_weeks: 4, within_weeks: 4, coverage: 0.5, plan_coverage: 0.5, missing_weeks: 4, current_streak: 1, longest_streak: 1, median_gap: 14 });
    expect(p.get('hal@x')).toMatchObject({ held_weeks: 7, within_weeks: 7, missing_weeks: 1, current_streak: 5, longest_streak: 5 });
    expect(await gridOf('hal@x')).toEqual(['held', 'held', 'missing', 'held', 'held', 'held', 'held', 'held']);
  });

  it('measures a fortnightly pair against its plan, with the weekly standard beside it', async () => {
    const p = await byCsm([{ level: 'pair', manager: 'dana@x', csm: 'fern@x', every: 'fortnightly' }]);
    expect(p.get('fern@x')).toMatchObject({ plan: 'fortnightly', plan_from: 'pair', coverage: 0.5, within_weeks: 8, plan_coverage: 1, missing_weeks: 0, current_streak: 8, longest_streak: 8 });
    expect(await gridOf('fern@x', [{ level: 'pair', manager: 'dana@x', csm: 'fern@x', every: 'fortnightly' }])).toEqual(['held', 'not_due', 'held', 'not_due', 'held', 'not_due', 'held', 'not_due']);
    expect(p.get('gus@x')).toMatchObject({ plan: 'weekly', within_weeks: 6 }); // the other pairs keep the standard
  });

  it('follows a change of rhythm mid-window: weekly then every other week', async () => {
    const weekly = (await byCsm()).get('gus@x')!;
    expect(weekly).toMatchObject({ held_weeks: 6, coverage: 0.75, plan_coverage: 0.75, missing_weeks: 2, longest_streak: 4, current_streak: 1, median_gap: 7, fortnight_coverage: 1, suggested_plan: null });
    const fortnightly = (await byCsm([{ level: 'manager', manager: 'dana@x', every: 'fortnightly' }])).get('gus@x')!;
    expect(fortnightly).toMatchObject({ plan: 'fortnightly', plan_from: 'manager', within_weeks: 8, plan_coverage: 1, current_streak: 8, longest_streak: 8 });
  });

  it('counts a holiday week missing against weekly, and between 1:1s against a fortnightly plan', async () => {
    const plans: CadencePlan[] = [{ level: 'team', team: 'East', every: 'fortnightly' }];
    expect((await byCsm(plans)).get('hal@x')).toMatchObject({ plan: 'fortnightly', plan_from: 'team', held_weeks: 7, within_weeks: 8, missing_weeks: 0 });
    expect(await gridOf('hal@x', plans)).toEqual(['held', 'held', 'not_due', 'held', 'held', 'held', 'held', 'held']);
  });

  it('measures a monthly plan as a held 1:1 in the week or the three before', async () => {
    const plans: CadencePlan[] = [{ level: 'pair', manager: 'dana@x', csm: 'ivy@x', every: 'monthly' }];
    // W1 held, W2–W4 within (1–3 weeks since), W5 four weeks since: missing; W6 held, W7–W8 within.
    expect((await byCsm(plans)).get('ivy@x')).toMatchObject({ plan: 'monthly', held_weeks: 2, within_weeks: 7, plan_coverage: 7 / 8, missing_weeks: 1, current_streak: 3, longest_streak: 4, median_gap: 35, suggested_plan: null });
    expect(await gridOf('ivy@x', plans)).toEqual(['held', 'not_due', 'not_due', 'not_due', 'missing', 'held', 'not_due', 'not_due']);
  });

  it('counts a 1:1 held just before the window toward its first weeks', async () => {
    // Jon on the team's monthly plan: 2025-12-30 covers W1; W6 is four weeks after W2: missing.
    expect((await byCsm(PLANS)).get('jon@x')).toMatchObject({ plan: 'monthly', plan_from: 'team', held_weeks: 2, within_weeks: 7, missing_weeks: 1 });
  });

  it('does not count a 1:1 held before a window that starts mid-week as its first week held', async () => {
    // From Wednesday 2026-01-07: Fern's W1 1:1 (Tuesday 01-06) is before the window. W1 is active, not held,
    // and on a fortnightly plan not within it (nothing held the week before); W2 is, by W1's 1:1.
    const midweek = { ...f, from: '2026-01-07' };
    const plans: CadencePlan[] = [{ level: 'pair', manager: 'dana@x', csm: 'fern@x', every: 'fortnightly' }];
    expect((await byCsm([], midweek)).get('fern@x')).toMatchObject({ active_weeks: 8, held_weeks: 3, within_weeks: 3, fortnight_weeks: 7 });
    expect((await byCsm(plans, midweek)).get('fern@x')).toMatchObject({ held_weeks: 3, within_weeks: 7, missing_weeks: 1 });
  });

  it('takes the most specific plan: pair, then manager, then team', async () => {
    const p = await byCsm(PLANS);
    expect([...p.values()].map((r) => [r.csm, r.plan, r.plan_from])).toEqual(
      expect.arrayContaining([
        ['fern@x', 'fortnightly', 'manager'],
        ['gus@x', 'fortnightly', 'manager'],
        ['hal@x', 'fortnightly', 'manager'],
        ['ivy@x', 'monthly', 'pair'],
        ['jon@x', 'monthly', 'team']
      ])
    );
  });

  it('pools a manager against the plans of their pairs, with the weekly standard beside it', async () => {
    const dana = (await sql(managersSql(f, [], PLANS))).find((r) => r.manager === 'dana@x')!;
    // Held weeks 4 + 6 + 7 + 2 = 19 of 32; within plan 8 + 8 + 8 + 7 = 31.
    expect(dana).toMatchObject({ pairs: 4, active_weeks: 32, held_weeks: 19, within_weeks: 31, missing_weeks: 1, plan: 'mixed', median_gap: 7, suggested_plan: null });
    expect(dana.coverage).toBeCloseTo(19 / 32);
    expect(dana.plan_coverage).toBeCloseTo(31 / 32);
    const weekly = (await sql(managersSql(f))).find((r) => r.manager === 'dana@x')!;
    expect(weekly).toMatchObject({ plan: 'weekly', within_weeks: 19, held_weeks: 19 });
  });

  it('suggests the rhythm the data shows, and stops once it is the plan', async () => {
    const p = await byCsm();
    // Fern: median gap 14, within a fortnight every week, 50% of weeks held. Ivy: 35 days, 7 of 8 weeks within four.
    expect(p.get('fern@x')).toMatchObject({ fortnight_coverage: 1, suggested_plan: 'fortnightly' });
    expect(p.get('ivy@x')).toMatchObject({ fortnight_coverage: 0.5, month_coverage: 7 / 8, suggested_plan: 'monthly' });
    expect(p.get('hal@x')).toMatchObject({ suggested_plan: null });
    const fernOnly = { ...f, csms: ['fern@x'] };
    expect((await sql(managersSql(fernOnly)))[0]).toMatchObject({ manager: 'dana@x', suggested_plan: 'fortnightly' });
    expect((await sql(managersSql(fernOnly, [], [{ level: 'manager', manager: 'dana@x', every: 'fortnightly' }])))[0]).toMatchObject({ plan: 'fortnightly', plan_coverage: 1, suggested_plan: null });
  });

  it('gives the same results from the parts kept in temporary tables', async () => {
    const setup = oneOnOneSetupSql(f, PLANS).join(';\n');
    for (const q of [pairsSql, managersSql, gridSql]) expect(await sql(`${setup};\n${q(f, KEPT, PLANS)}`)).toEqual(await sql(q(f, [], PLANS)));
  });
});

describe('1:1 totals and trends by month', () => {
  it('pools every pair for the headline figures, with what each counts', async () => {
    const [t] = await sql(totalsSql(f, [], PLANS));
    // Held weeks 19 (Dana) + 2 (Jon) of 40; within plan 31 + 7; 1:1s all held (22 in the window).
    expect(t).toMatchObject({ pairs: 5, active_weeks: 40, held_weeks: 21, within_weeks: 38, due: 21, cancelled: 0, held_count: 21, agenda_known: 21, career_held: 0, agenda_career: 0, prepared_known: 0, prepared_share: null });
    expect(t.coverage).toBeCloseTo(21 / 40);
    expect(t.plan_coverage).toBeCloseTo(38 / 40);
  });
  it('splits them by month per manager and per pair', async () => {
    const rows = await sql(trendSql(f, [], PLANS));
    const fern = rows.filter((r) => r.csm === 'fern@x').map((r) => [r.month, r.active_weeks, r.held_weeks, r.within_weeks, r.due]);
    // January: weeks of 01-05 … 01-26 (4), held W1 W3; February: 02-02 … 02-23 (4), held W5 W7; within plan every week.
    expect(fern).toEqual([['2026-01-01', 4, 2, 4, 2], ['2026-02-01', 4, 2, 4, 2]]);
    const dana = rows.filter((r) => r.manager === 'dana@x' && r.csm === null).map((r) => [r.month, r.active_weeks, r.held_weeks, r.within_weeks]);
    // January held: Fern 2, Gus 4, Hal 3, Ivy 1 = 10 of 16; February: 2 + 2 + 4 + 1 = 9 of 16.
    expect(dana).toEqual([['2026-01-01', 16, 10, 16], ['2026-02-01', 16, 9, 15]]);
    expect(rows.find((r) => r.manager === 'dana@x' && r.csm === null && r.month === '2026-01-01')!.coverage).toBeCloseTo(10 / 16);
  });
});

describe('upcoming gaps, as of the last date', () => {
  const pick = (r: Record<string, unknown>) => [r.csm, r.calendar_ahead, r.booked_7, r.booked_14, r.next_booked, r.days_since_held, r.overdue];
  it('says which pairs have no 1:1 booked in the next week and two, and who waits longer than the plan', async () => {
    expect((await sql(upcomingSql(f))).map(pick)).toEqual([
      ['fern@x', true, true, true, '2026-03-03', 10, true],
      ['gus@x', true, false, true, '2026-03-10', 3, false],
      ['hal@x', true, false, false, null, 3, false],
      ['ivy@x', true, false, false, null, 16, true],
      ['jon@x', false, false, false, null, 10, true]
    ]);
  });
  it('measures the wait against each pair’s plan', async () => {
    const rows = await sql(upcomingSql(f, [], PLANS));
    expect(rows.map((r) => [r.csm, r.plan, r.overdue])).toEqual([['fern@x', 'fortnightly', false], ['gus@x', 'fortnightly', false], ['hal@x', 'fortnightly', false], ['ivy@x', 'monthly', false], ['jon@x', 'monthly', false]]);
  });
  it('ignores the window, and leaves out reports no longer on the team', async () => {
    expect(await sql(upcomingSql({ ...f, from: '2026-01-05', to: '2026-01-11' }))).toEqual(await sql(upcomingSql(f)));
    await sql(`UPDATE people SET end_date = DATE '2026-02-20' WHERE person_key = 'hal@x'`);
    try {
      expect((await sql(upcomingSql(f))).map((r) => r.csm)).not.toContain('hal@x');
    } finally {
      await sql(`UPDATE people SET end_date = NULL WHERE person_key = 'hal@x'`);
    }
  });
});
