/**
 * One meeting, many exports: the calendar's meeting and the attendance report of it are one meeting, held
 * (a no-show when only one person joined a 1:1), with the report's attendance; nothing is counted twice.
 */
import { describe, it, expect } from 'vitest';
import { nodeDb, sql, stageCsv } from '$lib/testing/duckdb-node';
import { literal, ident } from '$lib/engine/sql';
import { buildModel, proposeMapping, sampleColumns } from '../build';
import { headerSignature, recognize } from '../recognize';
import { MEETING_COLUMNS, meetingRows, readAttendance } from '$lib/ingest/families/attendance';

const calendar = [
  'Subject,Start Date,Start Time,End Date,End Time,Meeting Organizer,Required Attendees',
  '1:1 Chris / Dana,2/14/2024,3:00:00 PM,2/14/2024,3:30:00 PM,chris@acme-cs.com,dana@acme-cs.com',
  '1:1 Chris / Sam,2/15/2024,10:00:00 AM,2/15/2024,10:30:00 AM,chris@acme-cs.com,sam@acme-cs.com',
  '1:1 Chris / Lee,2/16/2024,11:00:00 AM,2/16/2024,11:30:00 AM,chris@acme-cs.com,lee@acme-cs.com'
].join('\n');

/** An attendance report as the loader's reader shapes it (a Teams 2021 summary, then participants). */
function report(title: string, start: string, people: [string, string][]): (string | null)[][] {
  return [
    ['Meeting Summary', null],
    ['Total Number of Participants', String(people.length)],
    ['Meeting Title', title],
    ['Meeting Start Time', start],
    ['Meeting End Time', start.replace(/:0(\d):/, ':2$1:')],
    [null, null],
    ['Full Name', 'Join Time', 'Leave Time', 'Duration', 'Email', 'Role'],
    ...people.map(([name, email], i) => [name, start, start, '25m 0s', email, i === 0 ? 'Organizer' : 'Attendee'])
  ];
}

async function shaped(table: string, records: (string | null)[][]) {
  const rows = meetingRows(readAttendance(records)!);
  await sql(`CREATE OR REPLACE TABLE ${ident(table)} (${MEETING_COLUMNS.map((c) => `${ident(c)} VARCHAR`).join(', ')})`);
  await sql(`INSERT INTO ${ident(table)} VALUES ${rows.map((r) => `(${r.map((v) => literal(v || null)).join(', ')})`).join(', ')}`);
  return [...MEETING_COLUMNS];
}

async function file(id: number, name: string, staging: string, columns: string[]) {
  const recognition = recognize(await sampleColumns(staging, columns, 300, nodeDb));
  const { mapping } = await proposeMapping(staging, columns, 'meetings', recognition, false, 'en-US', nodeDb);
  return { src: { id, file: name, staging, layout: headerSignature(columns) }, mapping };
}

describe('an attendance report and the calendar meeting it records', { timeout: 30_000 }, () => {
  it('are one meeting: held, or a no-show when only the manager joined the 1:1', async () => {
    const cal = await file(500, 'calendar.csv', 'raw_cal', await stageCsv('raw_cal', 'calendar.csv', calendar));
    const held = await file(501, 'dana.csv', 'shaped_dana', await shaped('shaped_dana', report('1:1 Chris / Dana', '2/14/2024, 3:02:10 PM', [['Chris Vale', 'chris@acme-cs.com'], ['Dana Ortiz', 'dana@acme-cs.com']])));
    const alone = await file(502, 'sam.csv', 'shaped_sam', await shaped('shaped_sam', report('1:1 Chris / Sam', '2/15/2024, 10:01:00 AM', [['Chris Vale', 'chris@acme-cs.com']])));
    const elsewhere = await file(503, 'webinar.csv', 'shaped_web', await shaped('shaped_web', report('Customer webinar', '2/20/2024, 5:00:00 PM', [['Chris Vale', 'chris@acme-cs.com'], ['Ann Bo', 'ann@x.com']])));
    const result = await buildModel([cal, held, alone, elsewhere], nodeDb);
    expect(result.rows.meetings).toBe(4); // three on the calendar, and the webinar no calendar has
    expect(result.matched).toEqual({ 'dana.csv': 1, 'sam.csv': 1 });
    const rows = await sql(`SELECT source_file AS f, title, status, kind, attended FROM meetings ORDER BY start_at`);
    expect(rows).toEqual([
      { f: 'calendar.csv', title: '1:1 Chris / Dana', status: 'held', kind: 'one_on_one', attended: 2 },
      { f: 'calendar.csv', title: '1:1 Chris / Sam', status: 'no_show', kind: 'one_on_one', attended: 1 },
      { f: 'calendar.csv', title: '1:1 Chris / Lee', status: 'held', kind: 'one_on_one', attended: null },
      { f: 'webinar.csv', title: 'Customer webinar', status: 'held', kind: 'internal', attended: 2 }
    ]);
    const [{ attendance }] = await sql(`SELECT attendance FROM meetings WHERE title = '1:1 Chris / Dana'`);
    expect(attendance).toMatch(/Dana Ortiz <dana@acme-cs.com>, 2\/14\/2024, 3:02:10 PM/);
  });
});

describe('attendees place a meeting with its account', { timeout: 30_000 }, () => {
  it('by the email domain the accounts export carries, when the meeting names no account', async () => {
    const accounts = 'Account Name,Segment,Website\nGlobex,High touch,https://www.globex.com/\nInitech,Tech touch,initech.io\n';
    const meetings = [
      'Subject,Start,Organizer,Attendees',
      'QBR,2024-03-04 10:00,dana@acme-cs.com,lee@globex.com; dana@acme-cs.com',
      'Roadmap,2024-03-05 10:00,dana@acme-cs.com,bob@initech.io',
      'Team sync,2024-03-06 10:00,dana@acme-cs.com,chris@acme-cs.com'
    ].join('\n');
    const a = await file(600, 'accounts.csv', 'raw_acc_d', await stageCsv('raw_acc_d', 'accounts.csv', accounts));
    a.mapping = (await proposeMapping('raw_acc_d', ['Account Name', 'Segment', 'Website'], 'accounts', recognize(await sampleColumns('raw_acc_d', ['Account Name', 'Segment', 'Website'], 300, nodeDb)), false, 'en-US', nodeDb)).mapping;
    const m = await file(601, 'meetings.csv', 'raw_m_d', await stageCsv('raw_m_d', 'meetings.csv', meetings));
    await buildModel([a, m], nodeDb);
    expect(await sql(`SELECT title, account, kind FROM meetings ORDER BY start_at`)).toEqual([
      { title: 'QBR', account: 'Globex', kind: 'customer' },
      { title: 'Roadmap', account: 'Initech', kind: 'customer' },
      { title: 'Team sync', account: null, kind: 'internal' }
    ]);
  });
});
