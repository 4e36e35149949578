/**
 * Real export layouts (tests/fixtures/layouts, written from each tool's documented headers) go through
 * recognition, mapping and normalization on the real engine, and land as the expected canonical rows.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { nodeDb, sql, stageCsv } from '$lib/testing/duckdb-node';
import { buildModel, proposeMapping, sampleColumns } from './build';
import { headerSignature, recognize } from './recognize';

const dir = new URL('../../../tests/fixtures/layouts/', import.meta.url);

/** Read a fixture as the loader would: UTF-16 decoded, BOM stripped. */
function text(name: string): string {
  const bytes = readFileSync(new URL(name, dir));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder().decode(bytes[0] === 0xef ? bytes.subarray(3) : bytes);
}

let nextId = 100;
async function load(name: string, { delimiter, locale = 'en-US' }: { delimiter?: string; locale?: string } = {}) {
  const id = nextId++;
  const staging = `raw_${id}`;
  const columns = await stageCsv(staging, name, text(name), delimiter);
  const recognition = recognize(await sampleColumns(staging, columns, 300, nodeDb));
  const { mapping, decisions } = await proposeMapping(staging, columns, recognition.table, recognition, false, locale, nodeDb);
  const result = await buildModel([{ src: { id, file: name, staging, layout: headerSignature(columns) }, mapping }], nodeDb);
  return { recognition, mapping, decisions, result };
}

const fmt = (col: string) => `strftime(${col}, '%Y-%m-%d %H:%M')`;
const meetings = () => sql(`SELECT title, ${fmt('start_at')} AS s, duration_min AS d, status, kind, manager, csm, account FROM meetings ORDER BY start_at`);

