/**
 * "What stands out": findings generated from the overview's numbers by rules (docs/METRICS.md, "Overview").
 * Each rule is a pure function over result rows the views already compute; each finding is one sentence
 * with its numbers and n, the rows that support it (exactly the rows the rule counted), and where to open
 * them. A rule that makes a statistical claim emits it only when its 95% interval supports it.
 */
import type { Row } from '$lib/engine/values';
import type { DrillTarget } from '$lib/metrics/drill';
import { formatFigure } from '$lib/metrics/registry';
import { money, num, pct, plural, rho } from '$lib/format';
import type { Period } from '$lib/metrics/previousPeriod';
import { headlineRow, intervalExcludesZero, shareDiffInterval, type Headline, type HeadlineId } from './headline';

export type FindingRule = 'finding_htlp_arr' | 'finding_manager_cancel' | 'finding_manager_reschedule' | 'finding_manager_coverage' | 'finding_overdue_renewing' | 'finding_segment_rho' | 'finding_shift';
export type FindingTab = 'meetings' | 'oneonone' | 'goals' | 'outcomes';

export interface Finding {
  rule: FindingRule;
  /** Stable and unique among the findings shown (for the page's keys and the tests' hooks). */
  key: string;
  text: string;
  /** What the finding counts over, in words with its number ("45 accounts"). */
  n: string;
  /** The rows that support it, and the registry figures that are their columns. */
  evidence: { columns: string[]; rows: Row[] };
  /** The view behind it, and what to focus or drill there. */
  link: { tab: FindingTab; focus?: { key: 'managers' | 'segments'; value: string }; drill?: DrillTarget };
}

/** At most this many findings are shown, and at most this many per rule. */
export const MAX_FINDINGS = 10;
export const MAX_PER_RULE = 3;
/** A manager's rate must exceed the other managers' by at least this much (and the interval must exclude 0). */
export const MANAGER_RATE_GAP = 0.05;
/** A manager's coverage must be below the other managers' by at least this much (and the interval must exclude 0). */
export const MANAGER_COVERAGE_GAP = 0.1;
/** Renewals this many days after "as of", or fewer, count as renewing soon. */
export const RENEWAL_DAYS = 90;

const numOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const pp = (x: number) => `${num(Math.abs(x * 100))} pts`;

// ---------------------------------------------------------------------------------------------- accounts

/** "Many touches": at least this many times the segment's median meetings, and HTLP_MARGIN more. */
export const HTLP_MULTIPLE = 2;
/** …so a segment whose median is 0 or 1 meeting does not make 2 or 3 meetings "many". */
export const HTLP_MARGIN = 3;

/**
 * The clearest high touch, low progress accounts (the Meetings vs outcomes flag) with their ARR: those with
 * at least HTLP_MULTIPLE × their segment's median meetings (and HTLP_MARGIN more), the largest ARR first,
 * beside every flagged account's ARR.
 */
