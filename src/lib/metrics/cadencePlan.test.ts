import { describe, expect, it } from 'vitest';
import { sql } from '$lib/testing/duckdb-node';
import { MAX_PLANS, planFor, planRowsCte, readPlans, removePlan, setPlan, type CadencePlan } from './cadencePlan';

const team: CadencePlan = { level: 'team', team: 'East', every: 'monthly' };
const mgr: CadencePlan = { level: 'manager', manager: 'dana@x', every: 'fortnightly' };
const pair: CadencePlan = { level: 'pair', manager: 'dana@x', csm: "o'neil@x", every: 'weekly' };

describe('cadence plans', () => {
  it('replaces the plan of the same target and keeps the others', () => {
    const plans = setPlan(setPlan(setPlan([], team), mgr), { ...mgr, every: 'monthly' });
    expect(plans).toEqual([team, { ...mgr, every: 'monthly' }]);
    expect(planFor(plans, { level: 'manager', manager: 'dana@x' })?.every).toBe('monthly');
    expect(planFor(plans, { level: 'pair', manager: 'dana@x', csm: 'x' })).toBeUndefined();
    expect(removePlan(plans, { level: 'team', team: 'East' })).toEqual([{ ...mgr, every: 'monthly' }]);
    // A manager and a pair with the same manager are different targets.
    expect(setPlan([mgr], pair)).toEqual([mgr, pair]);
  });

  it('reads only well-formed plans, refusing the whole list otherwise', () => {
    expect(readPlans([team, mgr, pair])).toEqual([team, mgr, pair]);
    expect(readPlans([{ ...team, extra: 1 }])).toEqual([team]);
    expect(readPlans([{ level: 'team', team: 'East', every: 'daily' }])).toBeNull();
    expect(readPlans([{ level: 'pair', manager: 'dana@x', every: 'weekly' }])).toBeNull();
    expect(readPlans([{ level: 'team', team: 'a\0b', every: 'weekly' }])).toBeNull();
    expect(readPlans('weekly')).toBeNull();
    expect(readPlans(Array.from({ length: MAX_PLANS + 1 }, () => team))).toBeNull();
  });

  it('writes the plans as a table SQL can join, quoting every name', async () => {
    expect(await sql(`WITH ${planRowsCte([team, mgr, pair])} SELECT * FROM plan_rows ORDER BY rnk`)).toEqual([
      { rnk: 1, level: 'team', team: 'East', manager: null, csm: null, plan_weeks: 4, plan: 'monthly' },
      { rnk: 2, level: 'manager', team: null, manager: 'dana@x', csm: null, plan_weeks: 2, plan: 'fortnightly' },
      { rnk: 3, level: 'pair', team: null, manager: 'dana@x', csm: "o'neil@x", plan_weeks: 1, plan: 'weekly' }
    ]);
    expect(await sql(`WITH ${planRowsCte([])} SELECT count(*)::INTEGER AS n FROM plan_rows`)).toEqual([{ n: 0 }]);
  });
});