describe('meetings layouts', { timeout: 30_000 }, () => {
  it('Outlook (English): split date/time, M/D/YYYY h:mm:ss AM, Canceled: prefix, categories as agenda', async () => {
    const { recognition, result } = await load('outlook_en.csv');
    expect(recognition.table).toBe('meetings');
    expect(result.unparsed[nextId - 1]).toEqual([]);
    expect(await meetings()).toEqual([
      { title: '1:1 Dana / Alex', s: '2025-03-03 09:30', d: 30, status: 'held', kind: 'one_on_one', manager: 'dana whitfield', csm: 'alex.nguyen@acme.example', account: null },
      { title: '1:1 Dana / Alex', s: '2025-03-10 09:30', d: 30, status: 'cancelled', kind: 'one_on_one', manager: 'dana whitfield', csm: 'alex.nguyen@acme.example', account: null },
      { title: 'QBR - Globex', s: '2025-03-13 14:00', d: 60, status: 'held', kind: 'internal', manager: null, csm: 'alex nguyen', account: null }
    ]);
    const [a] = await sql(`SELECT agenda_goals, agenda_career, agenda_coaching FROM meetings ORDER BY start_at LIMIT 1`);
    expect(a).toEqual({ agenda_goals: true, agenda_career: true, agenda_coaching: false });
  });
  it('Outlook (German): localized headers, semicolons, day-first dates', async () => {
    const { recognition, mapping, decisions } = await load('outlook_de.csv', { delimiter: ';', locale: 'en-US' });
    expect(recognition.table).toBe('meetings');
    expect(mapping.fields).toMatchObject({ title: 'Betreff', start: 'Beginnt am', start_time: 'Beginnt um', organizer: 'Organisator', attendees: 'Erforderliche Teilnehmer', agenda: 'Kategorien' });
    expect(decisions['Beginnt am'].order).toBe('dmy'); // 17.02 decides it, whatever the browser's locale
    expect((await meetings()).map((m) => [m.s, m.d, m.kind])).toEqual([
      ['2025-02-03 09:00', 30, 'one_on_one'],
      ['2025-02-17 09:00', 45, 'one_on_one']
    ]);
  });
  it('Outlook (French): "Début" and "Fin" named twice (date, then time), "Annulé :" cancels, an all-day seminar is no meeting', async () => {
    const { recognition, mapping, result } = await load('outlook_fr.csv', { locale: 'fr-FR' });
    expect(recognition.table).toBe('meetings');
    expect(mapping.fields).toMatchObject({ title: 'Objet', start: 'Début', start_time: 'Début_1', end: 'Fin', end_time: 'Fin_1', all_day: 'Journée entière', organizer: "Organisateur d'une réunion", attendees: 'Participants obligatoires', agenda: 'Catégories' });
    expect(result.allDay).toEqual({ 'outlook_fr.csv': 1 });
    expect((await meetings()).map((m) => [m.title, m.s, m.d, m.status])).toEqual([
      ['1:1 Claire / Léa', '2025-03-03 09:30', 30, 'held'],
      ['1:1 Claire / Léa', '2025-03-10 09:30', 30, 'cancelled']
    ]);
  });
  it('Salesforce events: UTC datetimes, header case varying, a type column', async () => {
    const { recognition, mapping } = await load('salesforce_events.csv');
    expect(recognition.table).toBe('meetings');
    expect(mapping.fields).toMatchObject({ meeting_id: 'Id', title: 'SUBJECT', start: 'StartDateTime', end: 'ENDDATETIME', organizer: 'OwnerId', kind: 'Type', duration: 'DurationInMinutes' });
    expect((await meetings()).map((m) => [m.s, m.d, m.kind, m.account])).toEqual([
      ['2025-03-04 15:00', 60, 'customer', 'Initech'],
      ['2025-03-05 08:30', 30, 'internal', null]
    ]);
  });
  it('HubSpot internal names: outcomes in capitals, UTC times', async () => {
    const { recognition } = await load('hubspot_internal.csv');
    expect(recognition.table).toBe('meetings');
    expect((await meetings()).map((m) => [m.status, m.kind, m.csm, m.d])).toEqual([
      ['held', 'customer', 'alex.nguyen@acme.example', 45],
      ['no_show', 'customer', 'alex.nguyen@acme.example', 30],
      ['rescheduled', 'customer', 'sam.patel@acme.example', 30]
    ]);
  });
  it('Zoom: meeting IDs with spaces stay text, "Start Time" holds the whole timestamp', async () => {
    const { mapping } = await load('zoom_meetings.csv');
    expect(mapping.fields).toMatchObject({ title: 'Topic', meeting_id: 'ID', organizer: 'Host', start: 'Start Time', end: 'End Time', duration: 'Duration (Minutes)' });
    expect(mapping.fields.attendees).toBeUndefined(); // "Participants" is a count there, not people
    const rows = await sql(`SELECT meeting_id, ${fmt('start_at')} AS s, duration_min AS d FROM meetings ORDER BY start_at`);
    expect(rows).toEqual([
      { meeting_id: '812 3456 7890', s: '2025-03-04 10:00', d: 28 },
      { meeting_id: '845 1111 2222', s: '2025-03-05 14:00', d: 55 }
    ]);
  });
  it('Teams (UTF-16, tabs): non-Latin names, comma inside the date', async () => {
    const { recognition } = await load('teams_meetings_utf16.csv', { delimiter: '\t' });
    expect(recognition.table).toBe('meetings');
    expect((await meetings()).map((m) => [m.title, m.s, m.kind, m.csm])).toEqual([
      ['1:1 Łukasz / Zoë', '2025-03-04 09:00', 'one_on_one', 'zoe.muller@acme.example'],
      ['Platform review – Globex', '2025-03-05 13:00', 'internal', 'zoe.muller@acme.example']
    ]);
  });
  it('Google Calendar: RFC 3339 offsets normalised to UTC, cancelled status', async () => {
    await load('google_calendar.csv');
    expect((await meetings()).map((m) => [m.s, m.status, m.kind])).toEqual([
      ['2025-03-04 17:00', 'held', 'one_on_one'],
      ['2025-03-11 16:00', 'cancelled', 'one_on_one']
    ]);
  });
  it('A spreadsheet tracker with Excel serial dates, h:mm durations, Y/N and agenda words', async () => {
    const { recognition } = await load('excel_serial_tracker.csv');
    expect(recognition.table).toBe('meetings');
    const rows = await sql(`SELECT ${fmt('start_at')} AS s, duration_min AS d, status, kind, manager, csm, prepared_by_report AS p, agenda_goals AS g, agenda_customers AS c, agenda_career AS k FROM meetings ORDER BY start_at`);
    expect(rows).toEqual([
      { s: '2025-03-04 00:00', d: 30, status: 'held', kind: 'one_on_one', manager: 'marcus.ong@acme.example', csm: 'sam.patel@acme.example', p: true, g: true, c: true, k: false },
      { s: '2025-03-11 00:00', d: null, status: 'rescheduled', kind: 'one_on_one', manager: 'marcus.ong@acme.example', csm: 'sam.patel@acme.example', p: false, g: false, c: false, k: false }
    ]);
  });
  it('Day-first dates with two-digit years are detected from a day above 12', async () => {
    const { decisions } = await load('dayfirst_tracker.csv', { locale: 'en-US' });
    expect(decisions.Date).toMatchObject({ order: 'dmy', question: null });
    expect((await meetings()).map((m) => [m.s, m.status])).toEqual([
      ['2022-11-15 00:00', 'held'],
      ['2022-11-22 00:00', 'no_show']
    ]);
  });
  it('Dates that read both ways ask the question and use the locale meanwhile', async () => {
    const { decisions } = await load('ambiguous_dates.csv', { locale: 'en-GB' });
    expect(decisions.Date.order).toBe('dmy');
    expect(decisions.Date.question?.text).toBe('Is 03/04/2025 the 3rd of April 2025 or March 4th 2025?');
    expect((await meetings()).map((m) => m.s)).toEqual(['2025-04-03 00:00', '2025-04-10 00:00']);
  });
});

