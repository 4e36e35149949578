#!/usr/bin/env node
/**
 * Writes the embedded demo dataset into static/demo/ (generated at every build, not committed).
 *
 *   node scripts/generate-demo.js [outDir]        (default static/demo)
 *
 * Deterministic: the same seed gives byte-identical files (no clock, no Math.random, no locale).
 * Plain Node ESM, no dependencies. Everything is fictional; emails are on cadence-demo.example.
 *
 * THE ORGANISATION
 *   VP of Customer Success Helena Brooks; five managers, each leading a team:
 *     Dana Whitfield  – Enterprise East  (Outlook calendar)      Priya Raman – Growth (London, 1:1 tracker sheet)
 *     Marcus Ong      – Enterprise West  (Outlook calendar)      Ken Adeyemi – Scale  (London, 1:1 tracker sheet)
 *     Tomás Ortega    – Mid-Market       (Outlook calendar)
 *   39 CSMs over the period (37 at the end). Roster churn: Zoë Fischer (joins 2025-11-03), Kwame Asante
 *   (joins 2025-12-01, backfills Hannah Weber who leaves 2025-12-19), José Álvarez (joins 2026-01-26,
 *   backfills Skyler Larsen who leaves 2026-02-13), Fatima Diallo (joins 2026-03-16). Meetings, touches and
 *   goals of a person exist only while they are on the team; a leaver's accounts pass to the backfill, and a
 *   growth hire takes a few accounts from teammates three weeks after joining.
 *   300 accounts: 45 High Touch (ARR ~120k–1.2M), 105 Mid Touch (~35k–160k), 150 Tech Touch (~6k–38k).
 *   Period: Monday 2025-05-05 to Friday 2026-10-30 (the data's "as of" is 2026-10-30; no date in an event
 *   column is later). Goal due dates and renewal dates can be later: they are plans, not events.
 *
 * PLANTED PATTERNS (what a coach or CS leader should be able to find)
 *   1. Marcus Ong cancels or reschedules ~32% of his weekly 1:1s (15% cancelled, 17% rescheduled);
 *      the other managers 3–8%.
 *   2. Priya Raman never covers career development in a 1:1; the others cover it in ~25–40% of held 1:1s
 *      (less in a new hire's first two months).
 *   3. Tomás Ortega holds his 1:1s every other week (each report alternates weeks), not weekly.
 *   4. Twelve "high touch, low progress" accounts (HIGH_TOUCH_LOW_PROGRESS below): 2–3× their segment's
 *      customer meetings, outcome progress at a third of the normal pace, low health.
 *   5. Twelve "low touch, high progress" accounts (LOW_TOUCH_HIGH_PROGRESS below): few meetings, extra async
 *      touches (emails, calls, tasks in the Salesforce activity report), outcomes achieved about twice as fast.
 *   6. Elsewhere touches help progress mildly with lots of noise, and struggling accounts (low health, or
 *      an objective At Risk or Overdue at the last month-end snapshot) get 60–90% more meetings the next month, so the
 *      correlation between meetings and progress is weak and not causal.
 *   7. Reports bring the data (Outlook: the Description says "Report shared their metrics"; tracker:
 *      Report Brought Data = Y) in ~60% of held 1:1s, ~35% on Marcus's team.
 *   8. The 1:1 tracker sheet also lists the coming two weeks' 1:1s (Status Scheduled, after the as-of date): Ken
 *      Adeyemi's first report has none booked in either week, Priya Raman's first report none next week.
 *   Also: 1:1s are not held on public holidays nor in the two weeks around Christmas (for everyone).
 *
 * FILES (the exact layouts real tools export; see FILES below for table and layout of each)
 *   outlook_1on1s.csv             1:1s of Dana, Marcus, Tomás: Outlook calendar CSV, UTF-8 BOM, CRLF
 *   one_on_one_tracker.csv        1:1s of Priya, Ken: a coach's Google Sheet, day-first dates, LF
 *   hubspot_meetings.csv          customer meetings: HubSpot export with UI labels
 *   salesforce_activities.csv     emails, calls, tasks: Salesforce activity report, CRLF
 *   lattice_goals.csv             quarterly CSM and team goals: Lattice goals export
 *   gainsight_success_plans.csv   objectives per account, one row per month-end snapshot
 *   people.csv                    HRIS roster
 *   accounts.csv                  Salesforce accounts report from a UK org, day-first renewal dates, CRLF
 *   manifest.json                 file → table, layout, data rows
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_SEED = 20261030;
export const PERIOD_START = '2025-05-05';
export const AS_OF = '2026-10-30';
const GENERATED = '2026-10-30T18:00:00Z';
export const DOMAIN = 'cadence-demo.example';

/** The twelve accounts with many meetings and little progress (segment in brackets). */
export const HIGH_TOUCH_LOW_PROGRESS = [
  'Halcyon Freight', 'Brightwater Health', 'Ironbridge Logistics', 'Meridian Retail Group', 'Quarry Lane Foods', 'Sterling Crest Energy', // High Touch
  'Bluefin Analytics', 'Copperleaf Media', 'Driftwood Labs', 'Kestrel Insurance', 'Lumen Dental Partners', 'Pinegrove Schools' // Mid Touch
];
/** The twelve accounts with few meetings, more async touches and fast progress. */
export const LOW_TOUCH_HIGH_PROGRESS = [
  'Aurora Biotech', 'Fairhaven Bank', 'Northstar Telecom', // High Touch
  'Cedar & Vine Hospitality', 'Granite Peak Software', 'Harbor Point Realty', 'Juniper Civic Tech', 'Oakline Manufacturing', 'Silverline Payments', // Mid Touch
  'Tidewater Studios', 'Wrenfield Apparel', 'Zephyr Mobility' // Tech Touch
];
const PLANTED_SEGMENTS = { htlp: [6, 6, 0], lthp: [3, 6, 3] }; // High, Mid, Tech counts, in list order

export const VP = { name: 'Helena Brooks', title: 'VP, Customer Success', hire: '2021-02-01' };

/**
 * Teams. cancel / resched: share of scheduled 1:1s; career: share of held 1:1s covering career development;
 * data: share where the report brings the data; cadence: weeks between scheduled 1:1s.
 */
