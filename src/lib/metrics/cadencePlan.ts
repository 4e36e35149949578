/**
 * Expected cadence (docs/METRICS.md): weekly is the standard; a coach can plan a team, a manager or one
 * manager–report pair to meet every two weeks or monthly (every four weeks). The most specific plan wins:
 * pair, then manager, then team (the report's team in the roster, else the manager's).
 *
 * A week is **within plan** when the pair held a 1:1 in it or in the plan's weeks before it (fortnightly:
 * the week before; monthly: the three weeks before). Weekly, that is a week with a held 1:1.
 */
import { literal } from '$lib/engine/sql';

export type Every = 'weekly' | 'fortnightly' | 'monthly';
export const EVERY: readonly Every[] = ['weekly', 'fortnightly', 'monthly'];
/** Weeks a held 1:1 keeps a pair within plan (the week it is in and the ones after it). */
export const PLAN_WEEKS: Record<Every, number> = { weekly: 1, fortnightly: 2, monthly: 4 };
export const EVERY_WORDS: Record<Every, string> = { weekly: 'weekly', fortnightly: 'every two weeks', monthly: 'monthly' };

export type CadencePlan =
  | { level: 'team'; team: string; every: Every }
  | { level: 'manager'; manager: string; every: Every }
  | { level: 'pair'; manager: string; csm: string; every: Every };
export type PlanTarget = CadencePlan extends infer P ? (P extends CadencePlan ? Omit<P, 'every'> : never) : never;

/** At most this many plans travel in a link or stay on the device (more than any organisation sets). */
export const MAX_PLANS = 500;

const sameTarget = (a: PlanTarget, b: PlanTarget): boolean =>
  a.level === b.level &&
  (a.level === 'team' ? a.team === (b as typeof a).team : a.level === 'manager' ? a.manager === (b as typeof a).manager : a.manager === (b as typeof a).manager && a.csm === (b as typeof a).csm);

/** The plans with `plan` set (replacing one for the same team, manager or pair). Weekly at team level is kept: it overrides nothing but says so. */
export function setPlan(plans: readonly CadencePlan[], plan: CadencePlan): CadencePlan[] {
  return [...plans.filter((p) => !sameTarget(p, plan)), plan];
}

export function removePlan(plans: readonly CadencePlan[], target: PlanTarget): CadencePlan[] {
  return plans.filter((p) => !sameTarget(p, target));
}

/** The plan set for exactly this target, if any. */
export function planFor(plans: readonly CadencePlan[], target: PlanTarget): CadencePlan | undefined {
  return plans.find((p) => sameTarget(p, target));
}

const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 500 && !x.includes('\0');

/** Plans read from somewhere untrusted (a link, the device): the valid ones, or null when it is not a list of plans. */
export function readPlans(raw: unknown): CadencePlan[] | null {
  if (!Array.isArray(raw) || raw.length > MAX_PLANS) return null;
  const out: CadencePlan[] = [];
  for (const p of raw) {
    if (typeof p !== 'object' || p === null || !EVERY.includes((p as { every: Every }).every)) return null;
    const r = p as Record<string, unknown>;
    const every = r.every as Every;
    if (r.level === 'team' && isText(r.team)) out.push({ level: 'team', team: r.team, every });
    else if (r.level === 'manager' && isText(r.manager)) out.push({ level: 'manager', manager: r.manager, every });
    else if (r.level === 'pair' && isText(r.manager) && isText(r.csm)) out.push({ level: 'pair', manager: r.manager, csm: r.csm, every });
    else return null;
  }
  return out;
}

/** The plans as a CTE `plan_rows(rnk, level, team, manager, csm, plan_weeks, plan)`: rnk 3 pair, 2 manager, 1 team. */
export function planRowsCte(plans: readonly CadencePlan[]): string {
  const cols = 'rnk, level, team, manager, csm, plan_weeks, plan';
  if (!plans.length) return `plan_rows AS (SELECT NULL::INTEGER AS rnk, NULL::VARCHAR AS level, NULL::VARCHAR AS team, NULL::VARCHAR AS manager, NULL::VARCHAR AS csm, NULL::INTEGER AS plan_weeks, NULL::VARCHAR AS plan WHERE false)`;
  const q = (v: string | null) => (v === null ? 'NULL' : literal(v));
  const rows = plans.map((p) => {
    const [rnk, team, manager, csm] = p.level === 'pair' ? [3, null, p.manager, p.csm] : p.level === 'manager' ? [2, null, p.manager, null] : [1, p.team, null, null];
    return `(${rnk}, ${q(p.level)}, ${q(team)}, ${q(manager)}, ${q(csm)}, ${PLAN_WEEKS[p.every]}, ${q(p.every)})`;
  });
  return `plan_rows AS (SELECT * FROM (VALUES ${rows.join(', ')}) t(${cols}))`;
}

/** SQL for the plan's name from its weeks (1, 2, 4). */
export const PLAN_NAME_SQL = (weeks: string) => `CASE ${weeks} WHEN 1 THEN 'weekly' WHEN 2 THEN 'fortnightly' WHEN 4 THEN 'monthly' END`;

/**
 * When the data says a manager (or pair) planned weekly keeps another rhythm, the page suggests that plan
 * (it never sets it): a median gap in the rhythm's range, most weeks within that rhythm, and fewer than
 * SUGGEST_BELOW of the weeks within the current plan.
 */
export const SUGGEST = {
  fortnightly: { minGap: 11, maxGap: 17 },
  monthly: { minGap: 25, maxGap: 35 },
  /** Weeks within the suggested rhythm at least this share of active weeks. */
  within: 0.8,
  /** Weeks within the current plan below this share. */
  below: 0.7
} as const;

/** SQL for the suggested plan (or NULL) from a median gap, the plan in force (weeks), and the shares of weeks within each rhythm. */
export function suggestSql(gap: string, planWeeks: string, coverage: string, fortnight: string, month: string): string {
  const s = SUGGEST;
  return `CASE
      WHEN ${planWeeks} < 2 AND ${gap} BETWEEN ${s.fortnightly.minGap} AND ${s.fortnightly.maxGap} AND ${fortnight} >= ${s.within} AND ${coverage} < ${s.below} THEN 'fortnightly'
      WHEN ${planWeeks} < 4 AND ${gap} BETWEEN ${s.monthly.minGap} AND ${s.monthly.maxGap} AND ${month} >= ${s.within} AND ${fortnight} < ${s.below} THEN 'monthly'
    END`;
}
