/**
 * An INDEPENDENT reference implementation of the metrics in docs/METRICS.md, used by the end-to-end tests to
 * check the numbers the app shows. It shares nothing with the app (no import from src/, no shared CSV parser,
 * no shared date logic): plain Node ESM, no dependencies.
 *
 *   import { loadDemo, computeMetrics } from './independent.js';
 *   const demo = loadDemo('static/demo');                       // the 8 demo exports, by manifest.json
 *   const m = computeMetrics(demo, { from: '2026-05-04', to: '2026-10-30' });
 *
 * Units: coverage, rates and shares are fractions in 0…1 (not percentages); progress, pacing and progress
 * gained are in percentage points; days are whole calendar days. A figure with no input reads `null`
 * (the app's "not in your export" / no data), never 0.
 *
 * THE CANONICAL `demo` OBJECT (what loadDemo returns and what computeMetrics reads; tests may build it by hand).
 * Every date is an ISO 'YYYY-MM-DD' string; optional fields may be omitted; people are emails.
 *   people:   [{ name, email, manager, team, start, end }]            (start / end: tenure, null = open)
 *   accounts: [{ account, segment }]
 *   meetings: [{ kind, date, status, manager, csm, account, channel, agenda, prepared }]
 *             kind 'one_on_one' | 'customer'; status 'held' | 'cancelled' | 'rescheduled' | 'no_show' | 'scheduled';
 *             manager (1:1s) and csm (the report, or the CSM of a customer touch); account (customer);
 *             channel 'meeting' | 'call' | 'email' | 'async' | 'self_service';
 *             agenda null when the export carries no agenda / notes, else the items mentioned among
 *             'goals', 'bottlenecks', 'customers', 'coaching', 'career' ([] = none); prepared true | false | null.
 *   goals:    [{ goalId, title, owner, progress, status, start, due, updatedAt }]
 *             progress in %; status 'on_track' | 'at_risk' | 'off_track' | 'achieved' | 'missed' | 'dropped';
 *             updatedAt an ISO timestamp.
 *   outcomes: [{ id, account, segment, title, progress, status, start, due, achievedDate, firstValue, asOf }]
 *             one row per snapshot; asOf = snapshot date (null: counts at its due date); segment optional
 *             (else from accounts); status 'achieved' counts as achieved.
 *
 * INTERPRETATION CHOICES (where METRICS.md leaves room; each is the most literal reading we could find)
 *  1. An ISO week is "in the window" when any of its seven days is in [from, to]; it "falls inside the
 *     tenure" when any of its days is in [start, end] (dates are mapped to their week the same way meetings
 *     are). So a window ending on a Friday still counts that whole week, and a hire's first week is active.
 *  2. A held week is decided per week: an active week is held when the pair has a held 1:1 on any day of that
 *     ISO week, even a day of a partial week that lies outside the window (the definition has no "in the
 *     window" for the 1:1, only for the week). Due 1:1s, gaps, agenda and prepared shares use 1:1s whose
 *     date is in the window.
 *  3. Tenure without a roster entry runs from the report's first to last meeting of any kind and any status
 *     (1:1s and customer meetings where they are the csm). A roster entry without a start (end) date is
 *     open at that side.
 *  4. Current streak counts held weeks (which are active weeks, i.e. in the window) ending at the as-of week
 *     (or the week before when the as-of week has no held 1:1). If the window ends before that, it is 0.
 *  5. Medians of an even count are the mean of the two middle values. Gaps between consecutive held 1:1s
 *     include 0-day gaps (two held 1:1s the same day). Cadence is 'rarer' when fewer than two held 1:1s in the
 *     window. Bucket labels are METRICS.md's: 'weekly', '1–3 weeks', '3–6 weeks', '6–10 weeks', 'rarer'.
 *  6. Agenda: "whose export carries an agenda or notes" is read per export (file): every held 1:1 from a file
 *     with an agenda column counts in the denominator (agenda !== null), even if its cell is empty. For the
 *     demo, Outlook `Categories` labels and tracker `Agenda Covered` words are mapped one-to-one; notes and
 *     descriptions are not keyword-scanned (the brief says to use the labels directly).
 *  7. Career in the last 90 days (pair): true when a held 1:1 dated as-of − 89 … as-of has career on its
 *     agenda; false otherwise (also when there is no held 1:1 in that span); null when none of the pair's 1:1s
 *     comes from an export with an agenda. It ignores the window (anchored at as-of). Per manager:
 *     share of the manager's pairs (non-null ones) where it is true.
 *  8. Pairs exist independently of the window ("at least one 1:1 in the data"), so per-manager figures pool
 *     over ALL the manager's pairs, including reports who left before the window (0 active weeks, they add
 *     nothing to coverage, but they count in careerLast90 and in daysSinceLastHeld = the largest over pairs
 *     with a held 1:1). Pass `{ onlyActivePairs: true }` to pool only pairs with ≥ 1 active week.
 *  9. Prepared share is null when no held 1:1 in the window has a known value (Outlook has no such column).
 * 10. Outlook: a Subject starting `Canceled: ` is cancelled, even when Outlook's cancel was in fact a move (the
 *     brief's mapping); so Outlook never yields `rescheduled`.
 * 11. Accounts: touches and meetings count held customer meetings dated in the window. Progress at a date is
 *     the latest snapshot on or before it (ties on the same date: the later row in the file). "0 when it had
 *     no snapshot before" is read as a baseline of 0 (the gain is then its progress at the window's end).
 *     Accounts without an outcome with a snapshot in the window have progressGained null and are left out
 *     of Spearman; accounts with no touches have meetings 0 and are included.
 * 12. Spearman's rho is Pearson's r of the average ranks; null when n < 2 or a variable is constant. Accounts
 *     without a segment are only in `overall`.
 * 13. Goals are not filtered by the window (their definitions use only as-of); outcomes are taken as of as-of,
 *     which is the end of every window the tests read them in (the page takes them as of the window's end). Pass
 *     `{ goalsInWindow: true }` to keep only goals whose start … due overlaps the window.
 *     Goals: latest check-in by `updatedAt` (ties: later row); open = status not achieved / missed /
 *     dropped (unknown status: progress < 100); elapsed share with due = start is 100% once due ≤ as-of.
 *     Progress % is clamped to 0–100 first (docs/METRICS.md: a goal past its target counts as 100%).
 * 14. Outcomes: "due date before as of" is strict (<). Time to first value uses the latest snapshot's first
 *     value date and start date; outcomes without a first value date are left out of the median.
 *     Outcomes whose account has no segment are grouped under '(none)'.
 * 15. Display names are resolved to emails through people.csv, case-insensitively (trimmed); an unknown name
 *     is kept as its lower-cased self. Emails are compared lower-cased.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// ---------------------------------------------------------------------------------------------------------
// CSV: quote-aware, BOM, CRLF / LF / CR, quoted delimiters and line breaks, doubled quotes.

/** Parses CSV text into an array of rows (arrays of strings). Blank lines are skipped. */
export function parseCsv(text, delimiter = ',') {
  let s = text;
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false; // the current field has content or opened quotes
  const endField = () => { row.push(field); field = ''; fieldStarted = false; };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inQuotes) {
      if (c === '"') {
        if (s[i + 1] === '"') { field += '"'; i++; }
        else inQuotes = false;
      } else field += c;
      continue;
    }
    if (c === '"' && !fieldStarted) { inQuotes = true; fieldStarted = true; }
    else if (c === delimiter) endField();
    else if (c === '\r') { endRow(); if (s[i + 1] === '\n') i++; }
    else if (c === '\n') endRow();
    else { field += c; fieldStarted = true; }
  }
  if (fieldStarted || row.length > 0) endRow();
  return rows;
}