describe('goals and outcomes layouts', () => {
  it('Asana/Lattice-style goals: fractions as percent', async () => {
    const { recognition, mapping } = await load('asana_goals.csv');
    expect(recognition.table).toBe('goals');
    expect(mapping.options.percentScale).toBe(100);
    const rows = await sql(`SELECT title, owner, progress_pct, status, strftime(due_date, '%Y-%m-%d') AS due FROM goals ORDER BY title`);
    expect(rows).toEqual([
      { title: 'Raise NRR to 110%', owner: 'alex.nguyen@acme.example', progress_pct: 80, status: 'on_track', due: '2025-03-31' },
      { title: 'Run 12 QBRs', owner: 'sam.patel@acme.example', progress_pct: 25, status: 'at_risk', due: '2025-03-31' }
    ]);
  });
  it('Totango objectives: outcomes with segment and achieved date', async () => {
    const { recognition } = await load('totango_objectives.csv');
    expect(recognition.table).toBe('outcomes');
    const rows = await sql(`SELECT account, outcome, segment, progress_pct, status, strftime(achieved_date, '%Y-%m-%d') AS done FROM outcomes ORDER BY account`);
    expect(rows).toEqual([
      { account: 'Globex', outcome: 'Cut onboarding time to 30 days', segment: 'High Touch', progress_pct: 100, status: 'achieved', done: '2025-03-20' },
      { account: 'Initech', outcome: 'Adopt reporting in 3 teams', segment: 'Tech Touch', progress_pct: 40, status: 'in_progress', done: null }
    ]);
  });
  it('BambooHR roster: the name split in two, Reports To written either way, tenure from hire and termination', async () => {
    const { recognition, mapping, result } = await load('bamboohr_roster.csv');
    expect(recognition.table).toBe('people');
    expect(mapping.fields).toMatchObject({ first_name: 'First Name', last_name: 'Last Name', email: 'Work Email', manager: 'Reports To', start_date: 'Hire Date', end_date: 'Termination Date', person_id: 'Employee #' });
    expect(result.unmatchedManagers).toEqual([]);
    const rows = await sql(`SELECT p.name, n.name AS manager, strftime(p.start_date, '%Y-%m-%d') AS hired, strftime(p.end_date, '%Y-%m-%d') AS left FROM people p LEFT JOIN person_names n ON n.person_key = p.manager_key ORDER BY p.name`);
    expect(rows).toEqual([
      { name: 'Alex Nguyen', manager: 'Dana Whitfield', hired: '2021-06-15', left: null },
      { name: 'Dana Whitfield', manager: null, hired: '2019-03-01', left: null },
      { name: 'Priya Shah', manager: 'Dana Whitfield', hired: '2022-01-10', left: '2024-09-30' }
    ]);
  });
});
