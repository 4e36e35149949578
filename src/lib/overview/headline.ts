/**
 * The overview's headline figures (docs/METRICS.md, "Overview"): each one pooled from the rows the other
 * views already compute (accounts of Meetings vs outcomes, managers of 1:1 consistency, segments of
 * Outcomes, teams of Goals), for the window and for the previous period of the same length
 * (previousPeriod.ts), with the change between them and, where the figure allows one, a 95% interval of
 * that change. Plain arithmetic over result rows: no SQL here.
 */
import type { Row } from '$lib/engine/values';
import { figure } from '$lib/metrics/registry';

/** The result sets one period's headline reads. */
export interface PeriodRows {
  accounts: Row[];
  managers: Row[];
  outcomeSegments: Row[];
  goalTeams: Row[];
}

/**
 * How a figure's change is judged: a count (Poisson: the difference of two counts has variance their sum),
 * a share (two independent proportions, normal approximation), or a mean with no interval here.
 */
export type ChangeKind = 'count' | 'share' | 'mean' | 'latest';

export interface PeriodValue {
  /** The figure, or null when nothing it counts is in the period (no denominator). */
  value: number | null;
  /** What the figure counts over (the registry entry's n). */
  n: number;
  /** For shares: the numerator (value = part ÷ n). */
  part?: number;
}

export interface Headline {
  id: HeadlineId;
  kind: ChangeKind;
  now: PeriodValue;
  /** The previous period's value, or null when there is no previous period in the data. */
  before: PeriodValue | null;
  /** now − before (counts: the count's difference; shares: the difference of the proportions). */
  change: number | null;
  /** The 95% interval of the change, or null when the figure or the n do not give one. */
  interval: [number, number] | null;
}

export const HEADLINE_IDS = ['ov_touches', 'ov_accounts_touched', 'ov_progress_gained', 'ov_achieved', 'ov_overdue', 'ov_coverage', 'ov_cancel_rate', 'ov_goals_on_pace'] as const;
export type HeadlineId = (typeof HEADLINE_IDS)[number];

/** Below this many items on either side a share's change gets no interval (the normal approximation is poor). */
export const MIN_SHARE_N = 20;
const Z = 1.96;

const numOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const sum = (rows: Row[], key: string) => rows.reduce((s, r) => s + numOf(r[key]), 0);
const share = (part: number, n: number): PeriodValue => ({ value: n > 0 ? part / n : null, n, part });

/** One period's headline values, by figure. */
export function periodValues(p: PeriodRows): Record<HeadlineId, PeriodValue> {
  const accounts = p.accounts.length;
  const withGain = p.accounts.filter((a) => a.progress_gained !== null && a.progress_gained !== undefined);
  // An account's progress gained is the mean over its outcomes with a snapshot in the window, so the
  // outcome-weighted mean of the accounts' means is the mean over every such outcome.
  const outcomesMoved = sum(withGain, 'outcomes');
  const gained = withGain.reduce((s, a) => s + numOf(a.progress_gained) * numOf(a.outcomes), 0);
  const outcomes = sum(p.outcomeSegments, 'outcomes');
  const goals = sum(p.goalTeams, 'goals');
  return {
    ov_touches: { value: sum(p.accounts, 'touches'), n: accounts },
    ov_accounts_touched: share(p.accounts.filter((a) => numOf(a.touches) > 0).length, accounts),
    ov_progress_gained: { value: outcomesMoved > 0 ? gained / outcomesMoved : null, n: outcomesMoved },
    ov_achieved: { value: sum(p.outcomeSegments, 'achieved_in_window'), n: outcomes },
    ov_overdue: share(sum(p.outcomeSegments, 'overdue'), outcomes),
    ov_coverage: share(sum(p.managers, 'held_weeks'), sum(p.managers, 'active_weeks')),
    ov_cancel_rate: share(sum(p.managers, 'cancelled'), sum(p.managers, 'due')),
    ov_goals_on_pace: share(goals - sum(p.goalTeams, 'at_risk') - sum(p.goalTeams, 'missed'), goals)
  };
}

const KINDS: Record<HeadlineId, ChangeKind> = {
  ov_touches: 'count',
  ov_accounts_touched: 'share',
  ov_progress_gained: 'mean',
  ov_achieved: 'count',
  ov_overdue: 'share',
  ov_coverage: 'share',
  ov_cancel_rate: 'share',
  ov_goals_on_pace: 'latest'
};

/** The 95% interval of the difference of two shares a/n − b/m (null when either n is small). */
export function shareDiffInterval(a: number, n: number, b: number, m: number): [number, number] | null {
  if (n < MIN_SHARE_N || m < MIN_SHARE_N) return null;
  const p = a / n;
  const q = b / m;
  const se = Math.sqrt((p * (1 - p)) / n + (q * (1 - q)) / m);
  return [p - q - Z * se, p - q + Z * se];
}

/** The 95% interval of the difference of two Poisson counts a − b (null when both are 0). */
export function countDiffInterval(a: number, b: number): [number, number] | null {
  if (a + b === 0) return null;
  const se = Math.sqrt(a + b);
  return [a - b - Z * se, a - b + Z * se];
}

/** The headline: every figure for the window, against the previous period when there is one. */
export function headline(now: PeriodRows, before: PeriodRows | null): Headline[] {
  const a = periodValues(now);
  const b = before ? periodValues(before) : null;
  return HEADLINE_IDS.map((id) => {
    const kind = KINDS[id];
    const x = a[id];
    const y = kind === 'latest' ? null : (b?.[id] ?? null);
    const change = y && x.value !== null && y.value !== null ? x.value - y.value : null;
    let interval: [number, number] | null = null;
    if (change !== null && y) {
      if (kind === 'count') interval = countDiffInterval(x.value!, y.value!);
      if (kind === 'share') interval = shareDiffInterval(x.part!, x.n, y.part!, y.n);
    }
    return { id, kind, now: x, before: y, change, interval };
  });
}

/** Whether a change is supported: its 95% interval excludes no change. */
export const intervalExcludesZero = (i: [number, number] | null): i is [number, number] => !!i && (i[0] > 0 || i[1] < 0);

/** The headline as table rows (the `overview.headline` result of the registry): one per figure. */
export function headlineRow(h: Headline): Row {
  return {
    id: h.id,
    label: figure(h.id).label,
    kind: h.kind,
    now: h.now.value,
    before: h.before?.value ?? null,
    change: h.change,
    lo: h.interval?.[0] ?? null,
    hi: h.interval?.[1] ?? null,
    n: h.now.n,
    n_before: h.before?.n ?? null
  };
}