/** CSV text → array of objects keyed by the header row (header cells trimmed). */
export function csvRecords(text, delimiter = ',') {
  const [header = [], ...rows] = parseCsv(text, delimiter);
  const keys = header.map((h) => h.trim());
  return rows.map((r) => {
    const o = {};
    keys.forEach((k, i) => { o[k] = r[i] ?? ''; });
    return o;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Dates: whole days since 1970-01-01 by the civil-calendar arithmetic (no Date object, no time zone).

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [y, m, d] of a day number. */
export function civilFromDays(z0) {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const two = (n) => (n < 10 ? '0' : '') + n;
export const isoOfDays = (z) => { const [y, m, d] = civilFromDays(z); return `${y}-${two(m)}-${two(d)}`; };

/**
 * ISO date or timestamp → day number. 'YYYY-MM-DD', 'YYYY-MM-DD HH:mm[:ss]', 'YYYY-MM-DDTHH:mm:ss' keep their
 * date part; with an offset ('Z', '+02:00', '-0500') the UTC date is taken.
 */
export function daysOfIso(s) {
  if (s === null || s === undefined) return null;
  const t = String(s).trim();
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t);
  if (!m) return null;
  const day = daysFromCivil(+m[1], +m[2], +m[3]);
  if (!m[7]) return day;
  const minutes = +m[4] * 60 + +m[5];
  let off = 0;
  if (m[7].toUpperCase() !== 'Z') {
    const sign = m[7][0] === '-' ? -1 : 1;
    const digits = m[7].slice(1).replace(':', '');
    off = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4));
  }
  return day + Math.floor((minutes - off) / 1440);
}

/** Seconds since the epoch of an ISO timestamp (UTC when it carries an offset, else as written). */
function secondsOfIso(s) {
  const t = String(s ?? '').trim();
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t);
  if (!m) return null;
  let sec = daysFromCivil(+m[1], +m[2], +m[3]) * 86400 + (+(m[4] ?? 0)) * 3600 + (+(m[5] ?? 0)) * 60 + (+(m[6] ?? 0));
  if (m[7] && m[7].toUpperCase() !== 'Z') {
    const sign = m[7][0] === '-' ? -1 : 1;
    const digits = m[7].slice(1).replace(':', '');
    sec -= sign * (+digits.slice(0, 2) * 3600 + +digits.slice(2, 4) * 60);
  }
  return sec;
}

/** 'M/D/YYYY' (US) → ISO date. */
export function isoOfUs(s) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(s ?? '');
  return m ? `${m[3]}-${two(+m[1])}-${two(+m[2])}` : null;
}
/** 'DD/MM/YYYY' (day first) → ISO date. */
export function isoOfDayFirst(s) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(s ?? '');
  return m ? `${m[3]}-${two(+m[2])}-${two(+m[1])}` : null;
}
const isoOrNull = (s) => { const d = daysOfIso(s); return d === null ? null : isoOfDays(d); };

/** Monday (day number) of the ISO week holding day d. 1970-01-01 (day 0) was a Thursday. */
export const mondayOf = (d) => d - (((d + 3) % 7) + 7) % 7;