export function htlpFinding(accounts: Row[]): Finding | null {
  const flagged = accounts.filter((a) => a.flag === 'high_touch_low_progress');
  const many = (a: Row) => numOf(a.meetings) >= Math.max(HTLP_MULTIPLE * numOf(a.med_meetings), numOf(a.med_meetings) + HTLP_MARGIN);
  const rows = flagged.filter(many).sort((a, b) => numOf(b.arr) - numOf(a.arr) || numOf(b.meetings) - numOf(a.meetings) || String(a.account).localeCompare(String(b.account)));
  if (!rows.length) return null;
  const arrOf = (list: Row[]) => (list.some((a) => typeof a.arr === 'number') ? list.reduce((s, a) => s + numOf(a.arr), 0) : null);
  const arr = arrOf(rows);
  const all = arrOf(flagged);
  const top = rows[0];
  const lead = `${arr === null ? 'the most met' : 'the largest'}, ${top.account}${arr === null ? '' : ` (${money(top.arr)})`}, had ${plural(numOf(top.meetings), 'meeting')} against a median of ${num(numOf(top.med_meetings), 1)} and gained ${formatFigure('progress_gained', top.progress_gained)} against ${formatFigure('progress_gained', top.med_progress)}`;
  return {
    rule: 'finding_htlp_arr',
    key: 'htlp',
    text:
      `${plural(rows.length, 'account')} had at least twice their segment’s median meetings yet gained less progress than its median${arr === null ? '' : `, ${money(arr)} ARR`}; ${lead}. ` +
      `In all ${plural(flagged.length, 'account')} ${flagged.length === 1 ? 'is' : 'are'} high touch, low progress${all === null ? '' : ` (${money(all)} ARR)`}.`,
    n: plural(accounts.filter((a) => a.progress_gained !== null && a.progress_gained !== undefined).length, 'account') + ' with progress gained',
    evidence: { columns: ['account', 'segment', 'csm_name', 'arr', 'meetings', 'med_meetings', 'progress_gained', 'med_progress'], rows },
    link: { tab: 'meetings' }
  };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Accounts renewing within RENEWAL_DAYS after "as of" with outcomes overdue at the window's end.
 * `outcomeAccounts` are the Outcomes view's account rows (overdue), `accounts` the account rows (ARR, renewal).
 */
export function overdueRenewingFinding(outcomeAccounts: Row[], accounts: Row[], asOf: string): Finding | null {
  const until = addDays(asOf, RENEWAL_DAYS);
  const byAccount = new Map(accounts.map((a) => [String(a.account), a]));
  const rows = outcomeAccounts
    .filter((o) => numOf(o.overdue) > 0)
    .map((o) => ({ o, a: byAccount.get(String(o.account)) }))
    .filter(({ a }) => typeof a?.renewal_date === 'string' && a.renewal_date > asOf && a.renewal_date <= until)
    .map(({ o, a }) => ({ account: o.account, segment: o.segment, csm_name: o.csm_name, arr: a!.arr ?? null, renewal_date: a!.renewal_date, overdue: o.overdue, outcomes: o.outcomes, touches: a!.touches ?? 0 }) as Row)
    .sort((x, y) => String(x.renewal_date).localeCompare(String(y.renewal_date)) || String(x.account).localeCompare(String(y.account)));
  if (!rows.length) return null;
  const overdue = rows.reduce((s, r) => s + numOf(r.overdue), 0);
  const arr = rows.reduce((s, r) => s + numOf(r.arr), 0);
  const renewing = accounts.filter((a) => typeof a.renewal_date === 'string' && a.renewal_date > asOf && a.renewal_date <= until).length;
  return {
    rule: 'finding_overdue_renewing',
    key: 'overdue-renewing',
    text: `${plural(rows.length, 'account')} renewing by ${until} (within ${RENEWAL_DAYS} days of ${asOf}) ${rows.length === 1 ? 'has' : 'have'} ${plural(overdue, 'overdue outcome')}${arr ? `, ${money(arr)} ARR` : ''}; the first to renew is ${rows[0].account}, on ${rows[0].renewal_date}.`,
    n: `${plural(renewing, 'account')} renewing by then`,
    evidence: { columns: ['account', 'segment', 'csm_name', 'arr', 'renewal_date', 'overdue', 'touches'], rows },
    link: { tab: 'outcomes' }
  };
}

/** Segments (and all accounts) where ρ’s 95% interval excludes 0: meetings go with more (or less) progress. */
export function segmentRhoFindings(correlation: Row[], accounts: Row[]): Finding[] {
  const out: Finding[] = [];
  for (const r of correlation) {
    const lo = r.lo;
    const hi = r.hi;
    if (typeof lo !== 'number' || typeof hi !== 'number' || !intervalExcludesZero([lo, hi])) continue;
    const all = r.grp === '(all)';
    const grp = String(r.grp);
    const rows = accounts.filter((a) => a.progress_gained !== null && a.progress_gained !== undefined && (all || String(a.segment ?? '(no segment)') === grp));
    const where = all ? 'Across all accounts' : `In ${grp}`;
    const dir = numOf(r.rho) > 0 ? 'more' : 'less';
    out.push({
      rule: 'finding_segment_rho',
      key: `rho-${grp}`,
      text: `${where}, accounts with more meetings gained ${dir} progress: ρ ${rho(r.rho)}, 95% interval ${rho(lo)} to ${rho(hi)}, n = ${plural(numOf(r.n), 'account')} (struggling accounts attract meetings: this is no cause).`,
      n: plural(numOf(r.n), 'account'),
      evidence: { columns: ['account', 'segment', 'csm_name', 'arr', 'meetings', 'progress_gained'], rows },
      link: all ? { tab: 'meetings' } : { tab: 'meetings', focus: { key: 'segments', value: grp } }
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- managers

type Rate = { rule: 'finding_manager_cancel' | 'finding_manager_reschedule' | 'finding_manager_coverage'; part: string; of: string; what: string; gap: number; above: boolean };
const RATES: Rate[] = [
  { rule: 'finding_manager_cancel', part: 'cancelled', of: 'due', what: 'cancelled', gap: MANAGER_RATE_GAP, above: true },
  { rule: 'finding_manager_reschedule', part: 'rescheduled', of: 'due', what: 'rescheduled', gap: MANAGER_RATE_GAP, above: true },
  { rule: 'finding_manager_coverage', part: 'held_weeks', of: 'active_weeks', what: 'coverage', gap: MANAGER_COVERAGE_GAP, above: false }
];

/**
 * Managers whose cancel or reschedule rate is clearly above the other managers' pooled rate, or whose
 * coverage is clearly below theirs: the difference at least the rule's gap and its 95% interval excluding 0.
 */
export function managerFindings(managers: Row[]): Finding[] {
  const out: Finding[] = [];
  for (const rate of RATES) {
    const found: { f: Finding; z: number }[] = [];
    const total = managers.reduce((s, m) => [s[0] + numOf(m[rate.part]), s[1] + numOf(m[rate.of])], [0, 0]);
    for (const m of managers) {
      const a = numOf(m[rate.part]);
      const n = numOf(m[rate.of]);
      const b = total[0] - a;
      const k = total[1] - n;
      const i = shareDiffInterval(a, n, b, k);
      if (!i) continue;
      const d = a / n - b / k;
      const clear = rate.above ? i[0] > 0 && d >= rate.gap : i[1] < 0 && d <= -rate.gap;
      if (!clear) continue;
      const name = String(m.manager_name ?? m.manager);
      const unit = rate.of === 'due' ? '1:1s due' : 'weeks';
      const text =
        rate.rule === 'finding_manager_coverage'
          ? `${name} held a 1:1 in ${pct(a / n)} of their reports’ weeks (${num(a)} of ${plural(n, 'week')}), against ${pct(b / k)} for the other managers (${num(b)} of ${num(k)}): ${pp(d)} lower, 95% interval ${pp(i[1])} to ${pp(i[0])} lower.`
          : `${name}’s 1:1s were ${rate.what} ${pct(a / n)} of the time (${num(a)} of ${plural(n, '1:1')} due), against ${pct(b / k)} for the other managers (${num(b)} of ${num(k)}): ${pp(d)} more, 95% interval ${pp(i[0])} to ${pp(i[1])}.`;
      found.push({
        z: Math.abs(d) / ((i[1] - i[0]) / 2),
        f: {
          rule: rate.rule,
          key: `${rate.rule}-${String(m.manager)}`,
          text,
          n: `${plural(n, rate.of === 'due' ? '1:1 due' : 'active week', rate.of === 'due' ? '1:1s due' : 'active weeks')}; ${num(k)} ${unit} of the others`,
          evidence: { columns: ['manager_name', 'pairs', 'coverage', 'cancel_rate', 'reschedule_rate', 'due_count', 'cancelled_count', 'rescheduled_count'], rows: [m, ...managers.filter((x) => x !== m)] },
          link: { tab: 'oneonone', drill: { type: 'manager', manager: String(m.manager), label: `1:1s due with ${name}` } }
        }
      });
    }
    out.push(...found.sort((x, y) => y.z - x.z).slice(0, MAX_PER_RULE).map((x) => x.f));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- shifts

const SHIFT_TAB: Record<HeadlineId, FindingTab> = {
  ov_touches: 'meetings',
  ov_accounts_touched: 'meetings',
  ov_progress_gained: 'meetings',
  ov_achieved: 'outcomes',
  ov_overdue: 'outcomes',
  ov_coverage: 'oneonone',
  ov_cancel_rate: 'oneonone',
  ov_goals_on_pace: 'goals'
};
const SHIFT_WORDS: Record<HeadlineId, string> = {
  ov_touches: 'Customer touches',
  ov_accounts_touched: 'The share of accounts touched',
  ov_progress_gained: 'Mean outcome progress gained',
  ov_achieved: 'Outcomes achieved',
  ov_overdue: 'The share of outcomes overdue',
  ov_coverage: '1:1 coverage',
  ov_cancel_rate: 'The 1:1 cancel rate',
  ov_goals_on_pace: 'The share of goals on pace'
};

/** The largest changes since the previous period whose 95% interval excludes no change, by |change| ÷ its standard error. */
export function shiftFindings(headlines: Headline[], now: Period, before: Period | null): Finding[] {
  if (!before) return [];
  const out: { f: Finding; z: number }[] = [];
  for (const h of headlines) {
    if (h.change === null || !h.before || !intervalExcludesZero(h.interval)) continue;
    const up = h.change > 0;
    const v = (x: number | null) => formatFigure(h.id, x);
    const change =
      h.kind === 'count'
        ? `${up ? '+' : '−'}${num(Math.abs(h.change))}${h.before.value ? ` (${up ? '+' : '−'}${pct(Math.abs(h.change) / h.before.value)})` : ''}, 95% interval ${num(h.interval[0])} to ${num(h.interval[1])}`
        : `${up ? '+' : '−'}${pp(h.change)}, 95% interval ${num(h.interval[0] * 100)} to ${num(h.interval[1] * 100)} pts`;
    const nOf = h.kind === 'count' ? '' : ` (n = ${num(h.now.n)} against ${num(h.before.n)})`;
    out.push({
      z: Math.abs(h.change) / ((h.interval[1] - h.interval[0]) / 2),
      f: {
        rule: 'finding_shift',
        key: `shift-${h.id}`,
        text: `${SHIFT_WORDS[h.id]} ${up ? 'rose' : 'fell'} from ${v(h.before.value)} (${before.from} – ${before.to}) to ${v(h.now.value)} (${now.from} – ${now.to})${nOf}: ${change}.`,
        n: h.kind === 'count' ? `${num(h.now.value ?? 0)} against ${num(h.before.value ?? 0)}` : `${num(h.now.n)} against ${num(h.before.n)}`,
        evidence: { columns: ['ov_figure', 'ov_now', 'ov_before', 'ov_change', 'ov_interval', 'ov_n', 'ov_n_before'], rows: [headlineRow(h)] },
        link: { tab: SHIFT_TAB[h.id] }
      }
    });
  }
  return out.sort((x, y) => y.z - x.z).slice(0, MAX_PER_RULE).map((x) => x.f);
}

// ---------------------------------------------------------------------------------------------- all

export interface FindingInputs {
  headlines: Headline[];
  now: Period;
  before: Period | null;
  asOf: string;
  accounts: Row[];
  correlation: Row[];
  managers: Row[];
  outcomeAccounts: Row[];
}

/** Every rule's findings, the named patterns first, one of each rule before a second of any, at most MAX_FINDINGS. */
export function findings(x: FindingInputs): Finding[] {
  const managers = managerFindings(x.managers);
  const groups: Finding[][] = [
    managers.filter((f) => f.rule === 'finding_manager_cancel'),
    managers.filter((f) => f.rule === 'finding_manager_reschedule'),
    [htlpFinding(x.accounts)].filter((f): f is Finding => f !== null),
    managers.filter((f) => f.rule === 'finding_manager_coverage'),
    [overdueRenewingFinding(x.outcomeAccounts, x.accounts, x.asOf)].filter((f): f is Finding => f !== null),
    segmentRhoFindings(x.correlation, x.accounts),
    shiftFindings(x.headlines, x.now, x.before)
  ];
  const out: Finding[] = [];
  for (let round = 0; out.length < MAX_FINDINGS && groups.some((g) => g.length > round); round++) {
    for (const g of groups) if (g[round] && out.length < MAX_FINDINGS) out.push(g[round]);
  }
  return out;
}