export const TEAMS = [
  {
    name: 'Enterprise East', manager: 'Dana Whitfield', managerHire: '2020-03-16', source: 'outlook', city: 'New York',
    cadence: 1, cancel: 0.025, resched: 0.025, noShow: 0, career: 0.34, data: 0.64, minutes: 30, slot0: 9 * 60,
    members: [
      { name: 'Alex Nguyen' }, { name: 'Sam Patel' }, { name: 'Jordan Kim' }, { name: 'Riley Garcia' },
      { name: 'Casey Okafor' }, { name: 'Morgan Schmidt' }, { name: 'Avery Rossi' },
      { name: 'Zoë Fischer', hire: '2025-11-03', growth: 4 }
    ]
  },
  {
    name: 'Enterprise West', manager: 'Marcus Ong', managerHire: '2019-09-02', source: 'outlook', city: 'San Francisco',
    cadence: 1, cancel: 0.15, resched: 0.17, noShow: 0, career: 0.3, data: 0.35, minutes: 30, slot0: 9 * 60 + 30,
    members: [
      { name: 'Quinn Cohen' }, { name: 'Jamie Silva' }, { name: 'Drew Murphy' }, { name: 'Harper Tanaka' },
      { name: 'Rowan Novak' }, { name: 'Emerson Haddad' },
      { name: 'Skyler Larsen', term: '2026-02-13' },
      { name: 'José Álvarez', hire: '2026-01-26', backfills: 'Skyler Larsen' }
    ]
  },
  {
    name: 'Mid-Market', manager: 'Tomás Ortega', managerHire: '2021-06-07', source: 'outlook', city: 'Austin',
    cadence: 2, cancel: 0.035, resched: 0.025, noShow: 0, career: 0.34, data: 0.62, minutes: 45, slot0: 10 * 60,
    members: [
      { name: 'Reese Dubois' }, { name: 'Parker Mensah' }, { name: 'Renée Laurent' }, { name: 'Chloé Martin' },
      { name: 'Noah Bergström' }, { name: 'Aisha Bello' }, { name: 'Liam Walsh' }
    ]
  },
  {
    name: 'Growth', manager: 'Priya Raman', managerHire: '2020-10-05', source: 'tracker', city: 'London',
    cadence: 1, cancel: 0.02, resched: 0.02, noShow: 0.012, career: 0, data: 0.62, minutes: 45, slot0: 9 * 60 + 30,
    members: [
      { name: 'Mei Chen' }, { name: 'Omar Farouk' }, { name: 'Sofia Moreno' }, { name: 'Ethan Price' },
      { name: 'Nadia Petrova' }, { name: 'Lucas Ferreira' },
      { name: 'Hannah Weber', term: '2025-12-19' },
      { name: 'Kwame Asante', hire: '2025-12-01', backfills: 'Hannah Weber' }
    ]
  },
  {
    name: 'Scale', manager: 'Ken Adeyemi', managerHire: '2022-01-10', source: 'tracker', city: 'London',
    cadence: 1, cancel: 0.04, resched: 0.03, noShow: 0.015, career: 0.34, data: 0.58, minutes: 30, slot0: 10 * 60,
    members: [
      { name: 'Ingrid Holm' }, { name: 'Mateo Ruiz' }, { name: 'Grace Liu' }, { name: 'Tariq Aziz' },
      { name: 'Elena Vasquez' }, { name: 'Ben Carter' }, { name: 'Yuki Sato' },
      { name: 'Fatima Diallo', hire: '2026-03-16', growth: 12 }
    ]
  }
];

/** How many accounts of each segment each team carries (High, Mid, Tech). */
const BOOKS = { 'Enterprise East': [22, 12, 0], 'Enterprise West': [23, 12, 0], 'Mid-Market': [0, 56, 0], Growth: [0, 25, 45], Scale: [0, 0, 105] };

const SEGMENTS = ['High Touch', 'Mid Touch', 'Tech Touch'];
/** Per segment: customer meetings per month, async touches per month, ARR range, objectives per account. */
const SEG = [
  { meet: 4, async: 2.5, arr: [120000, 1200000], step: 1000, objectives: [2, 3] },
  { meet: 1, async: 2.5, arr: [35000, 160000], step: 500, objectives: [1, 3] },
  { meet: 0.22, async: 1.5, arr: [6000, 38000], step: 100, objectives: [1, 2] }
];

export const FILES = [
  { file: 'outlook_1on1s.csv', table: 'meetings', layout: 'Outlook calendar export' },
  { file: 'one_on_one_tracker.csv', table: 'meetings', layout: 'Google Sheets 1:1 tracker (day-first dates)' },
  { file: 'hubspot_meetings.csv', table: 'meetings', layout: 'HubSpot meetings export (UI labels)' },
  { file: 'salesforce_activities.csv', table: 'meetings', layout: 'Salesforce activity report' },
  { file: 'lattice_goals.csv', table: 'goals', layout: 'Lattice goals export' },
  { file: 'gainsight_success_plans.csv', table: 'outcomes', layout: 'Gainsight success plans (monthly snapshots)' },
  { file: 'people.csv', table: 'people', layout: 'HRIS roster export' },
  { file: 'accounts.csv', table: 'accounts', layout: 'Salesforce accounts report (UK org)' }
];

export const HEADERS = {
  'outlook_1on1s.csv': ['Subject', 'Start Date', 'Start Time', 'End Date', 'End Time', 'All day event', 'Reminder on/off', 'Meeting Organizer', 'Required Attendees', 'Optional Attendees', 'Categories', 'Description', 'Show time as'],
  'one_on_one_tracker.csv': ['Date', 'Manager', 'Direct Report', 'Status', 'Agenda Covered', 'Report Brought Data', 'Duration', 'Notes'],
  'hubspot_meetings.csv': ['Record ID', 'Meeting name', 'Meeting start time', 'Meeting end time', 'Meeting outcome', 'Activity assigned to', 'Associated Company', 'Meeting source', 'Create date'],
  'salesforce_activities.csv': ['Activity ID', 'Subject', 'Activity Date', 'Assigned', 'Account Name', 'Task Subtype', 'Call Duration (Seconds)'],
  'lattice_goals.csv': ['Goal', 'Owner', 'Owner Email ID', 'Goal Type', 'Status', 'Start Value', 'Current Value', 'Target Value', 'Goal % Completion', 'start_on', 'due_on', 'Last Updated', 'Check-In Type'],
  'gainsight_success_plans.csv': ['Company Name', 'Success Plan Name', 'Objective Name', 'Objective Owner', 'Status', '% Complete', 'Start Date', 'Due Date', 'Completed Date', 'First Value Date', 'Health Score', 'ARR', 'Snapshot Date', 'Objective GSID'],
  'people.csv': ['Employee Name', 'Work Email', 'Manager', 'Team', 'Job Title', 'Hire Date', 'Termination Date'],
  'accounts.csv': ['Account Name', 'Customer Segment', 'Account Owner', 'Annual Recurring Revenue', 'Renewal Date']
};

/** The five agenda items: Outlook category label and the tracker's word. */
const AGENDA = [
  { label: 'Goals & performance', word: 'goals', p: 0.86 },
  { label: 'Bottlenecks', word: 'blockers', p: 0.68 },
  { label: 'Customer issues', word: 'customers', p: 0.78 },
  { label: 'Coaching', word: 'coaching', p: 0.55 },
  { label: 'Career development', word: 'career', p: null } // per manager
];

// ---------------------------------------------------------------------------------------------------------
// Dates (whole UTC days since 1970-01-01; no time zones anywhere) and formats.