/** 'YYYY-Www' of the ISO week holding day d (the week belongs to the year of its Thursday). */
export function isoWeekLabel(d) {
  const thursday = mondayOf(d) + 3;
  const [y] = civilFromDays(thursday);
  const w = Math.floor((thursday - daysFromCivil(y, 1, 1)) / 7) + 1;
  return `${y}-W${two(w)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Small statistics.

export function median(xs) {
  if (!xs.length) return null;
  const s = xs.slice().sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const ratio = (a, b) => (b > 0 ? a / b : null);

/** Ranks 1…n, ties get the average of the ranks they span. */
export function averageRanks(xs) {
  const idx = xs.map((x, i) => i).sort((a, b) => xs[a] - xs[b]);
  const ranks = new Array(xs.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && xs[idx[j + 1]] === xs[idx[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[idx[k]] = r;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's rho (Pearson on average ranks) and n. */
export function spearman(xs, ys) {
  const n = xs.length;
  if (n < 2) return { rho: null, n };
  const rx = averageRanks(xs);
  const ry = averageRanks(ys);
  const mx = mean(rx);
  const my = mean(ry);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return { rho: null, n };
  return { rho: sxy / Math.sqrt(sxx * syy), n };
}

// ---------------------------------------------------------------------------------------------------------
// The demo exports → canonical tables.

export const AGENDA_ITEMS = ['goals', 'bottlenecks', 'customers', 'coaching', 'career'];
const OUTLOOK_LABELS = { 'goals & performance': 'goals', bottlenecks: 'bottlenecks', 'customer issues': 'customers', coaching: 'coaching', 'career development': 'career' };
const TRACKER_WORDS = { goals: 'goals', blockers: 'bottlenecks', customers: 'customers', coaching: 'coaching', career: 'career' };
const TRACKER_STATUS = { held: 'held', cancelled: 'cancelled', canceled: 'cancelled', rescheduled: 'rescheduled', 'no-show': 'no_show', 'no show': 'no_show', scheduled: 'scheduled' };
const HUBSPOT_STATUS = { completed: 'held', canceled: 'cancelled', cancelled: 'cancelled', rescheduled: 'rescheduled', 'no show': 'no_show', scheduled: 'scheduled' };
const SF_CHANNEL = { email: 'email', call: 'call', task: 'async' };
const key = (s) => String(s ?? '').trim().toLowerCase();
const blankToNull = (s) => (String(s ?? '').trim() === '' ? null : String(s).trim());

/** Builds the canonical demo object from the export texts, keyed by file name. */
export function demoFromTexts(texts) {
  const rec = (name) => (texts[name] === undefined ? [] : csvRecords(texts[name]));

  const people = rec('people.csv').map((r) => ({
    name: r['Employee Name'].trim(), email: key(r['Work Email']), managerName: blankToNull(r.Manager), team: blankToNull(r.Team),
    start: isoOrNull(r['Hire Date']), end: isoOrNull(r['Termination Date'])
  }));
  const byName = new Map(people.map((p) => [key(p.name), p.email]));
  const person = (s) => { const k = key(s); return k.includes('@') ? k : byName.get(k) ?? k; };
  for (const p of people) { p.manager = p.managerName ? person(p.managerName) : null; delete p.managerName; }

  const accounts = rec('accounts.csv').map((r) => ({
    account: r['Account Name'].trim(), segment: blankToNull(r['Customer Segment']),
    arr: blankToNull(r['Annual Recurring Revenue']) === null ? null : parseFloat(r['Annual Recurring Revenue']), renewal: blankToNull(r['Renewal Date']) === null ? null : isoOfDayFirst(r['Renewal Date'])
  }));

  const meetings = [];
  for (const r of rec('outlook_1on1s.csv')) {
    const cancelled = /^cancel+ed:\s/i.test(r.Subject.trim());
    const agenda = r.Categories.split(';').map((x) => OUTLOOK_LABELS[key(x)]).filter(Boolean);
    meetings.push({
      kind: 'one_on_one', source: 'outlook', date: isoOfUs(r['Start Date']), status: cancelled ? 'cancelled' : 'held',
      manager: person(r['Meeting Organizer']), csm: person(r['Required Attendees'].split(';')[0]), account: null, channel: 'meeting',
      agenda, prepared: null
    });
  }
  for (const r of rec('one_on_one_tracker.csv')) {
    const b = key(r['Report Brought Data']);
    meetings.push({
      kind: 'one_on_one', source: 'tracker', date: isoOfDayFirst(r.Date), status: TRACKER_STATUS[key(r.Status)] ?? 'held',
      manager: person(r.Manager), csm: person(r['Direct Report']), account: null, channel: 'meeting',
      agenda: r['Agenda Covered'].split(',').map((x) => TRACKER_WORDS[key(x)]).filter(Boolean),
      prepared: b === 'y' ? true : b === 'n' ? false : null
    });
  }
  for (const r of rec('hubspot_meetings.csv')) {
    meetings.push({
      kind: 'customer', source: 'hubspot', date: isoOrNull(r['Meeting start time']), status: HUBSPOT_STATUS[key(r['Meeting outcome'])] ?? 'scheduled',
      manager: null, csm: person(r['Activity assigned to']), account: r['Associated Company'].trim(), channel: 'meeting', agenda: null, prepared: null
    });
  }
  for (const r of rec('salesforce_activities.csv')) {
    meetings.push({
      kind: 'customer', source: 'salesforce', date: isoOfUs(r['Activity Date']), status: 'held',
      manager: null, csm: person(r.Assigned), account: r['Account Name'].trim(), channel: SF_CHANNEL[key(r['Task Subtype'])] ?? 'async', agenda: null, prepared: null
    });
  }

  const goals = rec('lattice_goals.csv').map((r) => ({
    goalId: null, title: r.Goal.trim(), owner: person(r['Owner Email ID'] || r.Owner), progress: blankToNull(r['Goal % Completion']) === null ? null : parseFloat(r['Goal % Completion']),
    status: key(r.Status).replace(/\s+/g, '_') || null, start: isoOrNull(r.start_on), due: isoOrNull(r.due_on), updatedAt: blankToNull(r['Last Updated'])
  }));

  const outcomes = rec('gainsight_success_plans.csv').map((r) => ({
    id: blankToNull(r['Objective GSID']), account: r['Company Name'].trim(), title: r['Objective Name'].trim(),
    progress: blankToNull(r['% Complete']) === null ? null : parseFloat(r['% Complete']), status: key(r.Status).replace(/\s+/g, '_') || null,
    start: isoOrNull(r['Start Date']), due: isoOrNull(r['Due Date']), achievedDate: isoOrNull(r['Completed Date']),
    firstValue: isoOrNull(r['First Value Date']), asOf: isoOrNull(r['Snapshot Date'])
  }));

  return { people, accounts, meetings, goals, outcomes };
}

/** Reads the demo exports named in `dir/manifest.json` and returns the canonical demo object. */
export function loadDemo(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const texts = {};
  for (const f of manifest.files) texts[f.file] = readFileSync(join(dir, f.file), 'utf8');
  const demo = demoFromTexts(texts);
  demo.manifest = manifest;
  return demo;
}

// ---------------------------------------------------------------------------------------------------------
// Metrics.

const DUE = new Set(['held', 'cancelled', 'rescheduled', 'no_show']);

/** Weeks a held 1:1 keeps a pair within each plan (docs/METRICS.md, Expected cadence). */
export const PLAN_WEEKS = { weekly: 1, fortnightly: 2, monthly: 4 };

/** The suggested plan, as docs/METRICS.md words the rule (thresholds written out here, not imported). */
export function suggestPlan(gap, planWeeks, planCoverage, fortnight, month) {
  if (gap === null || planCoverage === null) return null;
  if (planWeeks < 2 && gap >= 11 && gap <= 17 && fortnight >= 0.8 && planCoverage < 0.7) return 'fortnightly';
  if (planWeeks < 4 && gap >= 25 && gap <= 35 && month >= 0.8 && fortnight < 0.7) return 'monthly';
  return null;
}

export function cadenceBucket(medianGap, heldCount) {
  if (heldCount < 2 || medianGap === null) return 'rarer';
  if (medianGap <= 8) return 'weekly';
  if (medianGap <= 21) return '1–3 weeks';
  if (medianGap <= 42) return '3–6 weeks';
  if (medianGap <= 70) return '6–10 weeks';
  return 'rarer';
}

function agendaShares(counts, n) {
  const o = {};
  for (const it of AGENDA_ITEMS) o[it] = n > 0 ? counts[it] / n : null;
  return o;
}

/**
 * computeMetrics(demo, { from, to, onlyActivePairs = false, goalsInWindow = false })
 * from / to: ISO dates, inclusive; `to` is capped at as-of. Defaults: the first meeting date … as-of.
 */
export function computeMetrics(demo, opts = {}) {
  const meetings = (demo.meetings ?? [])
    .map((m, i) => ({ ...m, i, d: daysOfIso(m.date), manager: m.manager ? key(m.manager) : null, csm: m.csm ? key(m.csm) : null }))
    .filter((m) => m.d !== null);
  const outcomesIn = (demo.outcomes ?? []).map((o, i) => ({ ...o, i, eff: daysOfIso(o.asOf) ?? daysOfIso(o.due) }));

  // As of.
  let asOf = null;
  for (const m of meetings) if (m.status !== 'scheduled' && (asOf === null || m.d > asOf)) asOf = m.d;
  if (asOf === null) for (const o of outcomesIn) if (o.eff !== null && (asOf === null || o.eff > asOf)) asOf = o.eff;
  if (asOf === null) return { asOf: null, managers: {}, pairs: {}, accounts: {}, spearman: { overall: { rho: null, n: 0 }, bySegment: {} }, goals: {}, outcomes: {} };

  // Window.
  const to = opts.to ? Math.min(daysOfIso(opts.to), asOf) : asOf;
  const from = opts.from ? daysOfIso(opts.from) : meetings.length ? Math.min(...meetings.map((m) => m.d)) : to;
  const inWindow = (d) => d >= from && d <= to;

  // --- 1:1 consistency --------------------------------------------------------------------------------
  const roster = new Map((demo.people ?? []).map((p) => [key(p.email), p]));
  const spanOf = new Map(); // csm → [first, last] over meetings of any kind
  for (const m of meetings) {
    if (!m.csm) continue;
    const s = spanOf.get(m.csm);
    if (!s) spanOf.set(m.csm, [m.d, m.d]);
    else { if (m.d < s[0]) s[0] = m.d; if (m.d > s[1]) s[1] = m.d; }
  }
  const tenureOf = (csm) => {
    const p = roster.get(csm);
    if (p) return [daysOfIso(p.start) ?? -Infinity, daysOfIso(p.end) ?? Infinity];
    return spanOf.get(csm) ?? [Infinity, -Infinity];
  };

  const ones = meetings.filter((m) => m.kind === 'one_on_one' && m.manager && m.csm);
  const byPair = new Map();
  for (const m of ones) {
    const k = `${m.manager}|${m.csm}`;
    if (!byPair.has(k)) byPair.set(k, []);
    byPair.get(k).push(m);
  }

  // Expected cadence: the pair's plan, then its manager's, then its team's (the report's team, else the manager's).
  const plans = opts.plans ?? [];
  const teamOf = (person) => roster.get(person)?.team ?? null;
  const planOf = (manager, csm) => {
    const team = teamOf(csm) ?? teamOf(manager);
    const p = plans.find((x) => x.level === 'pair' && key(x.manager) === manager && key(x.csm) === csm)
      ?? plans.find((x) => x.level === 'manager' && key(x.manager) === manager)
      ?? plans.find((x) => x.level === 'team' && team !== null && x.team === team);
    return p ? { every: p.every, weeks: PLAN_WEEKS[p.every], from: p.level } : { every: 'weekly', weeks: 1, from: 'standard' };
  };

  const windowWeeks = [];
  if (from <= to) for (let w = mondayOf(from); w <= mondayOf(to); w += 7) windowWeeks.push(w);
  const asOfWeek = mondayOf(asOf);

  const pairs = {};
  const monthly = {};
  const pairInternals = new Map();
  for (const [k, list] of [...byPair.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const csm = list[0].csm;
    const [ts, te] = tenureOf(csm);
    const active = windowWeeks.filter((w) => w <= te && w + 6 >= ts);
    const activeSet = new Set(active);
    // A held week has a held 1:1 in the window; the weeks before a week count their held 1:1s of any time.
    const heldWeekSet = new Set(list.filter((m) => m.status === 'held' && m.d <= asOf).map((m) => mondayOf(m.d)));
    const heldInWindow = new Set(list.filter((m) => m.status === 'held' && inWindow(m.d)).map((m) => mondayOf(m.d)));
    const isHeld = (w) => activeSet.has(w) && heldInWindow.has(w);
    const heldWeeks = active.filter(isHeld).length;
    // Expected cadence: a week is within k weeks when a 1:1 was held in it or the k − 1 weeks before (any time).
    const plan = planOf(list[0].manager, csm);
    const withinK = (w, k) => { if (heldInWindow.has(w)) return true; for (let i = 1; i < k; i++) if (heldWeekSet.has(w - 7 * i)) return true; return false; };
    const isWithin = (w) => activeSet.has(w) && withinK(w, plan.weeks);
    const withinWeeks = active.filter(isWithin).length;
    const fortnightWeeks = active.filter((w) => withinK(w, 2)).length;
    const monthWeeks = active.filter((w) => withinK(w, 4)).length;
    const anyWeek = new Set(list.filter((m) => inWindow(m.d) && DUE.has(m.status)).map((m) => mondayOf(m.d)));
    const missingWeeks = active.filter((w) => !anyWeek.has(w) && !isWithin(w)).length;

    let currentStreak = 0;
    for (let w = isWithin(asOfWeek) ? asOfWeek : asOfWeek - 7; isWithin(w); w -= 7) currentStreak++;
    let longestStreak = 0;
    let run = 0;
    let prev = null;
    for (const w of active) {
      if (isWithin(w)) { run = prev !== null && w === prev + 7 ? run + 1 : 1; prev = w; }
      else { run = 0; prev = null; }
      if (run > longestStreak) longestStreak = run;
    }

    const inWin = list.filter((m) => inWindow(m.d));
    const due = inWin.filter((m) => DUE.has(m.status));
    const cancelled = due.filter((m) => m.status === 'cancelled').length;
    const rescheduled = due.filter((m) => m.status === 'rescheduled').length;
    const noShow = due.filter((m) => m.status === 'no_show').length;
    const heldIn = inWin.filter((m) => m.status === 'held').sort((a, b) => a.d - b.d);
    const gaps = [];
    for (let i = 1; i < heldIn.length; i++) gaps.push(heldIn[i].d - heldIn[i - 1].d);
    const medianGapDays = median(gaps);

    const heldUpToAsOf = list.filter((m) => m.status === 'held' && m.d <= asOf);
    const lastHeld = heldUpToAsOf.length ? Math.max(...heldUpToAsOf.map((m) => m.d)) : null;

    const hasAgenda = list.some((m) => Array.isArray(m.agenda));
    const careerLast90 = hasAgenda
      ? list.some((m) => m.status === 'held' && m.d >= asOf - 89 && m.d <= asOf && Array.isArray(m.agenda) && m.agenda.includes('career'))
      : null;

    const withAgenda = heldIn.filter((m) => Array.isArray(m.agenda));
    const agendaCounts = Object.fromEntries(AGENDA_ITEMS.map((it) => [it, withAgenda.filter((m) => m.agenda.includes(it)).length]));
    const prepKnown = heldIn.filter((m) => m.prepared === true || m.prepared === false);
    const prepTrue = prepKnown.filter((m) => m.prepared === true).length;

    pairs[k] = {
      manager: list[0].manager, report: csm,
      activeWeeks: active.length, heldWeeks, coverage: ratio(heldWeeks, active.length),
      plan: plan.every, planFrom: plan.from, withinWeeks, planCoverage: ratio(withinWeeks, active.length), missingWeeks,
      fortnightWeeks, monthWeeks, fortnightCoverage: ratio(fortnightWeeks, active.length), monthCoverage: ratio(monthWeeks, active.length),
      suggestedPlan: suggestPlan(medianGapDays, plan.weeks, ratio(withinWeeks, active.length), ratio(fortnightWeeks, active.length), ratio(monthWeeks, active.length)),
      currentStreak, longestStreak,
      due: due.length, cancelled, rescheduled, noShow, held: heldIn.length,
      cancelRate: ratio(cancelled, due.length), rescheduleRate: ratio(rescheduled, due.length),
      medianGapDays, cadence: cadenceBucket(medianGapDays, heldIn.length),
      daysSinceLastHeld: lastHeld === null ? null : asOf - lastHeld,
      careerLast90,
      agenda: agendaShares(agendaCounts, withAgenda.length),
      preparedShare: ratio(prepTrue, prepKnown.length)
    };
    pairInternals.set(k, { gaps, agendaCounts, agendaN: withAgenda.length, prepTrue, prepN: prepKnown.length });
    // By calendar month: a week in the month of its Monday, a 1:1 in the month of its date.
    const monthOf = (d) => isoOfDays(d).slice(0, 7);
    const mm = (monthly[list[0].manager] ??= {});
    for (const w of active) {
      const x = (mm[monthOf(w)] ??= { activeWeeks: 0, heldWeeks: 0, due: 0, cancelled: 0 });
      x.activeWeeks++;
      if (isHeld(w)) x.heldWeeks++;
    }
    for (const m of due) {
      const x = (mm[monthOf(m.d)] ??= { activeWeeks: 0, heldWeeks: 0, due: 0, cancelled: 0 });
      x.due++;
      if (m.status === 'cancelled') x.cancelled++;
    }
  }

  const managers = {};
  for (const [k, p] of Object.entries(pairs)) {
    if (opts.onlyActivePairs && p.activeWeeks === 0) continue;
    const g = (managers[p.manager] ??= {
      withinWeeks: 0, fortnightWeeks: 0, monthWeeks: 0, missingWeeks: 0, _plans: new Set(),
      pairs: 0, activeWeeks: 0, heldWeeks: 0, due: 0, cancelled: 0, rescheduled: 0, noShow: 0, held: 0,
      _gaps: [], _agenda: Object.fromEntries(AGENDA_ITEMS.map((it) => [it, 0])), _agendaN: 0, _prepTrue: 0, _prepN: 0,
      _days: [], _career: [0, 0]
    });
    const x = pairInternals.get(k);
    g.pairs++;
    g.activeWeeks += p.activeWeeks; g.heldWeeks += p.heldWeeks;
    g.withinWeeks += p.withinWeeks; g.fortnightWeeks += p.fortnightWeeks; g.monthWeeks += p.monthWeeks; g.missingWeeks += p.missingWeeks; g._plans.add(p.plan);
    g.due += p.due; g.cancelled += p.cancelled; g.rescheduled += p.rescheduled; g.noShow += p.noShow; g.held += p.held;
    g._gaps.push(...x.gaps);
    for (const it of AGENDA_ITEMS) g._agenda[it] += x.agendaCounts[it];
    g._agendaN += x.agendaN; g._prepTrue += x.prepTrue; g._prepN += x.prepN;
    if (p.daysSinceLastHeld !== null) g._days.push(p.daysSinceLastHeld);
    if (p.careerLast90 !== null) { g._career[1]++; if (p.careerLast90) g._career[0]++; }
  }
  for (const [email, g] of Object.entries(managers)) {
    const planWeeks = Math.max(...[...g._plans].map((x) => PLAN_WEEKS[x]));
    managers[email] = {
      plan: g._plans.size === 1 ? [...g._plans][0] : 'mixed', withinWeeks: g.withinWeeks, planCoverage: ratio(g.withinWeeks, g.activeWeeks), missingWeeks: g.missingWeeks,
      fortnightCoverage: ratio(g.fortnightWeeks, g.activeWeeks), monthCoverage: ratio(g.monthWeeks, g.activeWeeks),
      suggestedPlan: suggestPlan(median(g._gaps), planWeeks, ratio(g.withinWeeks, g.activeWeeks), ratio(g.fortnightWeeks, g.activeWeeks), ratio(g.monthWeeks, g.activeWeeks)),
      pairs: g.pairs, activeWeeks: g.activeWeeks, heldWeeks: g.heldWeeks, coverage: ratio(g.heldWeeks, g.activeWeeks),
      due: g.due, cancelled: g.cancelled, rescheduled: g.rescheduled, noShow: g.noShow, held: g.held,
      cancelRate: ratio(g.cancelled, g.due), rescheduleRate: ratio(g.rescheduled, g.due),
      medianGapDays: median(g._gaps),
      daysSinceLastHeld: g._days.length ? Math.max(...g._days) : null,
      careerLast90: ratio(g._career[0], g._career[1]), careerLast90N: g._career[1],
      agenda: agendaShares(g._agenda, g._agendaN), agendaN: g._agendaN,
      preparedShare: ratio(g._prepTrue, g._prepN), preparedN: g._prepN
    };
  }

  // Pooled over every pair with an active week: the 1:1 headline figures, and the team average beside a
  // manager (every manager's reports; the manager figures' other parts pooled the same way).
  const totals = { pairs: 0, activeWeeks: 0, heldWeeks: 0, withinWeeks: 0, due: 0, cancelled: 0, rescheduled: 0, careerHeld: 0, agendaKnown: 0, prepTrue: 0, prepKnown: 0 };
  const pooledGaps = [];
  const pooledAgenda = Object.fromEntries(AGENDA_ITEMS.map((it) => [it, 0]));
  const waits = [];
  const career90 = [0, 0];
  for (const [k, p] of Object.entries(pairs)) {
    if (p.activeWeeks === 0) continue;
    const x = pairInternals.get(k);
    totals.pairs++;
    totals.activeWeeks += p.activeWeeks; totals.heldWeeks += p.heldWeeks; totals.withinWeeks += p.withinWeeks;
    totals.due += p.due; totals.cancelled += p.cancelled; totals.rescheduled += p.rescheduled;
    totals.careerHeld += x.agendaCounts.career; totals.agendaKnown += x.agendaN; totals.prepTrue += x.prepTrue; totals.prepKnown += x.prepN;
    pooledGaps.push(...x.gaps);
    for (const it of AGENDA_ITEMS) pooledAgenda[it] += x.agendaCounts[it];
    if (p.daysSinceLastHeld !== null) waits.push(p.daysSinceLastHeld);
    if (p.careerLast90 !== null) { career90[1]++; if (p.careerLast90) career90[0]++; }
  }
  Object.assign(totals, {
    coverage: ratio(totals.heldWeeks, totals.activeWeeks), planCoverage: ratio(totals.withinWeeks, totals.activeWeeks),
    cancelRate: ratio(totals.cancelled, totals.due), rescheduleRate: ratio(totals.rescheduled, totals.due),
    career: ratio(totals.careerHeld, totals.agendaKnown), prepared: ratio(totals.prepTrue, totals.prepKnown),
    medianGapDays: median(pooledGaps), daysSinceLastHeld: waits.length ? Math.max(...waits) : null,
    careerLast90: ratio(career90[0], career90[1]), agenda: agendaShares(pooledAgenda, totals.agendaKnown)
  });

  // --- Meetings vs outcomes ---------------------------------------------------------------------------
  const segOf = new Map();
  const accounts = {};
  const acctName = new Map(); // key → display name
  const ensure = (name, segment = null) => {
    const k = key(name);
    if (!k) return null;
    if (!acctName.has(k)) {
      acctName.set(k, String(name).trim());
      accounts[String(name).trim()] = {
        segment, meetings: 0, touches: 0, progressGained: null, outcomesInWindow: 0,
        byChannel: { meeting: 0, call: 0, email: 0, async: 0, self_service: 0 }
      };
    }
    return accounts[acctName.get(k)];
  };
  for (const a of demo.accounts ?? []) { ensure(a.account, a.segment ?? null); segOf.set(key(a.account), a.segment ?? null); }
  for (const m of meetings) {
    if (m.kind !== 'customer' || !m.account) continue;
    const a = ensure(m.account);
    if (m.status !== 'held' || !inWindow(m.d)) continue;
    a.touches++;
    a.byChannel[m.channel] = (a.byChannel[m.channel] ?? 0) + 1;
    if (m.channel === 'meeting') a.meetings++;
  }

  const byOutcome = new Map();
  for (const o of outcomesIn) {
    const id = o.id ?? `${key(o.account)}|${key(o.title)}`;
    if (!byOutcome.has(id)) byOutcome.set(id, []);
    byOutcome.get(id).push(o);
  }
  for (const list of byOutcome.values()) list.sort((a, b) => (a.eff ?? -Infinity) - (b.eff ?? -Infinity) || a.i - b.i);
  const progressAt = (list, d) => {
    let p = null;
    for (const s of list) if (s.eff !== null && s.eff <= d && s.progress !== null) p = s.progress;
    return p;
  };
  const gainedByAccount = new Map();
  for (const list of byOutcome.values()) {
    if (!list.some((s) => s.eff !== null && inWindow(s.eff))) continue;
    const end = progressAt(list, to);
    if (end === null) continue;
    const gained = end - (progressAt(list, from - 1) ?? 0);
    const k = key(list[list.length - 1].account);
    if (!gainedByAccount.has(k)) gainedByAccount.set(k, []);
    gainedByAccount.get(k).push(gained);
    ensure(list[list.length - 1].account, list[list.length - 1].segment ?? null);
  }
  for (const [k, gains] of gainedByAccount) {
    const a = accounts[acctName.get(k)];
    a.progressGained = mean(gains);
    a.outcomesInWindow = gains.length;
  }

  const points = Object.values(accounts).filter((a) => a.progressGained !== null);
  const sp = { overall: spearman(points.map((a) => a.meetings), points.map((a) => a.progressGained)), bySegment: {} };
  const segs = [...new Set(points.map((a) => a.segment).filter((s) => s !== null))].sort();
  for (const s of segs) {
    const ps = points.filter((a) => a.segment === s);
    sp.bySegment[s] = spearman(ps.map((a) => a.meetings), ps.map((a) => a.progressGained));
  }

  // --- Goals ------------------------------------------------------------------------------------------
  const latestGoal = new Map();
  (demo.goals ?? []).forEach((g, i) => {
    const id = g.goalId ? `id:${g.goalId}` : `${key(g.title)}|${key(g.owner)}`;
    const t = secondsOfIso(g.updatedAt) ?? -Infinity;
    const cur = latestGoal.get(id);
    if (!cur || t >= cur.t) latestGoal.set(id, { g, t, i });
  });
  const goals = {};
  const TERMINAL = new Set(['achieved', 'missed', 'dropped']);
  for (const { g } of latestGoal.values()) {
    const start = daysOfIso(g.start);
    const dueD = daysOfIso(g.due);
    if (opts.goalsInWindow && !(start !== null && dueD !== null && start <= to && dueD >= from)) continue;
    let elapsed = null;
    if (start !== null && dueD !== null) {
      elapsed = dueD > start ? ((asOf - start) / (dueD - start)) * 100 : asOf >= dueD ? 100 : 0;
      elapsed = Math.max(0, Math.min(100, elapsed));
    }
    const progress = g.progress === null || g.progress === undefined ? null : Math.max(0, Math.min(100, g.progress));
    const pacing = elapsed !== null && progress !== null ? progress - elapsed : null;
    const status = g.status ?? null;
    const open = status ? !TERMINAL.has(status) : progress !== null && progress < 100;
    const atRisk = status === 'at_risk' || status === 'off_track' || (open && pacing !== null && pacing < -20);
    const o = (goals[key(g.owner)] ??= { goals: 0, _p: [], _pace: [], atRisk: 0, missed: 0 });
    o.goals++;
    if (status === 'missed' || status === 'dropped') o.missed++;
    if (progress !== null) o._p.push(progress);
    if (pacing !== null) o._pace.push(pacing);
    if (atRisk) o.atRisk++;
  }
  for (const [k, o] of Object.entries(goals)) goals[k] = { goals: o.goals, meanProgress: mean(o._p), meanPacing: mean(o._pace), atRisk: o.atRisk, missed: o.missed };

  // --- Outcomes -------------------------------------------------------------------------------------------
  const outcomes = {};
  for (const list of byOutcome.values()) {
    const last = list[list.length - 1];
    const seg = last.segment ?? segOf.get(key(last.account)) ?? '(none)';
    const o = (outcomes[seg] ??= { outcomes: 0, achieved: 0, open: 0, overdue: 0, _ttfv: [] });
    o.outcomes++;
    const achieved = last.status === 'achieved' || (last.progress !== null && last.progress >= 100);
    const dueD = daysOfIso(last.due);
    if (achieved) o.achieved++;
    else if (dueD !== null && dueD < asOf) o.overdue++;
    else o.open++;
    const fv = daysOfIso(last.firstValue);
    const st = daysOfIso(last.start);
    if (fv !== null && st !== null) o._ttfv.push(fv - st);
  }
  for (const [k, o] of Object.entries(outcomes)) outcomes[k] = { outcomes: o.outcomes, achieved: o.achieved, open: o.open, overdue: o.overdue, medianDaysToFirstValue: median(o._ttfv), firstValueN: o._ttfv.length };

  return {
    asOf: isoOfDays(asOf),
    window: { from: isoOfDays(from), to: isoOfDays(to) },
    managers, pairs, totals, monthly, accounts, spearman: sp, goals, outcomes
  };
}

/**
 * The overview's headline figures (docs/METRICS.md, Overview) for a window [from, to] (ISO dates), from the
 * figures above and an outcome pass of its own: customer touches, accounts touched, mean progress gained
 * over outcomes, outcomes achieved in the window and overdue at its end, pooled 1:1 coverage and cancel
 * rate, and goals on pace (not at risk, not missed or dropped).
 */
export function overviewFigures(demo, from, to) {
  const m = computeMetrics(demo, { from, to, onlyActivePairs: true, goalsInWindow: true });
  const accounts = Object.values(m.accounts);
  const moved = accounts.filter((a) => a.progressGained !== null);
  const outcomesMoved = moved.reduce((s, a) => s + a.outcomesInWindow, 0);
  const managers = Object.values(m.managers);
  const sum = (xs, f) => xs.reduce((s, x) => s + f(x), 0);

  // Outcomes as of the window's end: each one's latest snapshot by then (rows without a snapshot date count
  // at their due date), achieved by status or progress, overdue when not achieved and due before the end.
  const f = daysOfIso(from);
  const t = Math.min(daysOfIso(to), daysOfIso(m.asOf));
  const byOutcome = new Map();
  (demo.outcomes ?? []).forEach((o, i) => {
    const id = o.id ?? `${key(o.account)}|${key(o.title)}`;
    if (!byOutcome.has(id)) byOutcome.set(id, []);
    byOutcome.get(id).push({ ...o, i, eff: daysOfIso(o.asOf) ?? daysOfIso(o.due) ?? daysOfIso(m.asOf) });
  });
  const latestBy = (list, d) => list.filter((s) => s.eff <= d).sort((a, b) => a.eff - b.eff || a.i - b.i).at(-1) ?? null;
  const isAchieved = (s) => s !== null && (s.status === 'achieved' || (s.progress !== null && s.progress >= 100));
  let outcomes = 0, achieved = 0, overdue = 0;
  for (const list of byOutcome.values()) {
    const l = latestBy(list, t);
    if (!l) continue;
    outcomes++;
    if (isAchieved(l) && !isAchieved(latestBy(list, f - 1))) achieved++;
    if (!isAchieved(l) && daysOfIso(l.due) !== null && daysOfIso(l.due) < t) overdue++;
  }

  // Goals whose period overlaps the window, at their latest check-in.
  const goals = Object.values(m.goals);
  return {
    touches: sum(accounts, (a) => a.touches),
    accounts: accounts.length,
    accountsTouched: accounts.filter((a) => a.touches > 0).length,
    progressGained: outcomesMoved ? sum(moved, (a) => a.progressGained * a.outcomesInWindow) / outcomesMoved : null,
    outcomesMoved,
    outcomes, achieved, overdue,
    activeWeeks: sum(managers, (x) => x.activeWeeks), heldWeeks: sum(managers, (x) => x.heldWeeks),
    due: sum(managers, (x) => x.due), cancelled: sum(managers, (x) => x.cancelled),
    goals: sum(goals, (g) => g.goals), goalsOnPace: sum(goals, (g) => g.goals - g.atRisk - g.missed)
  };
}

/** The previous period of the same length: it ends the day before the window starts. */
export function previousWindow(from, to) {
  const f = daysOfIso(from);
  const days = daysOfIso(to) - f + 1;
  return { from: isoOfDays(f - days), to: isoOfDays(f - 1) };
}

/** The R-7 quantile (linear between the two nearest order statistics) of a sorted list. */
function quantileSorted(xs, p) {
  if (!xs.length) return null;
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < xs.length ? xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo]) : xs[lo];
}

/**
 * The Goals and Outcomes charts (docs/METRICS.md) for a window [from, to] (ISO dates; `to` capped at as of),
 * from the demo object alone, with `segments` as the Segment filter ([] = every segment):
 *   goals.progressBins / pacingBins: { [lower edge]: goals }, 10-point bins, the top value in the bin below it;
 *     goals whose start … due overlaps the window, at their latest check-in; pacing is progress minus the share
 *     of the period elapsed at the check-in's date (never after as of), at most 0 for a goal at risk or off track.
 *   goals.checkinMonths: { [month's first day]: { goals, meanProgress } }: each of those goals' last check-in
 *     with a progress value in each month, check-ins dated in the window.
 *   outcomes.achievedMonths: { [month]: n }: outcomes achieved on their latest snapshot by the window's end
 *     whose achieved date is in the window, by its month (every month of the window, 0 included).
 *   outcomes.overdueMonths: { [month]: { at, overdue } }: at each month's end (the window's end for the last),
 *     outcomes whose latest snapshot on or before it is not achieved and due before it.
 *   outcomes.ttfv: { [segment]: { n, min, q1, median, q3, max } }: days from start to first value (first
 *     value by the window's end) on the latest snapshot by then; '(no segment)' when none.
 */
export function goalOutcomeCharts(demo, from, to, { segments = [] } = {}) {
  const asOfIso = computeMetrics(demo, { from, to }).asOf;
  const asOf = daysOfIso(asOfIso);
  const f = daysOfIso(from);
  const t = Math.min(daysOfIso(to), asOf);
  const clamp = (v) => Math.max(0, Math.min(100, v));
  const binOf = (v) => Math.min(Math.floor(v / 10) * 10, 90);
  const dayOfStamp = (s) => (s ? daysOfIso(String(s).slice(0, 10)) : null);
  const stampOf = (s) => (s ? Date.parse(String(s).endsWith('Z') || /[+-]\d\d:?\d\d$/.test(String(s)) ? s : `${s}Z`) : -Infinity);

  // --- Goals: every check-in, grouped by goal (title and owner; the demo has no goal ids).
  const byGoal = new Map();
  (demo.goals ?? []).forEach((g, i) => {
    const id = g.goalId ? `id:${g.goalId}` : `${key(g.title)}|${key(g.owner)}`;
    if (!byGoal.has(id)) byGoal.set(id, []);
    byGoal.get(id).push({ ...g, i, ts: stampOf(g.updatedAt) });
  });
  const progressBins = {}, pacingBins = {}, months = {};
  for (const list of byGoal.values()) {
    const last = list.reduce((a, b) => (b.ts > a.ts || (b.ts === a.ts && b.i > a.i) ? b : a));
    const start = daysOfIso(last.start);
    const due = daysOfIso(last.due);
    if ((start !== null && start > t) || (due !== null && due < f)) continue;
    const progress = last.progress === null || last.progress === undefined ? null : clamp(last.progress);
    if (progress !== null) progressBins[binOf(progress)] = (progressBins[binOf(progress)] ?? 0) + 1;
    if (progress !== null && start !== null && due !== null) {
      const at = Math.min(dayOfStamp(last.updatedAt) ?? asOf, asOf);
      const elapsed = due <= start ? (at >= due ? 100 : 0) : clamp(((at - start) * 100) / (due - start));
      let pacing = progress - elapsed;
      if (last.status === 'at_risk' || last.status === 'off_track') pacing = Math.min(pacing, 0);
      pacingBins[binOf(pacing)] = (pacingBins[binOf(pacing)] ?? 0) + 1;
    }
    // This goal's last check-in with a progress value in each month of the window.
    const perMonth = new Map();
    for (const c of list) {
      const d = dayOfStamp(c.updatedAt);
      if (d === null || d < f || d > t || c.progress === null || c.progress === undefined) continue;
      const m = `${isoOfDays(d).slice(0, 7)}-01`;
      const cur = perMonth.get(m);
      if (!cur || c.ts > cur.ts || (c.ts === cur.ts && c.i > cur.i)) perMonth.set(m, c);
    }
    for (const [m, c] of perMonth) (months[m] ??= []).push(clamp(c.progress));
  }
  const checkinMonths = Object.fromEntries(Object.entries(months).sort().map(([m, ps]) => [m, { goals: ps.length, meanProgress: ps.reduce((a, b) => a + b, 0) / ps.length }]));

  // --- Outcomes: snapshots by outcome; a snapshot stands for its as-of date (else its due date, else as of).
  const segOf = new Map((demo.accounts ?? []).map((a) => [key(a.account), a.segment ?? null]));
  const byOutcome = new Map();
  (demo.outcomes ?? []).forEach((o, i) => {
    const id = o.id ?? `${key(o.account)}|${key(o.title)}`;
    if (!byOutcome.has(id)) byOutcome.set(id, []);
    byOutcome.get(id).push({ ...o, i, eff: daysOfIso(o.asOf) ?? daysOfIso(o.due) ?? asOf, seg: o.segment ?? segOf.get(key(o.account)) ?? null });
  });
  const latestBy = (list, d) => list.filter((s) => s.eff <= d).sort((a, b) => a.eff - b.eff || a.i - b.i).at(-1) ?? null;
  const isAchieved = (s) => s.status === 'achieved' || (s.progress !== null && s.progress !== undefined && s.progress >= 100);
  const kept = (s) => segments.length === 0 || segments.includes(s.seg);
  const monthStarts = [];
  for (let d = f; d <= t; ) {
    const [y, mo] = civilFromDays(d);
    const first = daysFromCivil(y, mo, 1);
    const next = mo === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, mo + 1, 1);
    monthStarts.push({ month: isoOfDays(first), at: Math.min(next - 1, t) });
    d = next;
  }
  const achievedMonths = Object.fromEntries(monthStarts.map((m) => [m.month, 0]));
  const ttfvDays = {};
  for (const list of byOutcome.values()) {
    const l = latestBy(list, t);
    if (!l || !kept(l)) continue;
    const done = daysOfIso(l.achievedDate);
    if (isAchieved(l) && done !== null && done >= f && done <= t) achievedMonths[`${isoOfDays(done).slice(0, 7)}-01`]++;
    const fv = daysOfIso(l.firstValue);
    const st = daysOfIso(l.start);
    if (fv !== null && st !== null && fv <= t) (ttfvDays[l.seg ?? '(no segment)'] ??= []).push(fv - st);
  }
  const overdueMonths = {};
  for (const m of monthStarts) {
    let n = 0;
    for (const list of byOutcome.values()) {
      const l = latestBy(list, m.at);
      if (l && kept(l) && !isAchieved(l) && daysOfIso(l.due) !== null && daysOfIso(l.due) < m.at) n++;
    }
    overdueMonths[m.month] = { at: isoOfDays(m.at), overdue: n };
  }
  const ttfv = {};
  for (const [seg, xs] of Object.entries(ttfvDays)) {
    xs.sort((a, b) => a - b);
    ttfv[seg] = { n: xs.length, min: xs[0], q1: quantileSorted(xs, 0.25), median: quantileSorted(xs, 0.5), q3: quantileSorted(xs, 0.75), max: xs.at(-1) };
  }
  return { asOf: asOfIso, goals: { progressBins, pacingBins, checkinMonths }, outcomes: { achievedMonths, overdueMonths, ttfv } };
}
