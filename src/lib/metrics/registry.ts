/**
 * Every figure Cadence shows, declared once (as Rill's metrics views, Cube's measures and dbt's semantic
 * layer do): its label, definition, unit and format, what its n counts, the SQL column it reads and the
 * result set that carries it. Table headers and their hover definitions, the "How these numbers are
 * computed" panels, CSV headers and the figures table of docs/METRICS.md all come from here, so a
 * figure's words cannot drift apart. Definitions say the same as the prose of docs/METRICS.md, shorter.
 */
import { days, money, num, pct, pts, rho } from '$lib/format';
import { riskReason } from './goalsOutcomes';
import { binLabel } from './goalCharts';

export type View = 'overview' | 'meetings' | 'oneonone' | 'goals' | 'outcomes' | 'drill';
export type Unit = 'money' | 'text' | 'date' | 'count' | 'share' | 'percent' | 'points' | 'days' | 'weeks' | 'ratio' | 'correlation' | 'yes/no';

/** The result sets of src/lib/metrics/queries.ts a figure's column comes from (query.part). */
export type Source =
  | 'oneOnOne.managers'
  | 'oneOnOne.pairs'
  | 'oneOnOne.totals'
  | 'oneOnOne.trend'
  | 'oneOnOne.upcoming'
  /** The team average beside focused managers: the totals with the manager filter left out. */
  | 'oneOnOne.team'
  | 'meetingsOutcomes.accounts'
  | 'meetingsOutcomes.correlation'
  | 'meetingsOutcomes.lagged'
  | 'meetingsOutcomes.weekly'
  | 'meetingsOutcomes.segmentMonths'
  /** Not SQL: the accounts served against their segment's touch model (src/lib/overview/touchModel.ts). */
  | 'touchModel.accounts'
  | 'goalsView.owners'
  | 'goalsView.teams'
  | 'goalsView.atRisk'
  | 'goalsView.progressBins'
  | 'goalsView.pacingBins'
  | 'goalsView.checkinMonths'
  | 'outcomesView.segments'
  | 'outcomesView.accounts'
  | 'outcomesView.achievedMonths'
  | 'outcomesView.overdueMonths'
  | 'outcomesView.ttfv'
  | 'drill.rows'
  | 'drill.goals'
  | 'drill.outcomes'
  /** Not SQL: the overview's headline table, pooled from the result sets above (src/lib/overview/headline.ts). */
  | 'overview.headline'
  /** Not SQL: the renewals ahead (src/lib/overview/revenue.ts), from the account rows. */
  | 'overview.renewals';

type Format = (v: unknown, row: Record<string, unknown>) => string;

