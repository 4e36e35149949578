import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from '$lib/testing/duckdb-node';
import { MACROS } from './macros';
import { FileSql, canonicalSql, fileViewSql, unparsedSql, DEFAULT_OPTIONS, type FileMapping, type FileSource } from './views';
import { DEFAULT_AGENDA_WORDS } from './vocab';
import type { CanonicalTable } from '$lib/model/schema';

/** A staging table as the loader makes it: every column VARCHAR, values as in the file. */
async function staging(name: string, header: string[], rows: (string | null)[][]) {
  const cols = header.map((h) => `"${h}" VARCHAR`).join(', ');
  const values = rows.map((r) => `(${r.map((v) => (v === null ? 'NULL' : `'${v.replaceAll("'", "''")}'`)).join(', ')})`).join(', ');
  await sql(`CREATE OR REPLACE TABLE "${name}" (${cols}); ${rows.length ? `INSERT INTO "${name}" VALUES ${values};` : ''}`);
}

const src = (id: number, staging: string): FileSource => ({ id, file: `${staging}.csv`, staging, layout: staging });
const map = (table: CanonicalTable, fields: Record<string, string>, options = {}): FileMapping => ({ table, fields, options: { ...DEFAULT_OPTIONS, ...options } });

async function build(files: [FileSource, FileMapping][]) {
  const byTable: Record<CanonicalTable, number[]> = { meetings: [], goals: [], outcomes: [], people: [], accounts: [] };
  for (const [s, m] of files) {
    await sql(fileViewSql(s, m));
    if (m.table !== 'unknown') byTable[m.table].push(s.id);
  }
  for (const stmt of canonicalSql(byTable)) await sql(stmt);
}

beforeAll(async () => {
  await sql(MACROS.join(';\n'));
  await staging('roster', ['Employee Name', 'Work Email', 'Manager', 'Team'], [
    ['Dana Whitfield', 'dana.whitfield@x.example', 'Vera Lopez', 'East'],
    ['Alex Nguyen', 'alex.nguyen@x.example', 'Dana Whitfield', 'East'],
    ['Sam Patel', 'sam.patel@x.example', 'Dana Whitfield', 'East']
  ]);
  await staging('outlook', ['Subject', 'Start Date', 'Start Time', 'End Date', 'End Time', 'Meeting Organizer', 'Required Attendees', 'Categories'], [
    ['1:1 Dana / Alex', '12/29/2025', '9:30:00 AM', '12/29/2025', '10:00:00 AM', 'Dana Whitfield', 'alex.nguyen@x.example', 'Goals & performance; Career development'],
    ['Canceled: 1:1 Dana / Alex', '1/5/2026', '9:30:00 AM', '1/5/2026', '10:00:00 AM', 'Dana Whitfield', 'alex.nguyen@x.example', ''],
    ['Weekly sync', '1/7/2026', '2:00:00 PM', '1/7/2026', '2:45:00 PM', 'Dana Whitfield', 'sam.patel@x.example', 'Coaching'],
    ['Team standup', '13/1/2026', '9:00:00 AM', '1/13/2026', '9:15:00 AM', 'Dana Whitfield', 'alex.nguyen@x.example; sam.patel@x.example', '']
  ]);
  await staging('hubspot', ['Record ID', 'Meeting name', 'Meeting start time', 'Meeting outcome', 'Activity assigned to', 'Associated Company', 'Duration'], [
    ['101', 'QBR', '2026-01-08 14:00', 'Completed', 'Alex Nguyen', 'Acme', '1:00:00'],
    ['102', 'Check-in', '2026-01-09 10:00', 'No show', 'sam.patel@x.example', 'Globex', '30'],
    ['102', 'Check-in', '2026-01-09 10:00', 'No show', 'sam.patel@x.example', 'Globex', '30'],
    ['103', 'Renewal', '2026-01-10 10:00', 'Pending review', 'alex.nguyen@x.example', 'Acme', '1h 30m'],
    ['104', 'Follow-up email', '2026-01-12 00:00', 'Completed', 'alex.nguyen@x.example', 'Acme', ''],
    ['105', 'Follow-up email', '2026-01-12 00:00', 'Completed', 'alex.nguyen@x.example', 'Acme', '']
  ]);
  // The same QBR exported again from another tool, with that tool's own id.
  await staging('calendar', ['Id', 'Subject', 'Start', 'Organizer', 'Company'], [['evt-9', 'QBR', '2026-01-08T14:00:00', 'alex.nguyen@x.example', 'Acme']]);
  await build([
    [src(1, 'roster'), map('people', { person: 'Employee Name', email: 'Work Email', manager: 'Manager', team: 'Team' })],
    [src(2, 'outlook'), map('meetings', { title: 'Subject', start: 'Start Date', start_time: 'Start Time', end: 'End Date', end_time: 'End Time', organizer: 'Meeting Organizer', attendees: 'Required Attendees', agenda: 'Categories' }, { dateOrders: { 'Start Date': 'mdy', 'End Date': 'mdy' } })],
    [src(3, 'hubspot'), map('meetings', { meeting_id: 'Record ID', title: 'Meeting name', start: 'Meeting start time', status: 'Meeting outcome', organizer: 'Activity assigned to', account: 'Associated Company', duration: 'Duration' }, { dateOrders: { 'Meeting start time': 'ymd' } })],
    [src(7, 'calendar'), map('meetings', { meeting_id: 'Id', title: 'Subject', start: 'Start', organizer: 'Organizer', account: 'Company' }, { dateOrders: { Start: 'ymd' } })]
  ]);
});

describe('meetings from an Outlook export and a HubSpot export', () => {
  it('combines split date and time columns and parses durations', async () => {
    const rows = await sql(`SELECT title, strftime(start_at, '%Y-%m-%d %H:%M') AS s, duration_min FROM meetings WHERE source_file = 'outlook.csv' ORDER BY source_row`);
    expect(rows[0]).toEqual({ title: '1:1 Dana / Alex', s: '2025-12-29 09:30', duration_min: 30 });
    expect(rows[2]).toEqual({ title: 'Weekly sync', s: '2026-01-07 14:00', duration_min: 45 });
    const hs = await sql(`SELECT meeting_id, duration_min FROM meetings WHERE source_file = 'hubspot.csv' ORDER BY source_row`);
    expect(hs.map((r) => r.duration_min)).toEqual([60, 30, 90, null, null]);
  });
  it("reads Outlook's Canceled: prefix as the status and strips it from the title", async () => {
    const [r] = await sql(`SELECT title, status FROM meetings WHERE source_file = 'outlook.csv' AND source_row = 2`);
    expect(r).toEqual({ title: '1:1 Dana / Alex', status: 'cancelled' });
  });
  it('infers 1:1s from the title or the roster, and customer meetings from the account', async () => {
    const rows = await sql(`SELECT source_file, source_row, kind, manager, csm FROM meetings WHERE source_file IN ('outlook.csv', 'hubspot.csv') AND source_row <= 4 ORDER BY source_file DESC, source_row`);
    expect(rows.map((r) => [r.kind, r.manager, r.csm])).toEqual([
      ['one_on_one', 'dana.whitfield@x.example', 'alex.nguyen@x.example'],
      ['one_on_one', 'dana.whitfield@x.example', 'alex.nguyen@x.example'],
      ['one_on_one', 'dana.whitfield@x.example', 'sam.patel@x.example'], // roster: Dana manages Sam, one attendee
      ['internal', 'vera lopez', 'dana.whitfield@x.example'], // two attendees: a team meeting, owned by its organizer
      ['customer', 'dana.whitfield@x.example', 'alex.nguyen@x.example'], // "Alex Nguyen" and alex.nguyen@ are one person
      ['customer', 'dana.whitfield@x.example', 'sam.patel@x.example'],
      ['customer', 'dana.whitfield@x.example', 'alex.nguyen@x.example']
    ]);
  });
  it('shows people by their roster name, or the spelling the exports use', async () => {
    const rows = await sql(`SELECT person_key, name FROM person_names ORDER BY person_key`);
    expect(rows).toContainEqual({ person_key: 'alex.nguyen@x.example', name: 'Alex Nguyen' });
    expect(rows).toContainEqual({ person_key: 'vera lopez', name: 'Vera Lopez' });
  });
  it('matches agenda items by keyword', async () => {
    const [r] = await sql(`SELECT agenda_goals, agenda_bottlenecks, agenda_customers, agenda_coaching, agenda_career FROM meetings WHERE source_file = 'outlook.csv' AND source_row = 1`);
    expect(r).toEqual({ agenda_goals: true, agenda_bottlenecks: false, agenda_customers: false, agenda_coaching: false, agenda_career: true });
    const hs = await sql(`SELECT count(*) FILTER (agenda_goals IS NULL)::INTEGER AS n FROM meetings WHERE source_file = 'hubspot.csv'`);
    expect(hs[0].n).toBe(5); // no agenda in that export: unknown, not "not covered"
  });
  it('uses the keyword lists the user edited', async () => {
    const m = map('meetings', { title: 'Subject', agenda: 'Categories' });
    const cols = new FileSql(src(2, 'outlook'), m, { ...DEFAULT_AGENDA_WORDS, coaching: ['sync'], career: [] }).meetings();
    const expr = (name: string) => cols.find(([n]) => n === name)![1];
    const rows = await sql(`SELECT ${expr('agenda_coaching')} AS coaching, ${expr('agenda_career')} AS career FROM outlook ORDER BY rowid`);
    expect(rows.map((r) => [r.coaching, r.career])).toEqual([
      [false, false],
      [false, false],
      [false, false], // "Coaching" is no longer a coaching word…
      [false, false]
    ]);
    const byTitle = new FileSql(src(2, 'outlook'), map('meetings', { title: 'Subject', notes: 'Subject' }), { ...DEFAULT_AGENDA_WORDS, coaching: ['sync'] }).meetings();
    const [r] = await sql(`SELECT ${byTitle.find(([n]) => n === 'agenda_coaching')![1]} AS c FROM outlook WHERE "Subject" = 'Weekly sync'`);
    expect(r.c).toBe(true); // …and "sync" in the notes now is
  });
  it('removes duplicated meetings (same id in one export; same start, title and people in another file)', async () => {
    const [r] = await sql(`SELECT (SELECT count(*) FROM meetings)::INTEGER + (SELECT count(*) FROM meeting_drops)::INTEGER AS before, (SELECT count(*) FROM meetings)::INTEGER AS after`);
    expect(r).toEqual({ before: 11, after: 9 });
    const kept = await sql(`SELECT source_file, meeting_id FROM meetings WHERE title IN ('QBR', 'Follow-up email') ORDER BY meeting_id`);
    expect(kept).toEqual([
      { source_file: 'hubspot.csv', meeting_id: '101' },
      { source_file: 'hubspot.csv', meeting_id: '104' },
      { source_file: 'hubspot.csv', meeting_id: '105' }
    ]);
  });
  it('counts values that cannot be read, with their rows', async () => {
    const q = unparsedSql(src(2, 'outlook'), map('meetings', { start: 'Start Date' }, { dateOrders: { 'Start Date': 'mdy' } }))!;
    const [r] = await sql(q);
    expect(r.n0).toBe(1);
    expect(r.x0).toBe('13/1/2026');
    const hq = unparsedSql(src(3, 'hubspot'), map('meetings', { status: 'Meeting outcome' }))!;
    const [h] = await sql(hq);
    expect(h.n0).toBe(1);
    expect(h.x0).toBe('Pending review');
    const [{ status }] = await sql(`SELECT status FROM meetings WHERE meeting_id = '103'`);
    expect(status).toBeNull();
  });
});

describe('goals and outcomes', () => {
  beforeAll(async () => {
    await staging('goals_src', ['Goal', 'Owner', 'Start Value', 'Current Value', 'Target Value', 'Goal % Completion', 'Status', 'due_on'], [
      ['NRR', 'Alex Nguyen', '90', '100', '110', '', 'On track', '2026-03-31'],
      ['QBRs', 'sam.patel@x.example', '0', '12', '10', '', 'Achieved', '2026-03-31'],
      ['Onboardings', 'Sam Patel', '', '', '', '0.25', 'At risk', '2026-03-31']
    ]);
    await staging('gs', ['Company Name', 'Objective Name', '% Complete', 'Snapshot Date'], [
      ['Acme', 'Reduce backlog', '40', '2026-01-31'],
      ['Acme', 'Reduce backlog', '55%', '2026-02-28']
    ]);
    await staging('accts', ['Account Name', 'Customer Segment', 'Account Owner'], [['Acme', 'High Touch', 'Alex Nguyen']]);
    await build([
      [src(1, 'roster'), map('people', { person: 'Employee Name', email: 'Work Email', manager: 'Manager', team: 'Team' })],
      [src(4, 'goals_src'), map('goals', { title: 'Goal', owner: 'Owner', start_value: 'Start Value', current_value: 'Current Value', target_value: 'Target Value', progress_pct: 'Goal % Completion', status: 'Status', due_date: 'due_on' })],
      [src(5, 'gs'), map('outcomes', { account: 'Company Name', outcome: 'Objective Name', progress_pct: '% Complete', as_of: 'Snapshot Date' }, { dateOrders: { 'Snapshot Date': 'ymd' } })],
      [src(6, 'accts'), map('accounts', { account: 'Account Name', segment: 'Customer Segment', csm: 'Account Owner' })]
    ]);
  });
  it('derives progress from values, clamps it, and says so', async () => {
    const rows = await sql(`SELECT title, owner, manager, progress_pct, progress_clamped, status FROM goals ORDER BY title`);
    expect(rows).toEqual([
      { title: 'NRR', owner: 'alex.nguyen@x.example', manager: 'dana.whitfield@x.example', progress_pct: 50, progress_clamped: false, status: 'on_track' },
      { title: 'Onboardings', owner: 'sam.patel@x.example', manager: 'dana.whitfield@x.example', progress_pct: 0.25, progress_clamped: false, status: 'at_risk' },
      { title: 'QBRs', owner: 'sam.patel@x.example', manager: 'dana.whitfield@x.example', progress_pct: 100, progress_clamped: true, status: 'achieved' }
    ]);
  });
  it('puts outcomes in their account segment and owner from the accounts table', async () => {
    const rows = await sql(`SELECT account, segment, csm, progress_pct, strftime(as_of, '%Y-%m-%d') AS as_of FROM outcomes ORDER BY as_of`);
    expect(rows).toEqual([
      { account: 'Acme', segment: 'High Touch', csm: 'alex.nguyen@x.example', progress_pct: 40, as_of: '2026-01-31' },
      { account: 'Acme', segment: 'High Touch', csm: 'alex.nguyen@x.example', progress_pct: 55, as_of: '2026-02-28' }
    ]);
  });
});