const DAY_MS = 86400000;
const dayOf = (isoDate) => Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / DAY_MS;
const parts = (d) => {
  const x = new Date(d * DAY_MS);
  return [x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()];
};
const pad = (n) => String(n).padStart(2, '0');
const isoDay = (d) => { const [y, m, dd] = parts(d); return `${y}-${pad(m)}-${pad(dd)}`; };
const usDay = (d) => { const [y, m, dd] = parts(d); return `${m}/${dd}/${y}`; };
const ukDay = (d) => { const [y, m, dd] = parts(d); return `${pad(dd)}/${pad(m)}/${y}`; };
const weekday = (d) => (d + 4) % 7; // 0 Sunday … 6 Saturday
const usTime = (min) => { const h = Math.floor(min / 60); return `${((h + 11) % 12) + 1}:${pad(min % 60)}:00 ${h < 12 ? 'AM' : 'PM'}`; };
const hhmm = (min) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;

const P0 = dayOf(PERIOD_START);
const END = dayOf(AS_OF);
/** Public holidays on which nobody books meetings (US and UK mixed; the company is on both sides). */
const HOLIDAYS = new Set(
  ['2025-05-26', '2025-07-04', '2025-08-25', '2025-09-01', '2025-11-27', '2025-11-28', '2025-12-25', '2025-12-26',
    '2026-01-01', '2026-01-19', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-07-03', '2026-08-31', '2026-09-07'].map(dayOf)
);
/** 1:1 series skip these weeks (Mondays). */
const NO_ONE_ON_ONE_WEEKS = new Set(['2025-12-22', '2025-12-29'].map(dayOf));
const isBusinessDay = (d) => weekday(d) >= 1 && weekday(d) <= 5 && !HOLIDAYS.has(d);
const addBusinessDays = (d, n) => { let x = d; while (n > 0) { x++; if (isBusinessDay(x)) n--; } return x; };
const lastBusinessDayOnOrBefore = (d) => { let x = d; while (!isBusinessDay(x)) x--; return x; };

/** Months Feb 2025 … Oct 2026; objectives may start before the period, meetings only within it. */
function buildMonths() {
  const months = [];
  for (let y = 2025, m = 2; y < 2026 || m <= 10; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const first = dayOf(`${y}-${pad(m)}-01`);
    const last = Math.min(dayOf(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`) - 1, END);
    const bdays = [];
    for (let d = Math.max(first, P0); d <= last; d++) if (isBusinessDay(d)) bdays.push(d);
    months.push({ y, m, first, last, days: last - first + 1, snapshot: lastBusinessDayOnOrBefore(last), bdays, inPeriod: bdays.length > 0 });
  }
  return months;
}

// ---------------------------------------------------------------------------------------------------------
// Randomness: one independent stream per concern, so that changing one part leaves the others byte-identical.

function hashString(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
function stream(seed, label) {
  const u = mulberry32(hashString(`${seed}:${label}`));
  const r = {
    u,
    int: (a, b) => a + Math.floor(u() * (b - a + 1)),
    range: (a, b) => a + u() * (b - a),
    chance: (p) => u() < p,
    pick: (xs) => xs[Math.floor(u() * xs.length)],
    normal: () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u()),
    poisson: (lambda) => {
      if (lambda <= 0) return 0;
      const L = Math.exp(-lambda);
      let k = 0;
      let p = u();
      while (p > L) { k++; p *= u(); }
      return k;
    },
    shuffle: (xs) => {
      const a = xs.slice();
      for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(u() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
      return a;
    },
    sample: (xs, n) => r.shuffle(xs).slice(0, n),
    hex: (n) => { let s = ''; for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(u() * 16)]; return s; }
  };
  return r;
}
const clamp = (x, a, b) => Math.max(a, Math.min(b, x));
const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------
// CSV writing: quote a field only when it holds the delimiter, a quote or a line break; double the quotes.

const field = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
function toCsv(header, rows, { eol = '\n', bom = false } = {}) {
  const lines = [header, ...rows].map((r) => r.map(field).join(','));
  return (bom ? '\uFEFF' : '') + lines.join(eol) + eol;
}

export const emailOf = (name) =>
  `${name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z ]/g, '').trim().replace(/\s+/g, '.')}@${DOMAIN}`;
const firstName = (name) => name.split(' ')[0];

// ---------------------------------------------------------------------------------------------------------
// Roster.

const TITLES = {
  'Enterprise East': [['Senior Customer Success Manager', 0.55], ['Customer Success Manager', 1]],
  'Enterprise West': [['Senior Customer Success Manager', 0.5], ['Customer Success Manager', 1]],
  'Mid-Market': [['Senior Customer Success Manager', 0.3], ['Customer Success Manager', 0.9], ['Associate Customer Success Manager', 1]],
  Growth: [['Senior Customer Success Manager', 0.15], ['Customer Success Manager', 0.75], ['Associate Customer Success Manager', 1]],
  Scale: [['Senior Customer Success Manager', 0.1], ['Customer Success Manager', 0.6], ['Associate Customer Success Manager', 1]]
};

function buildRoster(seed) {
  const r = stream(seed, 'roster');
  const csms = [];
  const teams = TEAMS.map((t) => ({ ...t, managerEmail: emailOf(t.manager), csms: [] }));
  for (const team of teams) {
    for (const [i, m] of team.members.entries()) {
      let hire;
      if (m.hire) hire = dayOf(m.hire);
      else {
        hire = r.int(dayOf('2019-01-07'), dayOf('2025-03-24'));
        hire -= (weekday(hire) + 6) % 7; // a Monday
      }
      const u = r.u();
      const title = m.hire ? (u < 0.6 ? 'Customer Success Manager' : 'Associate Customer Success Manager') : TITLES[team.name].find(([, p]) => u < p)[0];
      const csm = {
        name: m.name, email: emailOf(m.name), first: firstName(m.name), team, index: i, title, hire,
        term: m.term ? dayOf(m.term) : null, growth: m.growth ?? 0, backfills: m.backfills ?? null,
        // pair traits for the 1:1s
        dataOffset: r.range(-0.15, 0.15),
        careerOffset: team.career > 0 ? r.range(-0.06, 0.06) : 0,
        parity: i % 2,
        weekday: 2 + (i % 3), // Tue, Wed, Thu
        slot: team.slot0 + 60 * Math.floor(i / 3),
        // a CSM's general effectiveness nudges goal attainment
        skill: r.normal()
      };
      team.csms.push(csm);
      csms.push(csm);
    }
  }
  const active = (c, d) => d >= c.hire && (c.term === null || d <= c.term);
  return { teams, csms, byName: new Map(csms.map((c) => [c.name, c])), active };
}

// ---------------------------------------------------------------------------------------------------------
// Accounts and their owners over time.

const NAME_A = ['Alder', 'Amber', 'Ash', 'Bay', 'Birch', 'Bram', 'Bright', 'Brook', 'Clear', 'Cold', 'Crane', 'Dun', 'East', 'Elm', 'Fern', 'Fox', 'Glen', 'Gold', 'Green', 'Hazel', 'Heath', 'High', 'Holly', 'Kings', 'Lark', 'Long', 'Marsh', 'Mill', 'North', 'Oak', 'Pine', 'Quill', 'Raven', 'Red', 'River', 'Rose', 'Salt', 'South', 'Stone', 'Sun', 'Thorn', 'West', 'Whit', 'Willow', 'Wolf', 'Wren'];
const NAME_B = ['brook', 'bridge', 'field', 'ford', 'gate', 'haven', 'hill', 'hurst', 'land', 'leigh', 'mere', 'mont', 'moor', 'point', 'ridge', 'stead', 'ton', 'vale', 'view', 'well', 'wood', 'worth', 'crest', 'dale'];
const NAME_C = ['Health', 'Logistics', 'Retail', 'Labs', 'Energy', 'Foods', 'Analytics', 'Systems', 'Capital', 'Media', 'Software', 'Insurance', 'Manufacturing', 'Hotels', 'Pharma', 'Telecom', 'Learning', 'Legal', 'Engineering', 'Travel', 'Group', 'Partners', 'Robotics', 'Clinics'];
/** Names that exercise quoting and matching: a comma, an ampersand, an apostrophe. */
const SPECIAL_ACCOUNTS = ['Barker, Lane & Co', "O'Neill Dental Group", 'Smith & Sons Plumbing'];

const OBJECTIVES = [
  'Reduce ticket backlog 30%', 'Roll out to 5 regions', 'Cut onboarding time to 30 days', 'Reach 80% weekly active users',
  'Automate month-end reporting', 'Integrate with CRM', 'Retire 3 legacy tools', 'Launch self-service portal',
  'Train 200 frontline agents', 'Lower cost per ticket 15%', 'Go live in EMEA', 'Migrate all workflows off spreadsheets',
  'Expand to the finance team', 'Raise CSAT to 4.5', 'Halve time to resolution', 'Executive dashboard adopted by leadership',
  'SSO and SCIM in production', 'Renewal with multi-year term', 'Consolidate billing entities', 'Reach 1,000 active seats',
  'Cut churned users 20%', 'Standardise QA process across sites', 'Enable API usage by 3 internal teams', 'Pass "go-live" audit with zero findings'
];

function buildAccounts(seed, roster) {
  const r = stream(seed, 'accounts');
  const planted = new Set([...HIGH_TOUCH_LOW_PROGRESS, ...LOW_TOUCH_HIGH_PROGRESS]);
  const plantedFirstWords = new Set([...planted].map((n) => n.split(' ')[0]));
  // Compound names, shuffled; skip any that would echo a planted account.
  const compounds = [];
  for (const a of NAME_A) for (const b of NAME_B) { const c = a + b; if (!plantedFirstWords.has(c)) compounds.push(c); }
  const chosen = r.shuffle(compounds).slice(0, 300 - planted.size - SPECIAL_ACCOUNTS.length);
  const ordinary = r.shuffle([...SPECIAL_ACCOUNTS, ...chosen.map((c) => `${c} ${r.pick(NAME_C)}`)]);

  // Segment quotas: High 45, Mid 105, Tech 150, planted ones fixed.
  const quota = [0, 1, 2].map((s) => Object.values(BOOKS).reduce((n, b) => n + b[s], 0));
  const accounts = [];
  const addPlanted = (names, kind, counts) => {
    let k = 0;
    counts.forEach((n, s) => { for (let i = 0; i < n; i++) accounts.push({ name: names[k++], seg: s, kind }); });
  };
  addPlanted(HIGH_TOUCH_LOW_PROGRESS, 'htlp', PLANTED_SEGMENTS.htlp);
  addPlanted(LOW_TOUCH_HIGH_PROGRESS, 'lthp', PLANTED_SEGMENTS.lthp);
  const left = quota.map((q, s) => q - accounts.filter((a) => a.seg === s).length);
  let i = 0;
  for (const s of [0, 1, 2]) for (let k = 0; k < left[s]; k++) accounts.push({ name: ordinary[i++], seg: s, kind: 'normal' });

  // Account traits.
  for (const a of accounts) {
    const seg = SEG[a.seg];
    const [lo, hi] = seg.arr;
    a.arr = Math.round(Math.exp(Math.log(lo) + r.u() * (Math.log(hi) - Math.log(lo))) / seg.step) * seg.step;
    a.renewal = r.int(dayOf('2026-11-02'), dayOf('2027-10-29'));
    // q: how ready the customer is (hidden); e: how much attention the account gets, for reasons of its own.
    if (a.kind === 'htlp') Object.assign(a, { q: -1.1 + 0.3 * r.normal(), meetMult: r.range(1.9, 2.4), asyncMult: 1, speed: 0.32 });
    else if (a.kind === 'lthp') Object.assign(a, { q: 0.9 + 0.3 * r.normal(), meetMult: r.range(0.2, 0.35), asyncMult: 1.8, speed: 2.4 });
    else {
      const e = r.normal();
      Object.assign(a, { q: r.normal(), meetMult: Math.exp(0.55 * e), asyncMult: Math.exp(0.35 * e + 0.2 * r.normal()), speed: 1 });
    }
  }

  // Books: fill each team's segment quotas from shuffled segment lists, then deal to the team's first CSMs.
  const bySeg = [0, 1, 2].map((s) => r.shuffle(accounts.filter((a) => a.seg === s)));
  for (const team of roster.teams) {
    const founders = team.csms.filter((c) => c.hire <= P0);
    const book = [];
    BOOKS[team.name].forEach((n, s) => { for (let k = 0; k < n; k++) book.push(bySeg[s].pop()); });
    r.shuffle(book).forEach((a, k) => { a.team = team; a.owners = [{ csm: founders[k % founders.length], from: -Infinity }]; });
    // Transfers: a leaver's book goes to the backfill on the last day; a growth hire takes accounts later.
    for (const c of team.csms) {
      if (c.backfills) {
        const leaver = roster.byName.get(c.backfills);
        for (const a of book) if (a.owners.at(-1).csm === leaver) a.owners.push({ csm: c, from: leaver.term + 1 });
      }
      if (c.growth) {
        const from = c.hire + 21;
        const counts = new Map();
        for (const a of book) { const o = a.owners.at(-1).csm; counts.set(o, (counts.get(o) ?? 0) + 1); }
        for (let k = 0; k < c.growth; k++) {
          const busiest = [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].index - y[0].index)[0][0];
          const a = book.find((b) => b.owners.at(-1).csm === busiest && b.kind === 'normal');
          a.owners.push({ csm: c, from });
          counts.set(busiest, counts.get(busiest) - 1);
        }
      }
    }
  }
  for (const a of accounts) a.ownerOn = (d) => { let o = a.owners[0].csm; for (const x of a.owners) if (x.from <= d) o = x.csm; return o; };
  accounts.sort((x, y) => cmp(x.name, y.name));
  return accounts;
}

// ---------------------------------------------------------------------------------------------------------
// 1:1s.

const NOTES = {
  goals: ['Book NRR tracking at {n}% for the quarter.', 'QBRs on pace, {k} to go this quarter.', 'Onboardings behind plan, {k} of {m} done.', 'Expansion pipeline at ${n}k, two deals in legal.'],
  blockers: ['Blocked on the SSO bug for weeks; product has it, no ETA.', 'Too many how-to tickets routed to the CSM queue, agreed to raise it with Support.', 'Waiting on legal for the DPA redlines.', 'Handover notes from Sales were thin, "just figure it out" again.'],
  customers: ['Walked through {acct} renewal risk.', '{acct}: exec sponsor left, need a new champion.', 'Escalation at {acct}, a "P1" ticket still open.', '{acct} wants a roadmap session, booked for next week.', 'Usage at {acct} dipped after their reorg, plan a health check.'],
  coaching: ['Role-played the price-increase conversation.', 'Worked on the QBR storyline: outcomes first, features last.', 'Practised saying no to custom work, kindly.', 'Reviewed a tough email thread together.'],
  career: ['Career: wants to lead a pod next year, will own the onboarding playbook.', 'Career: talked about the path to Senior CSM, agreed two stretch projects.', 'Career: curious about CS Ops, will shadow the ops lead for a day.', 'Career: signed up for the negotiation course.']
};
const CANCEL_NOTES = ['', '', 'Conflict with a customer escalation.', 'Travelling.', 'Report on PTO.', 'Board prep, sorry!', 'Offsite.'];
const TRACKER_CANCEL = ['', 'manager at offsite', 'report on PTO', 'clashed with exec QBR', 'sick day'];

function fillNote(r, text, acct) {
  return text.replace('{acct}', acct).replace('{n}', String(r.int(96, 112))).replace('{k}', String(r.int(1, 4))).replace('{m}', String(r.int(4, 6)));
}

function oneOnOneNotes(r, agendaIdx, brought, acct, withPhrase) {
  const keys = ['goals', 'blockers', 'customers', 'coaching', 'career'];
  const bits = agendaIdx.map((i) => fillNote(r, r.pick(NOTES[keys[i]]), acct));
  const kept = r.sample(bits, Math.min(bits.length, r.int(1, 3)));
  if (agendaIdx.includes(4) && !kept.some((b) => b.startsWith('Career'))) kept.push(bits[agendaIdx.indexOf(4)]);
  if (withPhrase && brought) kept.unshift(r.pick(['Report shared their metrics.', 'Report shared their metrics (NRR, QBRs, health).', 'Report shared their metrics, dashboard screenshot in the doc.']));
  if (withPhrase && !brought && r.chance(0.3)) kept.unshift('Pulled the numbers myself before the call.');
  return kept.join(r.chance(0.3) ? '\n' : ' ');
}

function buildOneOnOnes(seed, roster, accounts) {
  const r = stream(seed, 'one-on-ones');
  const booksOn = (csm, d) => accounts.filter((a) => a.ownerOn(d) === csm);
  const events = [];
  for (const team of roster.teams) {
    for (const csm of team.csms) {
      for (let monday = P0; monday <= END; monday += 7) {
        const w = (monday - P0) / 7;
        if (NO_ONE_ON_ONE_WEEKS.has(monday)) continue;
        if (team.cadence === 2 && w % 2 !== csm.parity) continue;
        const d = monday + csm.weekday - 1;
        if (d > END || d < csm.hire + 3 || (csm.term !== null && d > csm.term) || HOLIDAYS.has(d)) continue;
        const base = { team, csm, day: d, start: csm.slot, minutes: team.minutes };
        const u = r.u();
        let status = u < team.cancel ? 'cancelled' : u < team.cancel + team.resched ? 'rescheduled' : u < team.cancel + team.resched + team.noShow ? 'no_show' : 'held';
        if (status === 'rescheduled') {
          const nd = addBusinessDays(d, r.int(1, 3));
          if (nd > END || (csm.term !== null && nd > csm.term)) status = 'cancelled';
          else {
            events.push({ ...base, status, movedTo: nd });
            events.push(heldEvent(r, { ...base, day: nd, start: r.pick([13, 14, 15, 16]) * 60 + r.pick([0, 30]), rescheduledFrom: d }, booksOn));
            continue;
          }
        }
        events.push(status === 'held' ? heldEvent(r, { ...base, rescheduledFrom: null }, booksOn) : { ...base, status });
      }
    }
  }
  // The coming two weeks as the tracker sheets list them (Scheduled): the calendar a manager acts on before
  // the week starts. Planted gaps (no random draws, so nothing above changes): Ken's first report has no 1:1
  // booked in either week; Priya's first report has none next week, one the week after.
  for (const team of roster.teams.filter((t) => t.source === 'tracker')) {
    for (const csm of team.csms) {
      if (csm.term !== null && csm.term <= END) continue;
      for (const [w, monday] of [END + 3, END + 10].entries()) {
        if (csm.index === team.csms[0].index && (team.manager === 'Ken Adeyemi' || (team.manager === 'Priya Raman' && w === 0))) continue;
        events.push({ team, csm, day: monday + csm.weekday - 1, start: csm.slot, minutes: team.minutes, status: 'scheduled' });
      }
    }
  }
  return events;
}

function heldEvent(r, ev, booksOn) {
  const { team, csm } = ev;
  const tenure = ev.day - csm.hire;
  const careerP = team.career > 0 ? (team.career + csm.careerOffset) * (tenure < 60 ? 0.3 : 1) : 0;
  const agenda = [];
  AGENDA.forEach((item, i) => { if (r.chance(i === 4 ? careerP : item.p)) agenda.push(i); });
  if (!agenda.length) agenda.push(0);
  const brought = r.chance(clamp(team.data + csm.dataOffset, 0.05, 0.95));
  const book = booksOn(csm, ev.day);
  const acct = book.length ? r.pick(book).name : 'a new account';
  return {
    ...ev, status: 'held', agenda, brought, acct,
    actualMinutes: r.chance(0.8) ? ev.minutes : r.pick([ev.minutes - 5, ev.minutes + 15, ev.minutes + 30]),
    notes: oneOnOneNotes(r, agenda, brought, acct, team.source === 'outlook'),
    trackerNotes: team.source === 'tracker' ? oneOnOneNotes(r, agenda, brought, acct, false) : ''
  };
}

function outlookFile(seed, events) {
  const r = stream(seed, 'outlook');
  const rows = events
    .filter((e) => e.team.source === 'outlook')
    .sort((a, b) => a.day - b.day || a.start - b.start || cmp(a.team.manager, b.team.manager) || a.csm.index - b.csm.index)
    .map((e) => {
      const subject = `${e.status === 'held' ? '' : 'Canceled: '}1:1 ${firstName(e.team.manager)} / ${e.csm.first}`;
      let description = '';
      let categories = '';
      if (e.status === 'held') {
        categories = e.agenda.map((i) => AGENDA[i].label).join('; ');
        description = (e.rescheduledFrom !== null ? `Rescheduled from ${usDay(e.rescheduledFrom)}. ` : '') + e.notes;
      } else if (e.status === 'rescheduled') description = r.chance(0.5) ? 'Moving this to later in the week.' : '';
      else description = r.pick(CANCEL_NOTES);
      return [subject, usDay(e.day), usTime(e.start), usDay(e.day), usTime(e.start + e.minutes), 'False', 'True', e.team.manager, e.csm.email, '', categories, description, 'Busy'];
    });
  return rows;
}

function trackerFile(seed, events) {
  const r = stream(seed, 'tracker');
  const dur = (m) => `${Math.floor(m / 60)}:${pad(m % 60)}`;
  return events
    .filter((e) => e.team.source === 'tracker')
    .sort((a, b) => a.day - b.day || cmp(a.team.managerEmail, b.team.managerEmail) || a.csm.index - b.csm.index || a.start - b.start)
    .map((e) => {
      const status = { held: 'Held', cancelled: 'Cancelled', rescheduled: 'Rescheduled', no_show: 'No-show', scheduled: 'Scheduled' }[e.status];
      let notes = '';
      if (e.status === 'scheduled') notes = '';
      else if (e.status === 'held') notes = (e.rescheduledFrom !== null ? `Rescheduled from ${ukDay(e.rescheduledFrom)}. ` : '') + e.trackerNotes;
      else if (e.status === 'rescheduled') notes = `Moved to ${ukDay(e.movedTo)}`;
      else if (e.status === 'no_show') notes = r.pick(['', 'no-show, pinged on Slack', 'forgot, double-booked with a customer call']);
      else notes = r.pick(TRACKER_CANCEL);
      const held = e.status === 'held';
      return [
        ukDay(e.day), e.team.managerEmail, e.csm.email, status,
        held ? e.agenda.map((i) => AGENDA[i].word).join(', ') : '',
        held ? (e.brought ? 'Y' : 'N') : '',
        held ? dur(e.actualMinutes) : '',
        notes
      ];
    });
}

// ---------------------------------------------------------------------------------------------------------
// Customers: a month-by-month simulation of meetings, async touches and objective progress per account.

const MEETING_NAMES = [
  ['QBR – {a}', 60], ['{a} exec sponsor sync', 30], ['Check-in: {a}', 30], ['Success plan review – {a}', 45],
  ['{a} adoption workshop', 60], ['Renewal prep – {a}', 45], ['Roadmap preview for {a}', 45], ['{a} onboarding session', 60]
];
const ASYNC = {
  Email: ['Email: Re: {a} success plan', 'Email: usage summary for {a}', 'Email: Re: renewal timeline', 'Email: release notes follow-up', 'Email: Re: training resources'],
  Call: ['Call: check-in with {a}', 'Call: champion catch-up', 'Call: renewal question', 'Call: support escalation follow-up'],
  Task: ['Send {a} health report', 'Follow up on success plan', 'Update stakeholder map', 'Share self-service guide', 'Review in-app adoption data']
};

function simulateCustomers(seed, accounts, months) {
  const r = stream(seed, 'customers');
  const meetings = [];
  const touches = [];
  const snapshots = [];
  const objNames = r.shuffle(OBJECTIVES);
  let objCursor = 0;
  for (const a of accounts) {
    const seg = SEG[a.seg];
    // Objectives: 5–10 months each, one after another; the latest starts 2–9 months before the as-of date.
    const n = r.int(seg.objectives[0], seg.objectives[1]);
    const starts = [a.kind === 'lthp' ? r.int(END - 300, END - 190) : r.int(END - 280, END - 60)];
    while (starts.length < n) { const s = starts[0] - r.int(120, 240); if (s < P0 - 120) break; starts.unshift(s); }
    const objectives = [];
    const names = new Set();
    for (const start of starts) {
      let name;
      do name = objNames[objCursor++ % objNames.length]; while (names.has(name));
      names.add(name);
      const due = start + r.int(150, 300);
      objectives.push({
        name, start, due, rate: 100 / ((due - start) / 30.4), k: Math.exp(0.25 * r.normal()), pct: 0,
        achieved: null, firstValue: null, gsid: r.hex(32), plan: `FY${parts(start)[0] + (parts(start)[1] >= 2 ? 1 : 0)} Success Plan`
      });
    }
    a.objectives = objectives;
    let struggle = 0;
    let health = clamp(Math.round(60 + 12 * a.q + 5 * r.normal()), 3, 98);
    for (const m of months) {
      // Meetings react to last month's snapshot: struggling accounts attract more of them.
      const scale = m.bdays.length / 21;
      let held = 0;
      let asyncs = 0;
      if (m.inPeriod) {
        const lamM = Math.min(seg.meet * a.meetMult * (1 + 0.6 * struggle), seg.meet * 3) * scale;
        const nM = r.poisson(lamM);
        for (let k = 0; k < nM; k++) held += addMeeting(r, a, m, meetings);
        asyncs = r.poisson(seg.async * a.asyncMult * (1 + 0.25 * struggle) * scale);
        for (let k = 0; k < asyncs; k++) addTouch(r, a, m, touches);
      }
      const expected = (seg.meet + 0.4 * seg.async) * (m.inPeriod ? scale : 1);
      const ratio = m.inPeriod ? (held + 0.4 * asyncs) / Math.max(expected, 0.2) : 1;
      const touchFactor = 0.3 + 0.7 * Math.min(ratio, 2.5) ** 0.75;
      // Progress.
      let behind = 0;
      let open = 0;
      for (const o of objectives) {
        if (o.start > m.last || o.achieved !== null) continue;
        const frac = o.start >= m.first ? (m.last - o.start + 1) / m.days : 1;
        const ramp = o.pct === 0 ? 0.35 : 1;
        const inc = 0.9 * o.rate * frac * ramp * o.k * a.speed * Math.exp(0.3 * a.q + 0.35 * r.normal()) * touchFactor;
        o.pct += Math.max(0, inc);
        if (o.firstValue === null && o.pct >= 15) o.firstValue = Math.max(o.start, r.pick(m.bdays.length ? m.bdays : [m.snapshot]));
        if (o.pct >= 100) {
          o.pct = 100;
          const days = (m.bdays.length ? m.bdays : [m.snapshot]).filter((d) => d >= o.start && d <= m.snapshot);
          o.achieved = days.length ? r.pick(days) : m.snapshot;
          if (o.firstValue !== null && o.firstValue > o.achieved) o.firstValue = o.achieved;
        } else {
          const expectedPct = clamp(((m.snapshot - o.start) / (o.due - o.start)) * 100, 0, 100);
          behind += expectedPct - o.pct;
          open++;
        }
      }
      const pace = open ? -behind / open : 10;
      health = clamp(Math.round(0.5 * health + 0.5 * (60 + 12 * a.q + 0.35 * pace) + 5 * r.normal()), 3, 98);
      // The month-end snapshot, as the CSM and their manager see it; next month's meetings react to it.
      let troubled = false;
      for (const o of objectives) {
        if (o.start > m.snapshot || o.reported) continue;
        const pct = Math.floor(o.pct);
        const expectedPct = ((m.snapshot - o.start) / (o.due - o.start)) * 100;
        let status;
        if (o.achieved !== null) status = 'Achieved';
        else if (pct === 0) status = 'Not Started';
        else if (m.snapshot > o.due) status = 'Overdue';
        else if (pct < expectedPct - 20 || health < 40) status = 'At Risk';
        else status = 'In Progress';
        if (status === 'At Risk' || status === 'Overdue') troubled = true;
        if (o.achieved !== null) o.reported = true;
        if (m.inPeriod) snapshots.push({ a, o, status, pct, health, day: m.snapshot, owner: a.ownerOn(m.snapshot), firstValue: o.firstValue !== null && o.firstValue <= m.snapshot ? o.firstValue : null });
      }
      struggle = (troubled ? 1 : 0) + (health < 45 ? 0.5 : 0);
    }
  }
  return { meetings, touches, snapshots };
}

/** Adds one customer meeting (and its rescheduled follow-up); returns how many were held. */
function addMeeting(r, a, m, meetings) {
  const day = r.pick(m.bdays);
  const [title, minutes] = r.pick(MEETING_NAMES);
  const start = r.int(16, 33) * 30; // 8:00 … 16:30
  const u = r.u();
  const outcome = u < 0.05 ? 'Canceled' : u < 0.1 ? 'Rescheduled' : u < 0.13 ? 'No show' : 'Completed';
  const base = { a, name: title.replace('{a}', a.name), minutes };
  meetings.push({ ...base, day, start, outcome, lead: r.int(1, 21) });
  if (outcome === 'Rescheduled') {
    const nd = addBusinessDays(day, r.int(2, 7));
    if (nd <= END) { meetings.push({ ...base, day: nd, start: r.int(16, 33) * 30, outcome: 'Completed', lead: (nd - day) + r.int(0, 1) }); return 1; }
    return 0;
  }
  return outcome === 'Completed' ? 1 : 0;
}

function addTouch(r, a, m, touches) {
  const u = r.u();
  const type = a.seg === 2 ? (u < 0.6 ? 'Email' : u < 0.85 ? 'Task' : 'Call') : u < 0.5 ? 'Email' : u < 0.8 ? 'Call' : 'Task';
  touches.push({ a, day: r.pick(m.bdays), type, subject: r.pick(ASYNC[type]).replace('{a}', a.name), seconds: type === 'Call' ? r.int(3, 40) * 60 + r.int(0, 59) : null });
}

function hubspotFile(seed, meetings) {
  const r = stream(seed, 'hubspot');
  const rows = meetings.map((mt) => {
    let outcome = mt.outcome;
    // Outcomes are logged after the fact: the last days of the export still read "Scheduled".
    if (outcome === 'Completed' && mt.day >= END - 2) outcome = r.chance(mt.day === END ? 1 : mt.day === END - 1 ? 0.6 : 0.3) ? 'Scheduled' : outcome;
    const createDay = Math.max(P0, mt.day - mt.lead);
    const createMin = createDay === mt.day ? Math.max(7 * 60, mt.start - r.int(15, 120)) : r.int(7 * 60, 19 * 60);
    return { mt, outcome, createKey: createDay * 1440 + createMin, createDay, createMin, owner: mt.a.ownerOn(mt.day), source: r.u() };
  });
  // Record IDs grow with creation time.
  const byCreate = rows.slice().sort((x, y) => x.createKey - y.createKey || x.mt.day - y.mt.day || x.mt.start - y.mt.start || cmp(x.mt.a.name, y.mt.a.name));
  let id = 25083500000;
  for (const row of byCreate) { id += r.int(1, 4000); row.id = id; }
  return rows
    .sort((x, y) => x.mt.day - y.mt.day || x.mt.start - y.mt.start || x.id - y.id)
    .map(({ mt, outcome, createDay, createMin, owner, source, id }) => [
      String(id), mt.name, `${isoDay(mt.day)} ${hhmm(mt.start)}`, `${isoDay(mt.day)} ${hhmm(mt.start + mt.minutes)}`, outcome,
      owner.email, mt.a.name, source < 0.7 ? 'Calendar sync' : source < 0.9 ? 'Meetings tool' : 'CRM UI', `${isoDay(createDay)} ${hhmm(createMin)}`
    ]);
}

function salesforceActivitiesFile(seed, touches) {
  const r = stream(seed, 'salesforce');
  const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const sorted = touches.slice().sort((x, y) => x.day - y.day || cmp(x.a.name, y.a.name));
  let n = 62 ** 4 * 7;
  return sorted.map((t) => {
    n += r.int(1, 3000);
    let s = '';
    for (let k = 0, x = n; k < 5; k++, x = Math.floor(x / 62)) s = B62[x % 62] + s;
    return [`00T5e00000${s}`, t.subject, usDay(t.day), t.a.ownerOn(t.day).name, t.a.name, t.type, t.seconds === null ? '' : String(t.seconds)];
  });
}

function gainsightFile(snapshots) {
  return snapshots
    .sort((x, y) => x.day - y.day || cmp(x.a.name, y.a.name) || x.o.start - y.o.start)
    .map((s) => [
      s.a.name, s.o.plan, s.o.name, s.owner.name, s.status, String(s.pct), isoDay(s.o.start), isoDay(s.o.due),
      s.o.achieved !== null && s.status === 'Achieved' ? isoDay(s.o.achieved) : '', s.firstValue === null ? '' : isoDay(s.firstValue),
      String(s.health), String(s.a.arr), isoDay(s.day), s.o.gsid
    ]);
}

// ---------------------------------------------------------------------------------------------------------
// Goals (Lattice): quarterly, one row per goal with its latest check-in.

const QUARTERS = [['2025-07-01', '2025-09-30'], ['2025-10-01', '2025-12-31'], ['2026-01-01', '2026-03-31'], ['2026-04-01', '2026-06-30'], ['2026-07-01', '2026-09-30'], ['2026-10-01', '2026-12-31']];
const GOAL_SIZES = {
  'Enterprise East': { qbr: [6, 10], onb: [1, 3], arr: [100, 300] },
  'Enterprise West': { qbr: [6, 10], onb: [1, 3], arr: [100, 300] },
  'Mid-Market': { qbr: [5, 8], onb: [2, 5], arr: [40, 100] },
  Growth: { qbr: [3, 6], onb: [3, 8], arr: [20, 60] },
  Scale: { qbr: [2, 4], onb: [5, 12], arr: [10, 40] }
};
const TEAM_EFFECT = { 'Enterprise East': 4, 'Enterprise West': -10, 'Mid-Market': 0, Growth: 2, Scale: 0 };

function goalsFile(seed, roster) {
  const r = stream(seed, 'goals');
  const rows = [];
  const stamp = (d) => `${isoDay(d)}T${pad(r.int(8, 19))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}Z`;
  const money = (x) => `$${String(Math.round(x)).replace(/\B(?=(\d{3})+$)/g, ',')}`;
  const makeGoal = (owner, email, type, team, q, kind, qi, skill) => {
    const [qs, qe] = QUARTERS[qi].map(dayOf);
    const label = `Q${Math.floor((parts(qs)[1] - 1) / 3) + 1} ${parts(qs)[0]}`;
    const size = GOAL_SIZES[team.name];
    let title, start, target, decimals = 0;
    if (kind === 'nrr') { start = r.int(94, 100); target = r.int(102, 110); decimals = 1; title = type === 'Team' ? `${team.name}: net revenue retention ${target}% (${label})` : `Book NRR at ${target}% (${label})`; }
    else if (kind === 'qbr') { start = 0; target = r.int(...size.qbr) * (type === 'Team' ? team.csms.length : 1); title = `Run ${target} QBRs (${label})`; }
    else if (kind === 'onb') { start = 0; target = r.int(...size.onb) * (type === 'Team' ? team.csms.length : 1); title = `Complete ${target} onboardings (${label})`; }
    else { start = 0; target = r.int(...size.arr) * 1000 * (type === 'Team' ? 3 : 1); title = `Expand ARR by ${money(target)} (${label})`; }
    const current = qe > END; // the running quarter
    const dropped = !current && r.chance(0.04);
    const leftDuring = type === 'Individual' && q.term !== null && q.term <= qe;
    let pct; let status; let checkIn; let updated;
    if (current) {
      const elapsed = ((END - qs + 1) / (qe - qs + 1)) * 100;
      pct = clamp(elapsed * (0.95 + 0.01 * TEAM_EFFECT[team.name]) + 6 * skill + 14 * r.normal(), 0, 95);
      const pacing = pct - elapsed;
      status = pacing >= -8 ? 'On track' : pacing >= -20 ? 'At risk' : 'Off track';
      checkIn = 'Progress update';
      updated = stamp(END - r.int(0, 12));
    } else if (dropped || leftDuring) {
      const at = leftDuring ? q.term : r.int(qs + 20, qe - 20);
      pct = clamp(((at - qs) / (qe - qs)) * 80 + 15 * r.normal(), 0, 90);
      status = 'Dropped'; checkIn = 'Final'; updated = stamp(at);
    } else {
      pct = clamp(92 + TEAM_EFFECT[team.name] + 8 * skill + 18 * r.normal(), 10, 140);
      status = pct >= 100 ? 'Achieved' : 'Missed'; checkIn = 'Final'; updated = stamp(Math.min(END, qe + r.int(1, 10)));
    }
    let cur = start + (pct / 100) * (target - start);
    cur = decimals ? Math.round(cur * 10) / 10 : kind === 'arr' ? Math.round(cur / 100) * 100 : Math.round(cur);
    const realPct = Math.round(((cur - start) / (target - start)) * 100);
    if (status === 'Achieved' && realPct < 100) status = 'Missed';
    if (status === 'Missed' && realPct >= 100) status = 'Achieved';
    const fmt = (x) => (decimals ? x.toFixed(1) : String(x));
    rows.push({ key: [qs, type === 'Team' ? 0 : 1, owner], row: [title, owner, email, type, status, fmt(start), fmt(cur), fmt(target), `${Math.max(0, realPct)}%`, isoDay(qs), isoDay(qe), updated, checkIn] });
  };
  for (let qi = 0; qi < QUARTERS.length; qi++) {
    const [qs, qe] = QUARTERS[qi].map(dayOf);
    for (const team of roster.teams) {
      makeGoal(team.manager, team.managerEmail, 'Team', team, { term: null }, r.pick(['nrr', 'arr']), qi, 0);
      for (const c of team.csms) {
        if (c.hire > qs + 30 || (c.term !== null && c.term < qs)) continue;
        const kinds = r.sample(team.name === 'Scale' ? ['nrr', 'onb', 'arr', 'onb'] : ['nrr', 'qbr', 'onb', 'arr'], r.int(2, 4));
        for (const k of [...new Set(kinds)]) makeGoal(c.name, c.email, 'Individual', team, c, k, qi, c.skill);
      }
    }
  }
  return rows.sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1] || cmp(x.key[2], y.key[2])).map((x) => x.row);
}

// ---------------------------------------------------------------------------------------------------------

function peopleFile(roster) {
  const rows = [[VP.name, emailOf(VP.name), '', 'Customer Success Leadership', VP.title, VP.hire, '']];
  for (const t of roster.teams) {
    rows.push([t.manager, t.managerEmail, VP.name, t.name, 'Manager, Customer Success', t.managerHire, '']);
    for (const c of t.csms) rows.push([c.name, c.email, t.manager, t.name, c.title, isoDay(c.hire), c.term === null ? '' : isoDay(c.term)]);
  }
  return rows.sort((x, y) => cmp(x[0], y[0]));
}

function accountsFile(accounts) {
  return accounts.map((a) => [a.name, SEGMENTS[a.seg], a.ownerOn(END).name, String(a.arr), ukDay(a.renewal)]);
}

/**
 * Builds the whole demo set in memory. Returns the file texts (the Outlook one starts with a BOM character,
 * which writes as EF BB BF in UTF-8), the manifest, and the planted ground truth for tests.
 */
export function generateDemo(seed = DEFAULT_SEED) {
  const roster = buildRoster(seed);
  const accounts = buildAccounts(seed, roster);
  const months = buildMonths();
  const events = buildOneOnOnes(seed, roster, accounts);
  const { meetings, touches, snapshots } = simulateCustomers(seed, accounts, months);

  const rows = {
    'outlook_1on1s.csv': outlookFile(seed, events),
    'one_on_one_tracker.csv': trackerFile(seed, events),
    'hubspot_meetings.csv': hubspotFile(seed, meetings),
    'salesforce_activities.csv': salesforceActivitiesFile(seed, touches),
    'lattice_goals.csv': goalsFile(seed, roster),
    'gainsight_success_plans.csv': gainsightFile(snapshots),
    'people.csv': peopleFile(roster),
    'accounts.csv': accountsFile(accounts)
  };
  const style = {
    'outlook_1on1s.csv': { eol: '\r\n', bom: true },
    'salesforce_activities.csv': { eol: '\r\n' },
    'accounts.csv': { eol: '\r\n' }
  };
  const files = {};
  for (const { file } of FILES) files[file] = toCsv(HEADERS[file], rows[file], style[file] ?? {});
  const manifest = {
    generated: GENERATED,
    asOf: AS_OF,
    seed,
    files: FILES.map((f) => ({ file: f.file, table: f.table, rows: rows[f.file].length, layout: f.layout }))
  };
  return {
    files,
    manifest,
    planted: {
      cancelsAndReschedules: 'Marcus Ong',
      noCareerDevelopment: 'Priya Raman',
      everyOtherWeek: 'Tomás Ortega',
      highTouchLowProgress: HIGH_TOUCH_LOW_PROGRESS,
      lowTouchHighProgress: LOW_TOUCH_HIGH_PROGRESS
    }
  };
}

export function writeDemo(outDir, seed = DEFAULT_SEED) {
  const { files, manifest } = generateDemo(seed);
  rmSync(outDir, { recursive: true, force: true }); // no file of an older demo stays behind
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? 'static/demo';
  const manifest = writeDemo(out);
  const total = manifest.files.reduce((n, f) => n + f.rows, 0);
  console.log(`demo: wrote ${manifest.files.length} exports (${total} rows) and manifest.json to ${out}`);
}