const text: Format = (v) => (v === null || v === undefined ? '—' : String(v));
const words: Format = (v) => (v === null || v === undefined ? '—' : String(v).replaceAll('_', ' '));
/** A headline value or its change, by the row's kind: a count, a share (its change in points) or a mean in points. */
const headlineValue: Format = (v, r) => (r.kind === 'count' ? num(v) : r.kind === 'share' || r.kind === 'latest' ? pct(v) : pts(v));
const signed = (x: number, digits: string) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${digits}`;
const headlineChange: Format = (v, r) =>
  typeof v !== 'number' || !Number.isFinite(v) ? '—' : r.kind === 'count' ? signed(v, num(Math.abs(v))) : signed(v, `${num(Math.abs(r.kind === 'share' ? v * 100 : v))} pts`);
const changeBound = (x: unknown, r: Record<string, unknown>) => (typeof x !== 'number' ? '—' : r.kind === 'share' ? `${num(x * 100)} pts` : num(x));
const percentValue: Format = (v) => (typeof v === 'number' && Number.isFinite(v) ? `${num(v)}%` : '—');

/** Named formats (on src/lib/format.ts): a figure names one, so its unit and its look stay together. */
/** Within plan, per manager and per pair: one definition for both. */
const PLAN_COVERAGE = 'Weeks within plan ÷ weeks the report was on the team in the window. A week is within plan when a 1:1 was held in it or in the plan’s weeks before it (fortnightly: the week before; monthly: the three weeks before); weekly, it is coverage.';

export const FORMATS = {
  text,
  words,
  count: (v) => num(v),
  share: (v) => pct(v),
  percent: percentValue,
  percent1: (v) => (typeof v === 'number' && Number.isFinite(v) ? `${num(v, 1)}%` : '—'),
  points: (v) => pts(v),
  days: (v) => days(v),
  weeks: (v) => (typeof v === 'number' && Number.isFinite(v) ? `${num(v)} wk` : '—'),
  decimal1: (v) => num(v, 1),
  correlation: (v) => rho(v),
  yesNo: (v) => (v === true ? 'yes' : v === false ? 'no' : '—'),
  channel: (v) => (v === null || v === undefined ? 'not in your export' : String(v).replace('_', '-')),
  /** A pair's coverage with the weeks it counts: "88% (7/8)". */
  coverageOfWeeks: (v, r) => `${pct(v)} (${r.held_weeks}/${r.active_weeks})`,
  /** A pair's weeks within plan with the weeks it counts: "98% (51/52)". */
  withinOfWeeks: (v, r) => `${pct(v)} (${r.within_weeks}/${r.active_weeks})`,
  /** Fisher's z interval from the row's `lo` and `hi`. */
  interval: (_, r) => (r.lo !== null && r.lo !== undefined ? `${rho(r.lo)} to ${rho(r.hi)}` : 'n too small'),
  group: (v) => (v === '(all)' ? 'All segments' : text(v, {})),
  money: (v) => money(v),
  headlineValue,
  headlineChange,
  /** The 95% interval of a headline's change from the row's `lo` and `hi` (counts as counts, shares in points). */
  changeInterval: (_, r) => (typeof r.lo === 'number' ? `${changeBound(r.lo, r)} to ${changeBound(r.hi, r)}` : 'none (n too small, or a mean)'),
  /** A histogram bin by its lower edge: "40–50%", "−10 to 0 pts". */
  progressBin: (v) => (typeof v === 'number' ? binLabel('progress', v) : '—'),
  pacingBin: (v) => (typeof v === 'number' ? binLabel('pacing', v) : '—'),
  /** Which rule listed a goal at risk, in words, from the row's status and pacing. */
  riskReason: (v, r) => riskReason(v, r.status, r.pacing)
} satisfies Record<string, Format>;
export type FormatName = keyof typeof FORMATS;

export interface Figure {
  /** Stable name; the SQL column it reads unless `column` says otherwise. */
  id: string;
  /** The column of the metric result it reads (null for a term that explains the figures but is no column). */
  column: string | null;
  label: string;
  /** A shorter header where a table is tight (the label stays in CSV headers and the panels). */
  short?: string;
  /** For counts: how one and many of the counted thing read ("1 meeting", "2 meetings"). */
  count?: [one: string, many: string];
  definition: string;
  unit: Unit;
  format: FormatName;
  /** What the n beside the figure counts. */
  n?: string;
  /** A name or date a figure is broken down by, rather than a figure: listed in tables, not in the panels. */
  dimension?: boolean;
  /** An export column the figure needs: without it the figure reads "not in your export". */
  needs?: 'agenda' | 'prepared_by_report';
  /** Only a CSV column (the page shows it within another figure): left out of the panels. */
  csvOnly?: boolean;
  sources: Source[];
  views: View[];
}

type Entry = Omit<Figure, 'column' | 'sources'> & { column?: string | null; sources?: Source[] };

const AGENDA = 'among held 1:1s in the window whose export carries an agenda or notes';
const MO_ACCOUNTS: Source[] = ['meetingsOutcomes.accounts'];
const PAIRS_AND_MANAGERS: Source[] = ['oneOnOne.managers', 'oneOnOne.pairs'];
/** The headline totals (this period and the previous) and the months of the trend sparklines. */
const TOTALS_AND_TREND: Source[] = ['oneOnOne.totals', 'oneOnOne.trend'];
/** Read beside focused managers too, as their team average. */
const TEAM: Source = 'oneOnOne.team';

const ENTRIES: Entry[] = [
  // Overview: the headline figures (pooled from the other views' rows), their change, and the rules of "what stands out".
  { id: 'ov_touches', column: null, label: 'Customer touches', definition: 'All touches (Meetings vs outcomes) summed over the accounts in the filters: held customer meetings, calls, emails, async and self-service touches in the window.', unit: 'count', format: 'count', n: 'accounts in the filters', views: ['overview'] },
  { id: 'ov_accounts_touched', column: null, label: 'Accounts touched', definition: 'Accounts with at least one touch in the window ÷ accounts in the filters.', unit: 'share', format: 'share', n: 'accounts in the filters', views: ['overview'] },
  { id: 'ov_progress_gained', column: null, label: 'Mean progress gained', definition: 'Progress gained (Meetings vs outcomes), averaged over every outcome with a snapshot in the window.', unit: 'points', format: 'points', n: 'outcomes with a snapshot in the window', views: ['overview'] },
  { id: 'ov_achieved', column: null, label: 'Outcomes achieved', definition: 'Outcomes achieved in the window (Outcomes), summed over the segments.', unit: 'count', format: 'count', n: 'outcomes', views: ['overview'] },
  { id: 'ov_overdue', column: null, label: 'Outcomes overdue', definition: 'Outcomes overdue on the window’s last day (not achieved, past their due date) ÷ outcomes.', unit: 'share', format: 'share', n: 'outcomes', views: ['overview'] },
  { id: 'ov_coverage', column: null, label: '1:1 coverage', definition: 'Coverage (1:1 consistency) pooled over every manager: weeks with a held 1:1 ÷ weeks the reports were on the team.', unit: 'share', format: 'share', n: 'active weeks', views: ['overview'] },
  { id: 'ov_cancel_rate', column: null, label: '1:1 cancel rate', definition: 'Cancelled (1:1 consistency) pooled over every manager: cancelled 1:1s ÷ 1:1s that were due.', unit: 'share', format: 'share', n: 'due 1:1s', views: ['overview'] },
  { id: 'ov_goals_on_pace', column: null, label: 'Goals on pace', definition: 'Goals neither at risk (Goals: status at risk or off track, or open and more than 20 points behind pace) nor missed or dropped ÷ goals, each at its latest check-in (so it has no previous-period change).', unit: 'share', format: 'share', n: 'goals', views: ['overview'] },
  { id: 'ov_previous', column: null, label: 'Previous period', definition: 'The period of the same length as the window (its end capped at the last date in the data) that ends the day before the window starts.', unit: 'text', format: 'text', views: ['overview'] },
  { id: 'ov_figure', column: 'label', label: 'Figure', definition: 'The headline figure.', unit: 'text', format: 'text', dimension: true, sources: ['overview.headline'], views: ['overview'] },
  { id: 'ov_now', column: 'now', label: 'This window', definition: 'The figure over the window.', unit: 'ratio', format: 'headlineValue', sources: ['overview.headline'], views: ['overview'] },
  { id: 'ov_before', column: 'before', label: 'Previous period', definition: 'The figure over the previous period of the same length.', unit: 'ratio', format: 'headlineValue', sources: ['overview.headline'], views: ['overview'] },
  { id: 'ov_change', column: 'change', label: 'Change', definition: 'This window minus the previous period; for shares, in points.', unit: 'ratio', format: 'headlineChange', sources: ['overview.headline'], views: ['overview'] },
  { id: 'ov_interval', column: 'lo', label: '95% interval of the change', definition: 'Counts as Poisson, change ± 1.96 √(a + b); shares as two proportions, change ± 1.96 √(p(1−p)/n + q(1−q)/m), from 20 on each side; none for a mean.', unit: 'ratio', format: 'changeInterval', sources: ['overview.headline'], views: ['overview'] },
  { id: 'ov_n', column: 'n', label: 'n', definition: 'What the figure counts over in the window (the figure’s n).', unit: 'count', format: 'count', sources: ['overview.headline'], views: ['overview'] },
  { id: 'ov_n_before', column: 'n_before', label: 'n before', definition: 'What the figure counts over in the previous period.', unit: 'count', format: 'count', sources: ['overview.headline'], views: ['overview'] },
  { id: 'finding_htlp_arr', column: null, label: 'Finding: high touch, low progress, by ARR', definition: 'Emitted when any account is high touch, low progress (Meetings vs outcomes); names how many, their ARR in all and the largest by ARR.', unit: 'text', format: 'text', n: 'accounts with progress gained', views: ['overview'] },
  { id: 'finding_manager_cancel', column: null, label: 'Finding: a manager who cancels', definition: 'A manager whose cancel rate is at least 5 points above the other managers’ pooled rate, with the 95% interval of the difference (two proportions, from 20 due 1:1s on each side) above 0; at most three.', unit: 'text', format: 'text', n: 'due 1:1s', views: ['overview'] },
  { id: 'finding_manager_reschedule', column: null, label: 'Finding: a manager who reschedules', definition: 'As for cancelling, with the reschedule rate.', unit: 'text', format: 'text', n: 'due 1:1s', views: ['overview'] },
  { id: 'finding_manager_coverage', column: null, label: 'Finding: coverage far below the other managers', definition: 'A manager whose 1:1 coverage is at least 10 points below the other managers’ pooled coverage, with the 95% interval of the difference below 0; at most three.', unit: 'text', format: 'text', n: 'active weeks', views: ['overview'] },
  { id: 'finding_overdue_renewing', column: null, label: 'Finding: overdue outcomes on renewing accounts', definition: 'Accounts whose renewal date (accounts export) falls in the 90 days after the last date in the data and that have an outcome overdue at the window’s end.', unit: 'text', format: 'text', n: 'accounts renewing in those 90 days', views: ['overview'] },
  { id: 'finding_segment_rho', column: null, label: 'Finding: meetings and progress go together', definition: 'All accounts or a segment whose ρ same period has a 95% interval (from 10 accounts) that excludes 0; never a cause.', unit: 'text', format: 'text', n: 'accounts', views: ['overview'] },
  { id: 'finding_shift', column: null, label: 'Finding: a shift since the previous period', definition: 'A headline figure whose change since the previous period has a 95% interval that excludes 0; the three largest by change ÷ standard error.', unit: 'text', format: 'text', n: 'as the figure', views: ['overview'] },

  // Meetings vs outcomes
  { id: 'account', label: 'Account', definition: 'The customer account, as the exports name it.', unit: 'text', format: 'text', dimension: true, sources: [...MO_ACCOUNTS, 'outcomesView.accounts', 'drill.rows', 'drill.outcomes'], views: ['meetings', 'outcomes', 'drill'] },
  { id: 'segment', label: 'Segment', definition: 'The account’s AX segment: from the accounts export, else from its outcomes.', unit: 'text', format: 'text', dimension: true, sources: [...MO_ACCOUNTS, 'outcomesView.segments', 'outcomesView.accounts', 'outcomesView.ttfv', 'drill.outcomes'], views: ['meetings', 'outcomes', 'drill'] },
  { id: 'csm_name', label: 'CSM', definition: 'The account’s CSM: from the accounts export, else its outcomes, else the CSM who meets it most.', unit: 'text', format: 'text', dimension: true, sources: [...MO_ACCOUNTS, 'outcomesView.accounts', 'drill.outcomes'], views: ['meetings', 'outcomes', 'drill'] },
  { id: 'arr', label: 'ARR', definition: 'Annual recurring revenue: from the accounts export, else the latest outcome snapshot that carries it (no currency: the export does not say).', unit: 'money', format: 'money', sources: [...MO_ACCOUNTS, 'outcomesView.accounts', 'overview.renewals', 'drill.outcomes'], views: ['meetings', 'outcomes', 'overview', 'drill'] },
  { id: 'renewal_date', label: 'Renewal', definition: 'The account’s renewal date, from the accounts export.', unit: 'date', format: 'text', dimension: true, sources: [...MO_ACCOUNTS, 'overview.renewals'], views: ['meetings', 'overview'] },
  { id: 'days_to_renewal', label: 'Days to renewal', definition: 'Days from the last date in the data to the renewal date; the overview lists renewals 1 to 90 days ahead.', unit: 'days', format: 'days', sources: ['overview.renewals'], views: ['overview'] },
  { id: 'ov_renewals', column: null, label: 'Renewals in the next 30, 60, 90 days', definition: 'Accounts whose renewal date is 1 to 30 (60, 90) days after the last date in the data, their ARR, and how many have an outcome overdue at the window’s end; each horizon counts the renewals before it.', unit: 'count', format: 'count', n: 'accounts with a renewal date', views: ['overview'] },
  { id: 'ov_htlp_arr', column: null, label: 'ARR of high touch, low progress', definition: 'The ARR of the high touch, low progress accounts (Meetings vs outcomes) ÷ the ARR of every account with progress gained.', unit: 'share', format: 'share', n: 'accounts with progress gained', views: ['overview'] },
  { id: 'segment_month', column: 'month', label: 'Month of', definition: 'The calendar month, by its first day (a month the window cuts counts only its days in it).', unit: 'date', format: 'text', dimension: true, sources: ['meetingsOutcomes.segmentMonths'], views: ['meetings'] },
  { id: 'segment_touches', column: 'touches', label: 'Touches', count: ['touch', 'touches'], definition: 'Held customer touches of the segment’s accounts in the month (and the window).', unit: 'count', format: 'count', sources: ['meetingsOutcomes.segmentMonths'], views: ['meetings'] },
  { id: 'segment_accounts', column: 'accounts', label: 'Accounts', count: ['account', 'accounts'], definition: 'The segment’s accounts in the filters: the n of touches per account.', unit: 'count', format: 'count', sources: ['meetingsOutcomes.segmentMonths'], views: ['meetings'] },
  { id: 'per_account', label: 'Touches per account', definition: 'The segment’s touches in the month ÷ its accounts: the rate its touch model is compared with.', unit: 'ratio', format: 'decimal1', n: 'accounts of the segment', sources: ['meetingsOutcomes.segmentMonths'], views: ['meetings'] },
  { id: 'touch_model', column: null, label: 'Touch model', definition: 'The touches per account and month you expect for a segment (its Appropriate Experience); remembered on this device and carried in the link.', unit: 'ratio', format: 'decimal1', views: ['meetings'] },
  { id: 'expected_touches', label: 'Model’s touches', definition: 'The segment’s touch model × the window’s months (its days ÷ 30.44).', unit: 'ratio', format: 'decimal1', sources: ['touchModel.accounts'], views: ['meetings'] },
  { id: 'model_ratio', label: '× model', definition: 'The account’s touches in the window ÷ what its segment’s model calls for; listed at 2 or more (well above) and ½ or less (well below).', unit: 'ratio', format: 'decimal1', sources: ['touchModel.accounts'], views: ['meetings'] },
  { id: 'served', label: 'Served', definition: 'Above: at least twice the touches its segment’s model calls for; below: at most half.', unit: 'text', format: 'text', sources: ['touchModel.accounts'], views: ['meetings'] },
  { id: 'touches', label: 'All touches', count: ['touch', 'touches'], definition: 'Held customer meetings, calls, emails, async and self-service touches in the window.', unit: 'count', format: 'count', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'meetings', label: 'Meetings', count: ['meeting', 'meetings'], definition: 'Held customer touches in the window whose channel is a meeting (an empty channel cell is a meeting).', unit: 'count', format: 'count', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'calls', label: 'Calls', count: ['call', 'calls'], definition: 'Held customer touches in the window whose channel is a call.', unit: 'count', format: 'count', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'emails', label: 'Emails', count: ['email', 'emails'], definition: 'Held customer touches in the window whose channel is an email.', unit: 'count', format: 'count', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'async', label: 'Async', count: ['async touch', 'async touches'], definition: 'Held customer touches in the window whose channel is async (messages, recorded videos).', unit: 'count', format: 'count', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'self_service', label: 'Self-service', count: ['self-service touch', 'self-service touches'], definition: 'Held customer touches in the window whose channel is self-service.', unit: 'count', format: 'count', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'other_channel', label: 'Other channel', count: ['other-channel touch', 'other-channel touches'], definition: 'Touches whose channel the export names in words Cadence does not know (listed on the mapping screen); counted as touches everywhere.', unit: 'count', format: 'count', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'progress_gained', label: 'Progress gained', definition: 'Per outcome: progress at the window’s end minus progress the day before it started (0 if it had none); per account, the mean over its outcomes with a snapshot in the window.', unit: 'points', format: 'points', n: 'outcomes with a snapshot in the window', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'med_meetings', label: 'Segment median meetings', definition: 'The median of meetings over the segment’s accounts with progress gained: the scatter’s vertical dashed line.', unit: 'ratio', format: 'decimal1', n: 'accounts of the segment with progress gained', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'med_progress', label: 'Segment median progress', definition: 'The median of progress gained over the segment’s accounts with progress gained: the scatter’s horizontal dashed line.', unit: 'points', format: 'points', n: 'accounts of the segment with progress gained', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'high_touch_low_progress', column: 'flag', label: 'High touch, low progress', count: ['account', 'accounts'], definition: 'Accounts with meetings above their segment’s median and progress gained below its median.', unit: 'count', format: 'count', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'low_touch_high_progress', column: 'flag', label: 'Low touch, high progress', count: ['account', 'accounts'], definition: 'Accounts with meetings below their segment’s median and progress gained above its median.', unit: 'count', format: 'count', sources: MO_ACCOUNTS, views: ['meetings'] },
  { id: 'rho_group', column: 'grp', label: 'Accounts', definition: 'All accounts with progress gained, then each segment’s.', unit: 'text', format: 'group', dimension: true, sources: ['meetingsOutcomes.correlation'], views: ['meetings'] },
  { id: 'rho', label: 'ρ same period', definition: 'Spearman’s rank correlation of accounts’ meetings and progress gained in the window, ties at their average rank.', unit: 'correlation', format: 'correlation', n: 'accounts', sources: ['meetingsOutcomes.correlation'], views: ['meetings'] },
  { id: 'rho_n', column: 'n', label: 'n accounts', short: 'n', count: ['account', 'accounts'], definition: 'Accounts with progress gained in the window: the n of ρ same period.', unit: 'count', format: 'count', sources: ['meetingsOutcomes.correlation'], views: ['meetings'] },
  { id: 'rho_interval', column: 'lo', label: '95% interval', definition: 'Fisher’s z interval of ρ, tanh(atanh(ρ) ± 1.96/√(n−3)), shown from 10 accounts.', unit: 'correlation', format: 'interval', n: 'accounts', sources: ['meetingsOutcomes.correlation'], views: ['meetings'] },
  { id: 'rho_lo', column: 'lo', label: '95% interval low', definition: 'The lower end of ρ’s 95% interval (Fisher’s z, from 10 accounts).', unit: 'correlation', format: 'correlation', n: 'accounts', csvOnly: true, sources: ['meetingsOutcomes.correlation'], views: ['meetings'] },
  { id: 'rho_hi', column: 'hi', label: '95% interval high', definition: 'The upper end of ρ’s 95% interval (Fisher’s z, from 10 accounts).', unit: 'correlation', format: 'correlation', n: 'accounts', csvOnly: true, sources: ['meetingsOutcomes.correlation'], views: ['meetings'] },
  { id: 'rho_next', column: 'rho', label: 'ρ next month', definition: 'Spearman’s ρ between an account’s meetings in a calendar month and its progress gained in the following month.', unit: 'correlation', format: 'correlation', n: 'account-months', sources: ['meetingsOutcomes.lagged'], views: ['meetings'] },
  { id: 'rho_next_n', column: 'n', label: 'n account-months', short: 'n', count: ['account-month', 'account-months'], definition: 'Account-months paired for ρ next month: each account once for every month of the window after the first by whose end it has an outcome snapshot.', unit: 'count', format: 'count', sources: ['meetingsOutcomes.lagged'], views: ['meetings'] },
  { id: 'week', label: 'Week of', definition: 'The ISO week (from Monday) or, monthly, the calendar month.', unit: 'date', format: 'text', dimension: true, sources: ['meetingsOutcomes.weekly'], views: ['meetings'] },
  { id: 'month', column: 'week', label: 'Month of', definition: 'The calendar month, by its first day.', unit: 'date', format: 'text', dimension: true, sources: ['meetingsOutcomes.weekly'], views: ['meetings'] },
  { id: 'period_meetings', column: 'customer', label: 'Meetings', count: ['meeting', 'meetings'], definition: 'Held customer meetings in the week or month: the dark bars.', unit: 'count', format: 'count', sources: ['meetingsOutcomes.weekly'], views: ['meetings'] },
  { id: 'other_touches', label: 'Other touches', count: ['other touch', 'other touches'], definition: 'Held customer calls, emails, async and self-service touches in the week or month: the light bars.', unit: 'count', format: 'count', sources: ['meetingsOutcomes.weekly'], views: ['meetings'] },
  { id: 'one_on_one', label: '1:1s', count: ['1:1', '1:1s'], definition: 'Held 1:1s in the week or month (not in the bars).', unit: 'count', format: 'count', sources: ['meetingsOutcomes.weekly'], views: ['meetings'] },
  { id: 'progress', label: 'Mean outcome progress', definition: 'The mean progress of every outcome as of the end of each week or month (its latest snapshot by then): the line.', unit: 'percent', format: 'percent1', n: 'outcomes with a snapshot by then', sources: ['meetingsOutcomes.weekly'], views: ['meetings'] },
  { id: 'period_outcomes', column: 'outcomes', label: 'Outcomes', count: ['outcome', 'outcomes'], definition: 'Outcomes with a snapshot by the end of the week or month: the n of mean outcome progress.', unit: 'count', format: 'count', sources: ['meetingsOutcomes.weekly'], views: ['meetings'] },

  // 1:1 consistency
  { id: 'manager_name', label: 'Manager', definition: 'The manager, by name where the roster has one.', unit: 'text', format: 'text', dimension: true, sources: [...PAIRS_AND_MANAGERS, 'drill.rows', 'oneOnOne.upcoming'], views: ['oneonone', 'drill'] },
  { id: 'report', column: 'csm_name', label: 'Report', definition: 'The direct report, by name where the roster has one.', unit: 'text', format: 'text', dimension: true, sources: ['oneOnOne.pairs', 'oneOnOne.upcoming'], views: ['oneonone'] },
  { id: 'pairs', label: 'Reports', count: ['report', 'reports'], definition: 'The manager’s reports with at least one active week in the window (reports who left earlier do not count).', unit: 'count', format: 'count', sources: ['oneOnOne.managers', TEAM], views: ['oneonone'] },
  { id: 'coverage', label: 'Coverage', definition: 'Weeks with a held 1:1 ÷ weeks the report was on the team in the window (per manager: summed over the reports).', unit: 'share', format: 'share', n: 'active weeks', sources: ['oneOnOne.managers', ...TOTALS_AND_TREND, TEAM], views: ['oneonone'] },
  { id: 'pair_coverage', column: 'coverage', label: 'Coverage', definition: 'Weeks with a held 1:1 ÷ weeks the report was on the team in the window (per manager: summed over the reports).', unit: 'share', format: 'coverageOfWeeks', n: 'active weeks', sources: ['oneOnOne.pairs'], views: ['oneonone'] },
  { id: 'plan', label: 'Plan', definition: 'The expected cadence the pair is measured against: weekly (the standard) unless a coach set every two weeks (fortnightly) or monthly for its team, its manager or the pair itself (the most specific wins); per manager, “mixed” when their pairs differ.', unit: 'text', format: 'text', sources: [...PAIRS_AND_MANAGERS, 'oneOnOne.upcoming'], views: ['oneonone'] },
  { id: 'plan_coverage', label: 'Within plan', definition: PLAN_COVERAGE, unit: 'share', format: 'share', n: 'active weeks', sources: ['oneOnOne.managers', ...TOTALS_AND_TREND], views: ['oneonone'] },
  { id: 'pair_plan_coverage', column: 'plan_coverage', label: 'Within plan', definition: PLAN_COVERAGE, unit: 'share', format: 'withinOfWeeks', n: 'active weeks', sources: ['oneOnOne.pairs'], views: ['oneonone'] },
  { id: 'fortnight_coverage', label: 'Within two weeks', definition: 'Share of active weeks with a held 1:1 in the week or the week before: what the pair would score on a fortnightly plan, whatever its plan.', unit: 'share', format: 'share', n: 'active weeks', csvOnly: true, sources: PAIRS_AND_MANAGERS, views: ['oneonone'] },
  { id: 'month_coverage', label: 'Within four weeks', definition: 'Share of active weeks with a held 1:1 in the week or the three before: what the pair would score on a monthly plan, whatever its plan.', unit: 'share', format: 'share', n: 'active weeks', csvOnly: true, sources: PAIRS_AND_MANAGERS, views: ['oneonone'] },
  { id: 'suggested_plan', label: 'Suggested plan', definition: 'The rhythm the data shows when it is less frequent than the plan: fortnightly for a median gap of 11–17 days with at least 80% of weeks within two weeks and under 70% within plan; monthly for 25–35 days with 80% within four weeks and under 70% within two. Only a suggestion: the plan changes when a coach sets it.', unit: 'text', format: 'text', sources: PAIRS_AND_MANAGERS, views: ['oneonone'] },
  { id: 'missing_weeks', label: 'Missing', count: ['missing week', 'missing weeks'], definition: 'Weeks the report was on the team with no 1:1 at all (held, cancelled, rescheduled or no-show) and not within plan.', unit: 'count', format: 'count', sources: PAIRS_AND_MANAGERS, views: ['oneonone'] },
  { id: 'not_due_week', column: null, label: 'Between planned 1:1s', definition: 'On a fortnightly or monthly plan, a week with no 1:1 that is still within plan: in the grid, not a missing week.', unit: 'text', format: 'text', views: ['oneonone'] },
  { id: 'pair_team', column: 'team', label: 'Team', definition: 'The report’s team in the roster, else the manager’s (per manager: their reports’ most common team); a team’s plan applies to it.', unit: 'text', format: 'text', dimension: true, sources: PAIRS_AND_MANAGERS, views: ['oneonone'] },
  { id: 'current_streak', label: 'Streak', definition: 'Consecutive weeks within plan (weekly: with a held 1:1), ending at the week of the last date in the data (or the week before, if that week is not within plan yet).', unit: 'weeks', format: 'weeks', sources: ['oneOnOne.pairs'], views: ['oneonone'] },
  { id: 'longest_streak', label: 'Longest', definition: 'The longest run of consecutive weeks within plan (weekly: with a held 1:1) among the active weeks.', unit: 'weeks', format: 'weeks', sources: ['oneOnOne.pairs'], views: ['oneonone'] },
  { id: 'due_count', column: 'due', label: '1:1s due', count: ['1:1 due', '1:1s due'], definition: 'The 1:1s in the window that were held, cancelled, rescheduled or no-show: the n of the cancel and reschedule rates.', unit: 'count', format: 'count', sources: ['oneOnOne.managers'], views: ['oneonone', 'overview'] },
  { id: 'cancelled_count', column: 'cancelled', label: 'Cancelled 1:1s', count: ['cancelled 1:1', 'cancelled 1:1s'], definition: 'The 1:1s in the window that were cancelled.', unit: 'count', format: 'count', sources: ['oneOnOne.managers'], views: ['oneonone', 'overview'] },
  { id: 'rescheduled_count', column: 'rescheduled', label: 'Rescheduled 1:1s', count: ['rescheduled 1:1', 'rescheduled 1:1s'], definition: 'The 1:1s in the window that were rescheduled.', unit: 'count', format: 'count', sources: ['oneOnOne.managers'], views: ['oneonone', 'overview'] },
  { id: 'cancel_rate', label: 'Cancelled', definition: 'Cancelled 1:1s ÷ 1:1s that were due (held, cancelled, rescheduled or no-show).', unit: 'share', format: 'share', n: 'due 1:1s', sources: [...PAIRS_AND_MANAGERS, ...TOTALS_AND_TREND, TEAM], views: ['oneonone'] },
  { id: 'reschedule_rate', label: 'Rescheduled', definition: 'Rescheduled 1:1s ÷ 1:1s that were due (held, cancelled, rescheduled or no-show).', unit: 'share', format: 'share', n: 'due 1:1s', sources: [...PAIRS_AND_MANAGERS, ...TOTALS_AND_TREND, TEAM], views: ['oneonone'] },
  { id: 'median_gap', label: 'Median gap', definition: 'The median of the days between consecutive held 1:1s in the window (per manager: over all the manager’s gaps).', unit: 'days', format: 'days', n: 'gaps between held 1:1s', sources: [...PAIRS_AND_MANAGERS, TEAM], views: ['oneonone'] },
  { id: 'cadence', label: 'Cadence', definition: 'From the median gap: weekly (≤ 8 days), 1–3 weeks (≤ 21), 3–6 weeks (≤ 42), 6–10 weeks (≤ 70), rarer (longer, or fewer than two held 1:1s).', unit: 'text', format: 'text', sources: PAIRS_AND_MANAGERS, views: ['oneonone'] },
  { id: 'longest_wait', column: 'days_since_held', label: 'Longest wait', definition: 'Days since the last held 1:1 of the report waiting longest, as of the last date in the data.', unit: 'days', format: 'days', sources: ['oneOnOne.managers', TEAM], views: ['oneonone'] },
  { id: 'days_since_held', label: 'Since last', definition: 'Days from the last held 1:1 (on or before the last date in the data) to that date.', unit: 'days', format: 'days', sources: ['oneOnOne.pairs', 'oneOnOne.upcoming'], views: ['oneonone'] },
  { id: 'agenda_goals', label: 'Goals', definition: `Share of held 1:1s whose agenda or notes mention goals and performance, ${AGENDA}.`, unit: 'share', format: 'share', n: 'held 1:1s with an agenda or notes', needs: 'agenda', sources: [...PAIRS_AND_MANAGERS, 'oneOnOne.totals', TEAM], views: ['oneonone'] },
  { id: 'agenda_bottlenecks', label: 'Blockers', definition: `Share of held 1:1s whose agenda or notes mention bottlenecks and challenges, ${AGENDA}.`, unit: 'share', format: 'share', n: 'held 1:1s with an agenda or notes', needs: 'agenda', sources: [...PAIRS_AND_MANAGERS, 'oneOnOne.totals', TEAM], views: ['oneonone'] },
  { id: 'agenda_customers', label: 'Customers', definition: `Share of held 1:1s whose agenda or notes mention specific customer issues, ${AGENDA}.`, unit: 'share', format: 'share', n: 'held 1:1s with an agenda or notes', needs: 'agenda', sources: [...PAIRS_AND_MANAGERS, 'oneOnOne.totals', TEAM], views: ['oneonone'] },
  { id: 'agenda_coaching', label: 'Coaching', definition: `Share of held 1:1s whose agenda or notes mention coaching and problem solving, ${AGENDA}.`, unit: 'share', format: 'share', n: 'held 1:1s with an agenda or notes', needs: 'agenda', sources: [...PAIRS_AND_MANAGERS, 'oneOnOne.totals', TEAM], views: ['oneonone'] },
  { id: 'agenda_career', label: 'Career', definition: `Share of held 1:1s whose agenda or notes mention career development, ${AGENDA}.`, unit: 'share', format: 'share', n: 'held 1:1s with an agenda or notes', needs: 'agenda', sources: [...PAIRS_AND_MANAGERS, ...TOTALS_AND_TREND, TEAM], views: ['oneonone'] },
  { id: 'career_90', label: 'Career ≤ 90 d', definition: 'Whether a held 1:1 in the 90 days ending at the last date in the data covered career development; no value for a report who left before those 90 days.', unit: 'yes/no', format: 'yesNo', needs: 'agenda', sources: ['oneOnOne.pairs'], views: ['oneonone'] },
  { id: 'career_90_share', label: 'Career ≤ 90 d', definition: 'Share of the manager’s reports with career development covered in a held 1:1 in the last 90 days; a report who left before those 90 days is left out.', unit: 'share', format: 'share', n: 'reports on the team in the last 90 days', needs: 'agenda', sources: ['oneOnOne.managers', TEAM], views: ['oneonone'] },
  { id: 'prepared_share', label: 'Brought data', definition: 'Share of held 1:1s in the window where the report brought the data, among those where the export says.', unit: 'share', format: 'share', n: 'held 1:1s where it is known', needs: 'prepared_by_report', sources: [...PAIRS_AND_MANAGERS, 'oneOnOne.totals', TEAM], views: ['oneonone'] },
  { id: 'trend_month', column: 'month', label: 'Month', definition: 'The calendar month, by its first day: a week counts in the month of its Monday, a 1:1 in the month of its date.', unit: 'date', format: 'text', dimension: true, sources: ['oneOnOne.trend'], views: ['oneonone'] },
  { id: 'agenda_items', label: 'Agenda items', definition: 'Of the five agenda items, the share covered per held 1:1, among held 1:1s whose export carries an agenda or notes (all five every time is 100%).', unit: 'share', format: 'share', n: 'held 1:1s with an agenda or notes', needs: 'agenda', sources: ['oneOnOne.trend'], views: ['oneonone'] },
  { id: 'career_held', label: 'Career conversations', count: ['career conversation', 'career conversations'], definition: 'Held 1:1s in the window whose agenda or notes cover career development.', unit: 'count', format: 'count', needs: 'agenda', sources: TOTALS_AND_TREND, views: ['oneonone'] },
  { id: 'booked_7', label: 'Booked next 7 d', definition: 'Whether a 1:1 of the pair is scheduled in the 7 days after the last date in the data; read only where the manager’s exports carry scheduled 1:1s after that date.', unit: 'yes/no', format: 'yesNo', sources: ['oneOnOne.upcoming'], views: ['oneonone'] },
  { id: 'booked_14', label: 'Booked next 14 d', definition: 'Whether a 1:1 of the pair is scheduled in the 14 days after the last date in the data; read only where the manager’s exports carry scheduled 1:1s after that date.', unit: 'yes/no', format: 'yesNo', sources: ['oneOnOne.upcoming'], views: ['oneonone'] },
  { id: 'next_booked', label: 'Next booked', definition: 'The date of the pair’s next scheduled 1:1 after the last date in the data.', unit: 'date', format: 'text', sources: ['oneOnOne.upcoming'], views: ['oneonone'] },
  { id: 'waiting_past_plan', column: 'overdue', label: 'Waiting past plan', definition: 'Whether the days since the last held 1:1 already exceed the plan’s interval (7 days weekly, 14 fortnightly, 28 monthly), as of the last date in the data; yes when no 1:1 was ever held.', unit: 'yes/no', format: 'yesNo', sources: ['oneOnOne.upcoming'], views: ['oneonone'] },
  { id: 'calendar_ahead', label: 'Calendar ahead', definition: 'Whether the manager’s exports carry any scheduled 1:1 after the last date in the data: without it, whether a 1:1 is booked cannot be read.', unit: 'yes/no', format: 'yesNo', csvOnly: true, sources: ['oneOnOne.upcoming'], views: ['oneonone'] },
  { id: 'period_change', column: null, label: 'Change', definition: 'This window against the previous period of the same length (it ends the day before the window starts), in percentage points; green when it went the way that is good for the figure (coverage up, cancellations down), red when not.', unit: 'points', format: 'points', views: ['oneonone'] },
  { id: 'team_average', column: null, label: 'Team average', definition: 'Beside the managers picked in the Manager filter (the compare panel, and “team avg” on the headline figures): the same figure over every manager’s reports, in the same window and with the other filters (team, CSM, segment, kind), the manager filter left out: what the page shows with no manager picked. Pooled (counts summed, then divided, as each manager’s own figure is), not a mean of the managers’ figures, so a manager with one report weighs as one report; the coaching brief’s “all managers” is the same figure.', unit: 'ratio', format: 'text', n: 'as the figure, over every manager', views: ['oneonone'] },
  { id: 'missing_week', column: null, label: 'Missing week', definition: 'A week the report was on the team (roster dates, else first to last appearance) with no 1:1 at all, and not within plan.', unit: 'text', format: 'text', views: ['oneonone'] },

  // Goals
  { id: 'team', label: 'Team', definition: 'The goal owner’s team in the roster, else “(no team)”.', unit: 'text', format: 'text', dimension: true, sources: ['goalsView.teams', 'goalsView.owners', 'drill.goals'], views: ['goals', 'drill'] },
  { id: 'owner_name', label: 'Owner', definition: 'The goal’s owner (a CSM or a team), by name where the roster has one.', unit: 'text', format: 'text', dimension: true, sources: ['goalsView.owners', 'goalsView.atRisk', 'drill.goals'], views: ['goals', 'drill'] },
  { id: 'owners', label: 'Owners', count: ['owner', 'owners'], definition: 'Goal owners in the team with a goal in the window.', unit: 'count', format: 'count', sources: ['goalsView.teams'], views: ['goals'] },
  { id: 'goals', label: 'Goals', count: ['goal', 'goals'], definition: 'Goals whose period (start … due) overlaps the window, each at its latest check-in.', unit: 'count', format: 'count', sources: ['goalsView.teams', 'goalsView.owners'], views: ['goals'] },
  { id: 'goal_mean_progress', column: 'mean_progress', label: 'Mean progress', definition: 'The mean of the goals’ progress % (goal % completion, or (current − start) ÷ (target − start), clamped to 0–100%), over goals with a progress value.', unit: 'percent', format: 'percent', n: 'goals with a progress value', sources: ['goalsView.teams', 'goalsView.owners'], views: ['goals'] },
  { id: 'mean_pacing', label: 'Mean pacing', definition: 'The mean of the goals’ pacing: progress % minus the share of the goal’s period elapsed at its check-in (points; below 0 is behind schedule).', unit: 'points', format: 'points', n: 'goals with a progress value and dates', sources: ['goalsView.teams', 'goalsView.owners'], views: ['goals'] },
  { id: 'at_risk', label: 'At risk', count: ['goal at risk', 'goals at risk'], definition: 'Goals with status at risk or off track, or still open and more than 20 points behind pace.', unit: 'count', format: 'count', sources: ['goalsView.teams', 'goalsView.owners'], views: ['goals'] },
  { id: 'goal_missed', column: 'missed', label: 'Missed or dropped', count: ['goal missed or dropped', 'goals missed or dropped'], definition: 'Goals whose status is missed or dropped.', unit: 'count', format: 'count', sources: ['goalsView.teams'], views: ['goals', 'overview'] },
  { id: 'goal_achieved', column: 'achieved', label: 'Achieved', count: ['goal achieved', 'goals achieved'], definition: 'Goals whose status is achieved.', unit: 'count', format: 'count', sources: ['goalsView.teams', 'goalsView.owners'], views: ['goals'] },
  { id: 'goal', column: 'title', label: 'Goal', definition: 'The goal’s title.', unit: 'text', format: 'text', dimension: true, sources: ['goalsView.atRisk', 'drill.goals'], views: ['goals', 'drill'] },
  { id: 'goal_status', column: 'status', label: 'Status', definition: 'The goal’s status at its latest check-in (in a month of check-in, at its last check-in that month), as its tool gives it.', unit: 'text', format: 'words', dimension: true, sources: ['goalsView.atRisk', 'drill.goals'], views: ['goals', 'drill'] },
  { id: 'goal_progress', column: 'progress_pct', label: 'Progress', definition: 'Goal % completion, or (current − start) ÷ (target − start); clamped to 0–100%.', unit: 'percent', format: 'percent', sources: ['goalsView.atRisk', 'drill.goals'], views: ['goals', 'drill'] },
  { id: 'elapsed_pct', label: 'Time elapsed', definition: 'The share of the goal’s period (start … due) gone at its last check-in (never later than the last date in the data), clamped to 0–100%.', unit: 'percent', format: 'percent', sources: ['goalsView.atRisk'], views: ['goals'] },
  { id: 'risk_rule', label: 'Why at risk', definition: 'The rule that listed the goal: its status (at risk or off track), or how many points behind pace it is when more than 20, even when its own status says on track.', unit: 'text', format: 'riskReason', sources: ['goalsView.atRisk'], views: ['goals'] },
  { id: 'pacing', label: 'Pacing', definition: 'Progress % minus the share of the goal’s period elapsed (points): below 0 is behind schedule; never above 0 for a goal its tool calls at risk or off track.', unit: 'points', format: 'points', sources: ['goalsView.atRisk', 'drill.goals'], views: ['goals', 'drill'] },
  { id: 'due', label: 'Due', definition: 'The goal’s due date.', unit: 'date', format: 'text', dimension: true, sources: ['goalsView.atRisk', 'drill.goals'], views: ['goals', 'drill'] },
  { id: 'checked_in', label: 'Check-in', definition: 'The date of the goal’s check-in the row is: its latest, or its last in the month of check-in.', unit: 'date', format: 'text', dimension: true, sources: ['drill.goals'], views: ['drill'] },
  { id: 'progress_bin', column: 'bin', label: 'Progress', definition: 'A 10-point bin of progress % (0–10% … 90–100%; 100% is in the top bin).', unit: 'text', format: 'progressBin', dimension: true, sources: ['goalsView.progressBins'], views: ['goals'] },
  { id: 'pacing_bin', column: 'bin', label: 'Pacing', definition: 'A 10-point bin of pacing (from −100 to +100 points; +100 is in the top bin).', unit: 'text', format: 'pacingBin', dimension: true, sources: ['goalsView.pacingBins'], views: ['goals'] },
  { id: 'bin_goals', column: 'goals', label: 'Goals in the bin', short: 'Goals', count: ['goal', 'goals'], definition: 'Goals of the tables above (each at its latest check-in) whose progress, or pacing, falls in the bin: the bar’s height; goals without a progress value (or, for pacing, without dates) are in no bin.', unit: 'count', format: 'count', sources: ['goalsView.progressBins', 'goalsView.pacingBins'], views: ['goals'] },
  { id: 'checkin_month', column: 'month', label: 'Month of check-in', definition: 'The calendar month of a check-in (its Last Updated date), by its first day; only months of the window.', unit: 'date', format: 'text', dimension: true, sources: ['goalsView.checkinMonths'], views: ['goals'] },
  { id: 'checkin_goals', column: 'goals', label: 'Goals checked in', short: 'Goals', count: ['goal checked in', 'goals checked in'], definition: 'Goals of the tables above with a check-in carrying a progress value in the month, each once (its last check-in that month): the n of mean progress at check-in.', unit: 'count', format: 'count', sources: ['goalsView.checkinMonths'], views: ['goals'] },
  { id: 'checkin_progress', column: 'mean_progress', label: 'Mean progress at check-in', definition: 'The mean progress % the goals checked in during the month reported, each at its last check-in that month: the bar.', unit: 'percent', format: 'percent1', n: 'goals checked in that month', sources: ['goalsView.checkinMonths'], views: ['goals'] },

  // Outcomes
  { id: 'latest_snapshot', column: null, label: 'Latest snapshot', definition: 'Each outcome as its most recent snapshot on or before the end of the window gives it.', unit: 'text', format: 'text', views: ['outcomes'] },
  { id: 'outcomes', label: 'Outcomes', count: ['outcome', 'outcomes'], definition: 'Desired outcomes (one row per outcome: its latest snapshot by the window’s end).', unit: 'count', format: 'count', sources: ['outcomesView.segments', 'outcomesView.accounts'], views: ['outcomes'] },
  { id: 'outcome_achieved', column: 'achieved', label: 'Achieved', count: ['achieved', 'achieved'], definition: 'Outcomes with status achieved, or progress 100%, by the window’s end.', unit: 'count', format: 'count', sources: ['outcomesView.segments', 'outcomesView.accounts'], views: ['outcomes'] },
  { id: 'open', label: 'Open', count: ['open', 'open'], definition: 'Outcomes neither achieved nor overdue at the window’s end.', unit: 'count', format: 'count', sources: ['outcomesView.segments', 'outcomesView.accounts'], views: ['outcomes'] },
  { id: 'overdue', label: 'Overdue', count: ['overdue', 'overdue'], definition: 'Outcomes not achieved whose due date is before the end of the window.', unit: 'count', format: 'count', sources: ['outcomesView.segments', 'outcomesView.accounts'], views: ['outcomes'] },
  { id: 'outcome_mean_progress', column: 'mean_progress', label: 'Mean progress', definition: 'The mean progress % (clamped to 0–100%) of the outcomes at their latest snapshot.', unit: 'percent', format: 'percent', n: 'outcomes with a progress value', sources: ['outcomesView.segments', 'outcomesView.accounts'], views: ['outcomes'] },
  { id: 'mean_gained', label: 'Gained in window', definition: 'Per outcome with a snapshot in the window: progress at the window’s end minus progress before it started (0 if it had none), as on Meetings vs outcomes; the mean per segment or account.', unit: 'points', format: 'points', n: 'outcomes with a snapshot in the window', sources: ['outcomesView.segments', 'outcomesView.accounts'], views: ['outcomes'] },
  { id: 'moved', label: 'Outcomes with a snapshot in the window', count: ['outcome', 'outcomes'], definition: 'Outcomes with a snapshot dated in the window: the n of gained in window.', unit: 'count', format: 'count', sources: ['outcomesView.segments'], views: ['outcomes'] },
  { id: 'achieved_in_window', label: 'Achieved in window', count: ['achieved in it', 'achieved in it'], definition: 'Outcomes achieved by the window’s end and not before it started.', unit: 'count', format: 'count', sources: ['outcomesView.segments', 'outcomesView.accounts'], views: ['outcomes'] },
  { id: 'median_days_to_value', label: 'Time to first value', definition: 'Days from an outcome’s start date to its first value date (when that is by the window’s end); the median per segment or account, over outcomes that have both.', unit: 'days', format: 'days', n: 'outcomes with a start and a first value date', sources: ['outcomesView.segments', 'outcomesView.accounts', 'outcomesView.ttfv'], views: ['outcomes'] },
  { id: 'value_n', label: 'Outcomes with a first value', short: 'n', count: ['outcome', 'outcomes'], definition: 'Outcomes with a start and a first value date by the window’s end: the n of time to first value.', unit: 'count', format: 'count', sources: ['outcomesView.segments', 'outcomesView.ttfv'], views: ['outcomes'] },
  { id: 'ttfv_min', label: 'Fastest', definition: 'The shortest time to first value in the segment: the left whisker’s end.', unit: 'days', format: 'days', n: 'outcomes with a first value', sources: ['outcomesView.ttfv'], views: ['outcomes'] },
  { id: 'ttfv_q1', label: 'First quartile', short: 'Q1', definition: 'A quarter of the segment’s outcomes reached first value in this many days or fewer (interpolated between the two nearest): the box’s left edge.', unit: 'days', format: 'days', n: 'outcomes with a first value', sources: ['outcomesView.ttfv'], views: ['outcomes'] },
  { id: 'ttfv_q3', label: 'Third quartile', short: 'Q3', definition: 'Three quarters of the segment’s outcomes reached first value in this many days or fewer (interpolated): the box’s right edge.', unit: 'days', format: 'days', n: 'outcomes with a first value', sources: ['outcomesView.ttfv'], views: ['outcomes'] },
  { id: 'ttfv_max', label: 'Slowest', definition: 'The longest time to first value in the segment: the right whisker’s end.', unit: 'days', format: 'days', n: 'outcomes with a first value', sources: ['outcomesView.ttfv'], views: ['outcomes'] },
  { id: 'outcome_month', column: 'month', label: 'Month', definition: 'A calendar month the window touches, by its first day.', unit: 'date', format: 'text', dimension: true, sources: ['outcomesView.achievedMonths', 'outcomesView.overdueMonths'], views: ['outcomes'] },
  { id: 'achieved_per_month', column: 'achieved', label: 'Achieved in the month', short: 'Achieved', count: ['outcome achieved', 'outcomes achieved'], definition: 'Outcomes achieved by the window’s end (their latest snapshot by then) whose achieved date falls in the month and the window: the bar; an outcome achieved with no achieved date is in no month.', unit: 'count', format: 'count', sources: ['outcomesView.achievedMonths'], views: ['outcomes'] },
  { id: 'month_end', label: 'Read at', definition: 'The month’s last day, or the window’s end for its last month: the day the overdue count is read at.', unit: 'date', format: 'text', dimension: true, sources: ['outcomesView.overdueMonths'], views: ['outcomes'] },
  { id: 'overdue_at_month_end', column: 'overdue', label: 'Overdue at the month’s end', short: 'Overdue', count: ['outcome overdue', 'outcomes overdue'], definition: 'Outcomes whose latest snapshot on or before the month’s end (no later snapshot is looked at) is not achieved and is due before that day; in the filters. On the window’s end it is the tables’ overdue count.', unit: 'count', format: 'count', sources: ['outcomesView.overdueMonths'], views: ['outcomes'] },

  // The rows behind a mark
  { id: 'start', label: 'Start', definition: 'The meeting’s start, as the export gives it (no time-zone shift).', unit: 'date', format: 'text', dimension: true, sources: ['drill.rows'], views: ['drill'] },
  { id: 'meeting_title', column: 'title', label: 'Title', definition: 'The meeting’s title or subject.', unit: 'text', format: 'text', dimension: true, sources: ['drill.rows'], views: ['drill'] },
  { id: 'meeting_status', column: 'status', label: 'Status', definition: 'Held, cancelled, rescheduled, no-show or scheduled.', unit: 'text', format: 'words', dimension: true, sources: ['drill.rows'], views: ['drill'] },
  { id: 'channel', label: 'Channel', definition: 'Meeting, call, email, async, self-service or other.', unit: 'text', format: 'channel', dimension: true, sources: ['drill.rows'], views: ['drill'] },
  { id: 'drill_person', column: 'csm_name', label: 'CSM / report', definition: 'The CSM of a customer meeting, or the report of a 1:1.', unit: 'text', format: 'text', dimension: true, sources: ['drill.rows'], views: ['drill'] },
  { id: 'agenda_covered', label: 'Agenda covered', definition: 'The agenda items the 1:1’s agenda or notes mention, as the agenda figures count them: goals, blockers, customers, coaching, career; “none” when they mention none, — when the export carries neither.', unit: 'text', format: 'text', dimension: true, sources: ['drill.rows'], views: ['drill'] },
  { id: 'notes', label: 'Notes', definition: 'The meeting’s notes or description, as the export gives it (shown as plain text).', unit: 'text', format: 'text', dimension: true, sources: ['drill.rows'], views: ['drill'] },
  { id: 'source_file', label: 'File', definition: 'The export the row came from.', unit: 'text', format: 'text', dimension: true, sources: ['drill.rows'], views: ['drill'] },
  { id: 'outcome_title', label: 'Outcome', definition: 'The desired outcome (objective) as the export names it.', unit: 'text', format: 'text', dimension: true, sources: ['drill.outcomes'], views: ['drill'] },
  { id: 'outcome_status', column: 'status', label: 'Status', definition: 'The outcome’s status on the snapshot the row is (at the window’s end, or at the month’s end for an overdue count).', unit: 'text', format: 'words', dimension: true, sources: ['drill.outcomes'], views: ['drill'] },
  { id: 'outcome_progress', column: 'progress_pct', label: 'Progress', definition: 'The outcome’s progress % on that snapshot, clamped to 0–100%.', unit: 'percent', format: 'percent', sources: ['drill.outcomes'], views: ['drill'] },
  { id: 'outcome_due', column: 'due', label: 'Due', definition: 'The outcome’s due date on that snapshot.', unit: 'date', format: 'text', dimension: true, sources: ['drill.outcomes'], views: ['drill'] },
  { id: 'achieved_on', label: 'Achieved', definition: 'The outcome’s achieved (completed) date, when the export gives one.', unit: 'date', format: 'text', dimension: true, sources: ['drill.outcomes'], views: ['drill'] },
  { id: 'days_to_value', label: 'Days to first value', definition: 'Days from the outcome’s start date to its first value date, when that is by the day the row is read at.', unit: 'days', format: 'days', sources: ['drill.outcomes'], views: ['drill'] },
  { id: 'snapshot', label: 'Snapshot', definition: 'The date of the snapshot the row is (its as-of date).', unit: 'date', format: 'text', dimension: true, sources: ['drill.outcomes'], views: ['drill'] },
  { id: 'source_row', label: 'Row', definition: 'The row’s line in that export.', unit: 'count', format: 'text', dimension: true, sources: ['drill.rows'], views: ['drill'] }
];

export const FIGURES: readonly Figure[] = ENTRIES.map((e) => ({ ...e, column: e.column === undefined ? e.id : e.column, sources: e.sources ?? [] }));

const byId = new Map(FIGURES.map((f) => [f.id, f]));

/** A figure by id; an unknown id is a programming error, caught by the registry's tests. */
export function figure(id: string): Figure {
  const f = byId.get(id);
  if (!f) throw new Error(`No figure "${id}" in src/lib/metrics/registry.ts`);
  return f;
}

export function hasFigure(id: string): boolean {
  return byId.has(id);
}

/** A value of a figure as the page shows it. */
export function formatFigure(id: string, value: unknown, row: Record<string, unknown> = {}): string {
  return FORMATS[figure(id).format](value, row);
}

/** A count in the figure's words: "1 meeting", "2 meetings". */
export function countOf(id: string, n: number): string {
  const f = figure(id);
  if (!f.count) throw new Error(`Figure "${id}" is not a count`);
  return `${num(n)} ${n === 1 ? f.count[0] : f.count[1]}`;
}

/** The terms a view's "How these numbers are computed" panel lists: its figures (not its dimensions), once per wording. */
export function definitionsFor(view: View): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const f of FIGURES) {
    if (f.dimension || f.csvOnly || !f.views.includes(view)) continue;
    const key = `${f.label}\n${f.definition}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([f.label, f.n ? `${f.definition} n: ${f.n}.` : f.definition]);
  }
  return out;
}
