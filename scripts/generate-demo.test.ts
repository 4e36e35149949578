/**
 * The demo dataset: deterministic, well-formed CSV in each tool's layout, and every planted pattern measurable
 * from the files alone (the way the app will have to find it), linking people across files through the roster.
 */
import { describe, it, expect } from 'vitest';
import {
  generateDemo,
  mulberry32,
  HIGH_TOUCH_LOW_PROGRESS,
  LOW_TOUCH_HIGH_PROGRESS
} from './generate-demo.js';

type Row = Record<string, string>;
interface Parsed {
  header: string[];
  records: string[][];
  rows: Row[];
  /** Record terminators as found outside quotes. */
  terminators: Set<string>;
}

/** A small quote-aware CSV reader: comma, double quotes doubled inside quoted fields, CRLF / LF / CR records. */
function parseCsv(text: string): Parsed {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  const terminators = new Set<string>();
  let record: string[] = [];
  let f = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') { f += '"'; i += 2; continue; }
        quoted = false;
      } else f += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (f !== '') throw new Error(`stray quote in record ${records.length + 1}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(f);
      f = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      const eol = c === '\r' && src[i + 1] === '\n' ? '\r\n' : c;
      terminators.add(eol);
      record.push(f);
      records.push(record);
      record = [];
      f = '';
      i += eol.length;
    } else {
      f += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (f !== '' || record.length) throw new Error('last record has no line terminator');
  const [header, ...data] = records;
  return { header, records: data, rows: data.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]]))), terminators };
}

const HEADERS: Record<string, string> = {
  'outlook_1on1s.csv': 'Subject,Start Date,Start Time,End Date,End Time,All day event,Reminder on/off,Meeting Organizer,Required Attendees,Optional Attendees,Categories,Description,Show time as',
  'one_on_one_tracker.csv': 'Date,Manager,Direct Report,Status,Agenda Covered,Report Brought Data,Duration,Notes',
  'hubspot_meetings.csv': 'Record ID,Meeting name,Meeting start time,Meeting end time,Meeting outcome,Activity assigned to,Associated Company,Meeting source,Create date',
  'salesforce_activities.csv': 'Activity ID,Subject,Activity Date,Assigned,Account Name,Task Subtype,Call Duration (Seconds)',
  'lattice_goals.csv': 'Goal,Owner,Owner Email ID,Goal Type,Status,Start Value,Current Value,Target Value,Goal % Completion,start_on,due_on,Last Updated,Check-In Type',
  'gainsight_success_plans.csv': 'Company Name,Success Plan Name,Objective Name,Objective Owner,Status,% Complete,Start Date,Due Date,Completed Date,First Value Date,Health Score,ARR,Snapshot Date,Objective GSID',
  'people.csv': 'Employee Name,Work Email,Manager,Team,Job Title,Hire Date,Termination Date',
  'accounts.csv': 'Account Name,Customer Segment,Account Owner,Annual Recurring Revenue,Renewal Date'
};
const TABLES: Record<string, string> = {
  'outlook_1on1s.csv': 'meetings', 'one_on_one_tracker.csv': 'meetings', 'hubspot_meetings.csv': 'meetings', 'salesforce_activities.csv': 'meetings',
  'lattice_goals.csv': 'goals', 'gainsight_success_plans.csv': 'outcomes', 'people.csv': 'people', 'accounts.csv': 'accounts'
};
const CRLF_FILES = new Set(['outlook_1on1s.csv', 'salesforce_activities.csv', 'accounts.csv']);
const AS_OF = '2026-10-30';
const START = '2025-05-05';
const AGENDA_LABELS = ['Goals & performance', 'Bottlenecks', 'Customer issues', 'Coaching', 'Career development'];
const AGENDA_WORDS = ['goals', 'blockers', 'customers', 'coaching', 'career'];

const demo = generateDemo();
const text = (name: string): string => {
  const v = demo.files[name];
  return typeof v === 'string' ? v : new TextDecoder().decode(v);
};
const T: Record<string, Parsed> = Object.fromEntries(Object.keys(HEADERS).map((f) => [f, parseCsv(text(f))]));
const rowsOf = (f: string) => T[f].rows;

// Dates as ISO strings, so they compare as text.
const pad = (n: number | string) => String(n).padStart(2, '0');
const fromUs = (s: string) => { const [m, d, y] = s.split('/'); return `${y}-${pad(m)}-${pad(d)}`; };
const fromUk = (s: string) => { const [d, m, y] = s.split('/'); return `${y}-${pad(m)}-${pad(d)}`; };
const dayNum = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
const validIso = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function ranks(xs: number[]): number[] {
  const idx = xs.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
    for (let k = i; k <= j; k++) r[idx[k][1]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}
function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const ma = mean(ra);
  const mb = mean(rb);
  let s = 0, sa = 0, sb = 0;
  for (let i = 0; i < ra.length; i++) { s += (ra[i] - ma) * (rb[i] - mb); sa += (ra[i] - ma) ** 2; sb += (rb[i] - mb) ** 2; }
  return s / Math.sqrt(sa * sb);
}

// The roster links names and emails; 1:1s are normalised to { manager, report, date, ... } through it.
const people = rowsOf('people.csv');
const nameByEmail = new Map(people.map((p) => [p['Work Email'], p['Employee Name']]));
const personByName = new Map(people.map((p) => [p['Employee Name'], p]));

interface OneOnOne { manager: string; report: string; date: string; cancelled: boolean; replacement: boolean; held: boolean; agenda: string[]; brought: boolean }
const oneOnOnes: OneOnOne[] = [
  ...rowsOf('outlook_1on1s.csv').map((r) => {
    const cancelled = r.Subject.startsWith('Canceled: ');
    return {
      manager: r['Meeting Organizer'], report: nameByEmail.get(r['Required Attendees']) ?? '?', date: fromUs(r['Start Date']),
      cancelled, replacement: r.Description.startsWith('Rescheduled from '), held: !cancelled,
      agenda: r.Categories ? r.Categories.split('; ') : [], brought: r.Description.includes('Report shared their metrics')
    };
  }),
  ...rowsOf('one_on_one_tracker.csv').filter((r) => r.Status !== 'Scheduled').map((r) => ({
    manager: nameByEmail.get(r.Manager) ?? '?', report: nameByEmail.get(r['Direct Report']) ?? '?', date: fromUk(r.Date),
    cancelled: r.Status === 'Cancelled' || r.Status === 'Rescheduled', replacement: r.Notes.startsWith('Rescheduled from '),
    held: r.Status === 'Held',
    agenda: r['Agenda Covered'] ? r['Agenda Covered'].split(', ').map((w) => AGENDA_LABELS[AGENDA_WORDS.indexOf(w)]) : [],
    brought: r['Report Brought Data'] === 'Y'
  }))
];
const MANAGERS = ['Dana Whitfield', 'Marcus Ong', 'Tomás Ortega', 'Priya Raman', 'Ken Adeyemi'];
const byManager = (m: string) => oneOnOnes.filter((o) => o.manager === m);
const cancelShare = (m: string) => { const xs = byManager(m).filter((o) => !o.replacement); return xs.filter((o) => o.cancelled).length / xs.length; };
const heldOf = (m: string) => byManager(m).filter((o) => o.held);
const share = (xs: OneOnOne[], p: (o: OneOnOne) => boolean) => xs.filter(p).length / xs.length;

// Accounts: customer meetings held and final outcome progress.
const accounts = rowsOf('accounts.csv');
const segmentOf = new Map(accounts.map((a) => [a['Account Name'], a['Customer Segment']]));
const meetingsOf = new Map(accounts.map((a) => [a['Account Name'], 0]));
for (const m of rowsOf('hubspot_meetings.csv')) {
  if (m['Meeting outcome'] === 'Completed' || m['Meeting outcome'] === 'Scheduled') meetingsOf.set(m['Associated Company'], (meetingsOf.get(m['Associated Company']) ?? 0) + 1);
}
const lastSnapshot = new Map<string, Row>();
for (const s of rowsOf('gainsight_success_plans.csv')) lastSnapshot.set(s['Objective GSID'], s);
const finals = new Map<string, number[]>();
for (const s of lastSnapshot.values()) finals.set(s['Company Name'], [...(finals.get(s['Company Name']) ?? []), +s['% Complete']]);
const progressOf = new Map([...finals].map(([a, xs]) => [a, mean(xs)]));
const planted = new Set([...HIGH_TOUCH_LOW_PROGRESS, ...LOW_TOUCH_HIGH_PROGRESS]);

describe('generateDemo: determinism and file format', () => {
  it('is deterministic: the same seed gives identical files, another seed different ones', () => {
    const again = generateDemo();
    expect(again.manifest).toEqual(demo.manifest);
    for (const name of Object.keys(demo.files)) expect(again.files[name] === demo.files[name], name).toBe(true);
    const other = generateDemo(7);
    expect(other.files['hubspot_meetings.csv']).not.toBe(demo.files['hubspot_meetings.csv']);
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('writes the eight exports with the exact headers and a manifest that counts their records', () => {
    expect(Object.keys(demo.files).sort()).toEqual(Object.keys(HEADERS).sort());
    expect(demo.manifest.asOf).toBe(AS_OF);
    expect(demo.manifest.generated).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(demo.manifest.files.map((f: { file: string }) => f.file).sort()).toEqual(Object.keys(HEADERS).sort());
    for (const f of demo.manifest.files as { file: string; table: string; rows: number; layout: string }[]) {
      expect(T[f.file].header.join(','), f.file).toBe(HEADERS[f.file]);
      expect(f.rows, f.file).toBe(T[f.file].records.length);
      expect(f.table, f.file).toBe(TABLES[f.file]);
      expect(f.layout.length, f.file).toBeGreaterThan(3);
    }
    const bytes = Object.values(demo.files).reduce((n, v) => n + (typeof v === 'string' ? Buffer.byteLength(v) : v.length), 0);
    expect(bytes).toBeLessThan(6_000_000);
  });

  it('keeps a constant field count per record, one line-ending style per file, and a final terminator', () => {
    for (const [name, p] of Object.entries(T)) {
      const widths = new Set(p.records.map((r) => r.length));
      expect([...widths], name).toEqual([p.header.length]);
      expect([...p.terminators], name).toEqual([CRLF_FILES.has(name) ? '\r\n' : '\n']);
      expect(/\r?\n$/.test(text(name)), name).toBe(true);
    }
    // Free text exercises quoting: embedded newlines, commas and doubled quotes.
    const notes = rowsOf('outlook_1on1s.csv').map((r) => r.Description);
    expect(notes.some((d) => d.includes('\n'))).toBe(true);
    expect(notes.some((d) => d.includes(',') && d.includes('"'))).toBe(true);
    expect(text('outlook_1on1s.csv')).toContain('""');
  });

  it('puts a UTF-8 BOM on the Outlook export only', () => {
    for (const name of Object.keys(HEADERS)) expect(text(name).charCodeAt(0) === 0xfeff, name).toBe(name === 'outlook_1on1s.csv');
    const raw = demo.files['outlook_1on1s.csv'];
    const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes dates and values in each tool\u2019s own formats', () => {
    // Collect problems and assert once: tens of thousands of expect() calls would make this slow.
    const bad: string[] = [];
    const want = (ok: boolean, what: string) => { if (!ok && bad.length < 20) bad.push(what); };
    const usDate = /^(1[0-2]|[1-9])\/([1-9]|[12]\d|3[01])\/20\d\d$/;
    const ukDate = /^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/20\d\d$/;
    const usTime = /^(1[0-2]|[1-9]):[0-5]\d:00 (AM|PM)$/;
    for (const r of rowsOf('outlook_1on1s.csv')) {
      want(usDate.test(r['Start Date']) && usDate.test(r['End Date']), `outlook date ${r['Start Date']}`);
      want(usTime.test(r['Start Time']) && usTime.test(r['End Time']), `outlook time ${r['Start Time']}`);
      want(r['All day event'] === 'False' && r['Reminder on/off'] === 'True' && r['Show time as'] === 'Busy', 'outlook flags');
      want(/^(Canceled: )?1:1 \S+ \/ \S+$/.test(r.Subject), `outlook subject ${r.Subject}`);
      for (const c of r.Categories ? r.Categories.split('; ') : []) want(AGENDA_LABELS.includes(c), `outlook category ${c}`);
      want(/^[a-z]+\.[a-z]+@cadence-demo\.example$/.test(r['Required Attendees']), `outlook attendee ${r['Required Attendees']}`);
    }
    for (const r of rowsOf('one_on_one_tracker.csv')) {
      want(ukDate.test(r.Date), `tracker date ${r.Date}`);
      want(['Held', 'Cancelled', 'Rescheduled', 'No-show', 'Scheduled'].includes(r.Status), `tracker status ${r.Status}`);
      if (r.Status === 'Scheduled') want(fromUk(r.Date) > AS_OF && !r['Agenda Covered'] && !r.Notes, `tracker Scheduled row ${r.Date}`);
      if (r.Status === 'Held') {
        want(/^[YN]$/.test(r['Report Brought Data']) && /^\d:[0-5]\d$/.test(r.Duration), `tracker held row ${r.Date}`);
        for (const w of r['Agenda Covered'].split(', ')) want(AGENDA_WORDS.includes(w), `tracker agenda ${w}`);
      }
    }
    const hubspot = rowsOf('hubspot_meetings.csv');
    for (const r of hubspot) {
      want(/^\d{11}$/.test(r['Record ID']), `hubspot id ${r['Record ID']}`);
      want(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/.test(r['Meeting start time']), `hubspot start ${r['Meeting start time']}`);
      want(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/.test(r['Meeting end time']) && r['Meeting end time'] > r['Meeting start time'], 'hubspot end');
      want(['Completed', 'Scheduled', 'Rescheduled', 'No show', 'Canceled'].includes(r['Meeting outcome']), `hubspot outcome ${r['Meeting outcome']}`);
      want(r['Create date'] <= r['Meeting start time'], `hubspot created after start ${r['Record ID']}`);
      if (r['Meeting outcome'] === 'Scheduled') want(r['Meeting start time'] >= '2026-10-28', `hubspot early Scheduled ${r['Record ID']}`);
    }
    want(new Set(hubspot.map((r) => r['Record ID'])).size === hubspot.length, 'hubspot ids unique');
    want(hubspot.some((r) => r['Meeting outcome'] === 'Scheduled'), 'some Scheduled');
    const activities = rowsOf('salesforce_activities.csv');
    want(new Set(activities.map((r) => r['Activity ID'])).size === activities.length, 'activity ids unique');
    for (const r of activities) {
      want(/^00T[0-9A-Za-z]{12}$/.test(r['Activity ID']), `activity id ${r['Activity ID']}`);
      want(usDate.test(r['Activity Date']), `activity date ${r['Activity Date']}`);
      want(['Email', 'Call', 'Task'].includes(r['Task Subtype']), `activity subtype ${r['Task Subtype']}`);
      want((r['Call Duration (Seconds)'] !== '') === (r['Task Subtype'] === 'Call'), 'call duration only on calls');
      want(r['Call Duration (Seconds)'] === '' || /^\d+$/.test(r['Call Duration (Seconds)']), 'call duration numeric');
    }
    for (const r of rowsOf('lattice_goals.csv')) {
      want(['On track', 'At risk', 'Off track', 'Achieved', 'Missed', 'Dropped'].includes(r.Status), `goal status ${r.Status}`);
      want(['Individual', 'Team'].includes(r['Goal Type']), `goal type ${r['Goal Type']}`);
      want(/^\d+%$/.test(r['Goal % Completion']), `goal pct ${r['Goal % Completion']}`);
      want(validIso(r.start_on) && validIso(r.due_on) && r.start_on < r.due_on, `goal dates ${r.start_on}`);
      want(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(r['Last Updated']), `goal updated ${r['Last Updated']}`);
      want(r['Check-In Type'] === (['On track', 'At risk', 'Off track'].includes(r.Status) ? 'Progress update' : 'Final'), 'check-in type');
      want(/^\d+(\.\d)?$/.test(r['Start Value']) && /^\d+(\.\d)?$/.test(r['Current Value']) && /^\d+(\.\d)?$/.test(r['Target Value']), 'goal values');
    }
    want(rowsOf('lattice_goals.csv').some((r) => r['Goal Type'] === 'Team'), 'team goals');
    const objective = new Map<string, string>();
    for (const r of rowsOf('gainsight_success_plans.csv')) {
      want(/^[0-9a-f]{32}$/.test(r['Objective GSID']), `gsid ${r['Objective GSID']}`);
      const key = `${r['Company Name']}|${r['Objective Name']}|${r['Start Date']}|${r['Due Date']}`;
      want((objective.get(r['Objective GSID']) ?? key) === key, `gsid not stable ${r['Objective GSID']}`);
      objective.set(r['Objective GSID'], key);
      want(['Not Started', 'In Progress', 'At Risk', 'Achieved', 'Overdue'].includes(r.Status), `objective status ${r.Status}`);
      want(/^(\d|[1-9]\d|100)$/.test(r['% Complete']), `% complete ${r['% Complete']}`);
      want(/^\d+$/.test(r['Health Score']) && +r['Health Score'] <= 100, `health ${r['Health Score']}`);
      want((r['Completed Date'] !== '') === (r.Status === 'Achieved'), 'completed date only when achieved');
      want((r['% Complete'] === '100') === (r.Status === 'Achieved'), 'achieved at 100%');
      want(['Start Date', 'Due Date', 'Snapshot Date'].every((k) => validIso(r[k])), 'objective dates');
      want(r['First Value Date'] === '' || (validIso(r['First Value Date']) && r['First Value Date'] <= r['Snapshot Date']), 'first value date');
      want(r.ARR === accounts.find((a) => a['Account Name'] === r['Company Name'])?.['Annual Recurring Revenue'] || r.ARR === '', 'ARR matches');
    }
    // One row per objective per snapshot, and none after the one where it is achieved.
    const seen = new Set<string>();
    const done = new Set<string>();
    for (const r of rowsOf('gainsight_success_plans.csv')) {
      const k = `${r['Objective GSID']}|${r['Snapshot Date']}`;
      want(!seen.has(k) && !done.has(r['Objective GSID']), `duplicate or post-achievement row ${k}`);
      seen.add(k);
      if (r.Status === 'Achieved') done.add(r['Objective GSID']);
    }
    for (const r of accounts) {
      want(ukDate.test(r['Renewal Date']), `renewal ${r['Renewal Date']}`);
      want(/^\d+$/.test(r['Annual Recurring Revenue']), `arr ${r['Annual Recurring Revenue']}`);
      want(['High Touch', 'Mid Touch', 'Tech Touch'].includes(r['Customer Segment']), `segment ${r['Customer Segment']}`);
    }
    for (const p of people) want(validIso(p['Hire Date']) && (p['Termination Date'] === '' || validIso(p['Termination Date'])), 'people dates');
    expect(bad).toEqual([]);
  });

  it('writes day-first dates that can be told from month-first ones (a day above 12)', () => {
    expect(rowsOf('one_on_one_tracker.csv').some((r) => +r.Date.slice(0, 2) > 12)).toBe(true);
    expect(accounts.some((r) => +r['Renewal Date'].slice(0, 2) > 12)).toBe(true);
  });

  it('lists the coming two weeks in the tracker, with the planted gaps', () => {
    const scheduled = rowsOf('one_on_one_tracker.csv').filter((r) => r.Status === 'Scheduled').map((r) => ({ manager: nameByEmail.get(r.Manager), report: nameByEmail.get(r['Direct Report']), date: fromUk(r.Date) }));
    expect(scheduled.every((x) => x.date > AS_OF && x.date <= '2026-11-13')).toBe(true);
    // Every report of Priya and Ken still on the team has a 1:1 booked in each week, but the planted two.
    const reportsAtEnd = (m: string) => people.filter((p) => p.Manager === m && !p['Termination Date']).map((p) => p['Employee Name']);
    const booked = (report: string, from: string, to: string) => scheduled.some((x) => x.report === report && x.date >= from && x.date <= to);
    const gaps = ['Priya Raman', 'Ken Adeyemi'].flatMap((m) =>
      reportsAtEnd(m).flatMap((rep) => [booked(rep, '2026-11-02', '2026-11-08') ? [] : [[m, rep, 'next week']], booked(rep, '2026-11-09', '2026-11-15') ? [] : [[m, rep, 'week after']]].flat())
    );
    expect(gaps.map(([m, , w]) => `${m}: ${w}`)).toEqual(['Priya Raman: next week', 'Ken Adeyemi: next week', 'Ken Adeyemi: week after']);
    expect(scheduled.every((x) => x.manager === 'Priya Raman' || x.manager === 'Ken Adeyemi')).toBe(true);
  });

  it('dates every event within the period: the last one is the as-of date', () => {
    const dates = [
      ...oneOnOnes.map((o) => o.date),
      ...rowsOf('hubspot_meetings.csv').flatMap((r) => [r['Meeting start time'].slice(0, 10), r['Create date'].slice(0, 10)]),
      ...rowsOf('salesforce_activities.csv').map((r) => fromUs(r['Activity Date'])),
      ...rowsOf('gainsight_success_plans.csv').map((r) => r['Snapshot Date']),
      ...rowsOf('lattice_goals.csv').map((r) => r['Last Updated'].slice(0, 10))
    ];
    expect(dates.filter((d) => !validIso(d)).slice(0, 5)).toEqual([]);
    expect(dates.reduce((a, b) => (a > b ? a : b))).toBe(AS_OF);
    expect(dates.reduce((a, b) => (a < b ? a : b)) >= START).toBe(true);
    expect(oneOnOnes.map((o) => o.date).reduce((a, b) => (a < b ? a : b))).toBe('2025-05-06');
  });
});

describe('generateDemo: the organisation', () => {
  it('has a VP, five managers with 6–9 CSMs each, and names and emails that link across files', () => {
    const vp = people.filter((p) => p['Job Title'].startsWith('VP'));
    expect(vp).toHaveLength(1);
    const managers = people.filter((p) => p.Manager === vp[0]['Employee Name']);
    expect(managers.map((p) => p['Employee Name']).sort()).toEqual([...MANAGERS].sort());
    for (const m of managers) {
      const team = people.filter((p) => p.Manager === m['Employee Name']);
      const current = team.filter((p) => p['Termination Date'] === '');
      expect(current.length).toBeGreaterThanOrEqual(6);
      expect(current.length).toBeLessThanOrEqual(9);
    }
    const csms = people.filter((p) => MANAGERS.includes(p.Manager));
    expect(csms.length).toBeGreaterThanOrEqual(35);
    expect(csms.length).toBeLessThanOrEqual(42);
    for (const p of people) {
      const expected = p['Employee Name'].normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(' ', '.');
      expect(p['Work Email']).toBe(`${expected}@cadence-demo.example`);
    }
    // Every person a file names, by display name or by email, is in the roster.
    const emails = new Set(people.map((p) => p['Work Email']));
    const unknown = [
      ...rowsOf('hubspot_meetings.csv').map((r) => r['Activity assigned to']).filter((e) => !emails.has(e)),
      ...rowsOf('one_on_one_tracker.csv').flatMap((r) => [r.Manager, r['Direct Report']]).filter((e) => !emails.has(e)),
      ...rowsOf('lattice_goals.csv').filter((r) => nameByEmail.get(r['Owner Email ID']) !== r.Owner).map((r) => r.Owner),
      ...rowsOf('salesforce_activities.csv').map((r) => r.Assigned).filter((n) => !personByName.has(n)),
      ...rowsOf('gainsight_success_plans.csv').map((r) => r['Objective Owner']).filter((n) => !personByName.has(n)),
      ...accounts.filter((r) => personByName.get(r['Account Owner'])?.['Termination Date'] !== '').map((r) => r['Account Owner']),
      ...oneOnOnes.filter((o) => personByName.get(o.report)?.Manager !== o.manager).map((o) => `${o.manager}/${o.report}`)
    ];
    expect(unknown.slice(0, 10)).toEqual([]);
    expect(people.some((p) => p['Employee Name'] !== p['Employee Name'].normalize('NFD'))).toBe(true); // accents
  });

  it('has about 300 accounts in the three AX segments, with ARR that fits the segment', () => {
    expect(accounts.length).toBe(300);
    const count = (s: string) => accounts.filter((a) => a['Customer Segment'] === s).length / accounts.length;
    expect(count('High Touch')).toBeCloseTo(0.15, 1);
    expect(count('Mid Touch')).toBeCloseTo(0.35, 1);
    expect(count('Tech Touch')).toBeCloseTo(0.5, 1);
    const arr = (s: string) => median(accounts.filter((a) => a['Customer Segment'] === s).map((a) => +a['Annual Recurring Revenue']));
    expect(arr('High Touch')).toBeGreaterThan(arr('Mid Touch'));
    expect(arr('Mid Touch')).toBeGreaterThan(arr('Tech Touch'));
    expect(new Set(accounts.map((a) => a['Account Name'])).size).toBe(300);
    expect(accounts.some((a) => a['Account Name'].includes(','))).toBe(true);
    // Each account has one to three objectives.
    for (const a of accounts) {
      const n = finals.get(a['Account Name'])?.length ?? 0;
      expect(n, a['Account Name']).toBeGreaterThanOrEqual(1);
      expect(n, a['Account Name']).toBeLessThanOrEqual(3);
    }
  });

  it('has roster churn, and meetings only while a person is on the team', () => {
    const joiners = people.filter((p) => p['Hire Date'] > START);
    const leavers = people.filter((p) => p['Termination Date'] !== '');
    expect(joiners.length).toBeGreaterThanOrEqual(3);
    expect(leavers.length).toBeGreaterThanOrEqual(2);
    for (const p of leavers) expect(p['Termination Date'] > START && p['Termination Date'] < AS_OF).toBe(true);
    const inTenure = (name: string, date: string) => {
      const p = personByName.get(name)!;
      return date >= p['Hire Date'] && (p['Termination Date'] === '' || date <= p['Termination Date']);
    };
    const outside = [
      ...oneOnOnes.filter((o) => !inTenure(o.report, o.date)).map((o) => `1:1 ${o.report} ${o.date}`),
      ...rowsOf('hubspot_meetings.csv').filter((r) => !inTenure(nameByEmail.get(r['Activity assigned to'])!, r['Meeting start time'].slice(0, 10))).map((r) => r['Record ID']),
      ...rowsOf('salesforce_activities.csv').filter((r) => !inTenure(r.Assigned, fromUs(r['Activity Date']))).map((r) => r['Activity ID']),
      ...rowsOf('gainsight_success_plans.csv').filter((r) => !inTenure(r['Objective Owner'], r['Snapshot Date']) && r['Snapshot Date'] >= START).map((r) => r['Objective GSID'])
    ];
    expect(outside.slice(0, 10)).toEqual([]);
    for (const p of [...joiners, ...leavers]) expect(oneOnOnes.some((o) => o.report === p['Employee Name'])).toBe(true);
  });
});

describe('generateDemo: planted patterns', () => {
  it('1. Marcus Ong cancels or reschedules ~30–35% of his 1:1s, the others under 10%', () => {
    expect(cancelShare('Marcus Ong')).toBeGreaterThan(0.25);
    expect(cancelShare('Marcus Ong')).toBeLessThan(0.4);
    for (const m of MANAGERS.filter((x) => x !== 'Marcus Ong')) {
      expect(cancelShare(m), m).toBeGreaterThan(0.02);
      expect(cancelShare(m), m).toBeLessThan(0.1);
    }
    // Each reschedule is a cancelled occurrence plus a held one 1–3 working days later, in the same or next week.
    const outlook = rowsOf('outlook_1on1s.csv');
    const cancelled = new Set(outlook.filter((x) => x.Subject.startsWith('Canceled: ')).map((x) => `${x.Subject.slice(10)}|${x['Start Date']}`));
    const moved = outlook.filter((x) => x.Description.startsWith('Rescheduled from '));
    expect(moved.length).toBeGreaterThan(50);
    const wrong = moved.filter((r) => {
      const from = r.Description.slice('Rescheduled from '.length).split('. ')[0].replace(/\.$/, '');
      const a = dayNum(fromUs(from));
      const b = dayNum(fromUs(r['Start Date']));
      const mondayOf = (d: number) => d - ((d + 3) % 7);
      return !(b > a && b - a <= 7 && mondayOf(b) - mondayOf(a) <= 7 && cancelled.has(`${r.Subject}|${from}`));
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    const trackerMoved = rowsOf('one_on_one_tracker.csv').filter((r) => r.Notes.startsWith('Rescheduled from '));
    const trackerOriginals = new Set(rowsOf('one_on_one_tracker.csv').filter((r) => r.Status === 'Rescheduled').map((r) => `${r['Direct Report']}|${r.Date}`));
    expect(trackerMoved.length).toBeGreaterThan(10);
    expect(trackerMoved.filter((r) => !trackerOriginals.has(`${r['Direct Report']}|${r.Notes.slice(17, 27)}`))).toEqual([]);
  });

  it('2. Priya Raman never covers career development; the others do in 25–40% of held 1:1s', () => {
    expect(heldOf('Priya Raman').length).toBeGreaterThan(300);
    expect(heldOf('Priya Raman').some((o) => o.agenda.includes('Career development'))).toBe(false);
    for (const m of MANAGERS.filter((x) => x !== 'Priya Raman')) {
      const s = share(heldOf(m), (o) => o.agenda.includes('Career development'));
      expect(s, m).toBeGreaterThan(0.22);
      expect(s, m).toBeLessThan(0.42);
    }
  });

  it('3. Tomás Ortega holds 1:1s about every other week; the others about weekly', () => {
    const meanGap = (m: string) => {
      const gaps: number[] = [];
      const byReport = new Map<string, number[]>();
      for (const o of heldOf(m)) byReport.set(o.report, [...(byReport.get(o.report) ?? []), dayNum(o.date)]);
      for (const ds of byReport.values()) {
        ds.sort((a, b) => a - b);
        for (let i = 1; i < ds.length; i++) gaps.push(ds[i] - ds[i - 1]);
      }
      return mean(gaps);
    };
    expect(meanGap('Tomás Ortega')).toBeGreaterThan(12);
    expect(meanGap('Tomás Ortega')).toBeLessThan(18);
    for (const m of MANAGERS.filter((x) => x !== 'Tomás Ortega')) expect(meanGap(m), m).toBeLessThan(10);
  });

  it('4–5. the planted accounts sit in the right quadrants against their segment medians', () => {
    expect(HIGH_TOUCH_LOW_PROGRESS).toHaveLength(12);
    expect(LOW_TOUCH_HIGH_PROGRESS).toHaveLength(12);
    const medians = new Map<string, { meetings: number; progress: number }>();
    for (const s of ['High Touch', 'Mid Touch', 'Tech Touch']) {
      const names = accounts.filter((a) => a['Customer Segment'] === s).map((a) => a['Account Name']);
      medians.set(s, { meetings: median(names.map((a) => meetingsOf.get(a)!)), progress: median(names.map((a) => progressOf.get(a)!)) });
    }
    for (const a of HIGH_TOUCH_LOW_PROGRESS) {
      const md = medians.get(segmentOf.get(a)!)!;
      expect(meetingsOf.get(a), a).toBeGreaterThan(1.5 * md.meetings);
      expect(progressOf.get(a), a).toBeLessThan(md.progress);
    }
    for (const a of LOW_TOUCH_HIGH_PROGRESS) {
      const md = medians.get(segmentOf.get(a)!)!;
      expect(meetingsOf.get(a), a).toBeLessThan(md.meetings);
      expect(progressOf.get(a), a).toBeGreaterThan(md.progress);
    }
    // Low-touch accounts get their touches asynchronously instead.
    const asyncs = new Map<string, number>();
    for (const r of rowsOf('salesforce_activities.csv')) asyncs.set(r['Account Name'], (asyncs.get(r['Account Name']) ?? 0) + 1);
    const medianAsync = median(accounts.map((a) => asyncs.get(a['Account Name']) ?? 0));
    expect(median(LOW_TOUCH_HIGH_PROGRESS.map((a) => asyncs.get(a) ?? 0))).toBeGreaterThan(medianAsync);
    // Tech touch accounts get most of their touches from the activity report.
    const tech = accounts.filter((a) => a['Customer Segment'] === 'Tech Touch').map((a) => a['Account Name']);
    const techAsync = tech.reduce((n, a) => n + (asyncs.get(a) ?? 0), 0);
    const techMeet = tech.reduce((n, a) => n + meetingsOf.get(a)!, 0);
    expect(techAsync).toBeGreaterThan(3 * techMeet);
  });

  it('6. meetings relate mildly to progress, and struggling accounts attract extra meetings', () => {
    const ordinary = accounts.map((a) => a['Account Name']).filter((a) => !planted.has(a));
    const rhoOrdinary = spearman(ordinary.map((a) => meetingsOf.get(a)!), ordinary.map((a) => progressOf.get(a)!));
    expect(rhoOrdinary).toBeGreaterThan(0.1);
    expect(rhoOrdinary).toBeLessThan(0.5);
    const all = accounts.map((a) => a['Account Name']);
    const rhoAll = spearman(all.map((a) => meetingsOf.get(a)!), all.map((a) => progressOf.get(a)!));
    expect(rhoAll).toBeGreaterThan(0);
    expect(rhoAll).toBeLessThan(0.4);
    // Within an account: meetings in the month after a month-end snapshot showing trouble vs after a calm one.
    const troubled = new Map<string, boolean>();
    for (const s of rowsOf('gainsight_success_plans.csv')) {
      const k = `${s['Company Name']}|${s['Snapshot Date'].slice(0, 7)}`;
      troubled.set(k, (troubled.get(k) ?? false) || s.Status === 'At Risk' || s.Status === 'Overdue');
    }
    const perMonth = new Map<string, number>();
    for (const m of rowsOf('hubspot_meetings.csv')) {
      const k = `${m['Associated Company']}|${m['Meeting start time'].slice(0, 7)}`;
      perMonth.set(k, (perMonth.get(k) ?? 0) + 1);
    }
    const months: string[] = [];
    for (let y = 2025, mo = 5; y < 2026 || mo <= 10; mo === 12 ? ((y += 1), (mo = 1)) : (mo += 1)) months.push(`${y}-${pad(mo)}`);
    const ratios: number[] = [];
    for (const a of ordinary.filter((x) => segmentOf.get(x) !== 'Tech Touch')) {
      const bad: number[] = [];
      const calm: number[] = [];
      for (let i = 1; i < months.length; i++) {
        const k = `${a}|${months[i - 1]}`;
        if (!troubled.has(k)) continue;
        (troubled.get(k) ? bad : calm).push(perMonth.get(`${a}|${months[i]}`) ?? 0);
      }
      if (bad.length >= 2 && calm.length >= 2 && mean(calm) > 0) ratios.push(mean(bad) / mean(calm));
    }
    expect(ratios.length).toBeGreaterThan(30);
    expect(median(ratios)).toBeGreaterThan(1.2);
  });

  it('7. reports bring the data to ~60% of 1:1s, less on Marcus Ong\u2019s team', () => {
    const others = MANAGERS.filter((m) => m !== 'Marcus Ong').flatMap(heldOf);
    expect(share(others, (o) => o.brought)).toBeGreaterThan(0.52);
    expect(share(others, (o) => o.brought)).toBeLessThan(0.7);
    expect(share(heldOf('Marcus Ong'), (o) => o.brought)).toBeLessThan(0.45);
    expect(share(oneOnOnes.filter((o) => o.held), (o) => o.brought)).toBeGreaterThan(0.5);
  });
});
