/**
 * A Salesforce Data Export (Event, Task, User and Account objects, written as the Data Loader writes them)
 * goes through recognition, mapping and the model build on the real engine, and lands as the meetings,
 * people and accounts someone who knows Salesforce would read from it.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { nodeDb, sql, stageCsv } from '$lib/testing/duckdb-node';
import { buildModel, proposeMapping, sampleColumns } from '../build';
import { headerSignature, recognize } from '../recognize';
import { readSalesforce } from './salesforce';

const dir = new URL('../../../../tests/fixtures/families/salesforce/', import.meta.url);

async function stage(name: string, id: number) {
  const staging = `raw_sf_${id}`;
  const columns = await stageCsv(staging, name, readFileSync(new URL(name, dir), 'utf8'));
  const sf = readSalesforce(columns)!;
  const recognized = recognize(await sampleColumns(staging, columns, 300, nodeDb));
  const recognition = { ...recognized, table: sf.table, confidence: 1, fields: sf.fields };
  const { mapping } = await proposeMapping(staging, columns, sf.table, recognition, false, 'en-US', nodeDb);
  return { src: { id, file: name, staging, layout: headerSignature(columns) }, mapping };
}

describe('a Salesforce Data Export, object by object', { timeout: 30_000 }, () => {
  it('reads Events and Tasks as touches with names resolved through User and Account; the null id is no account', async () => {
    const files = await Promise.all(['User.csv', 'Account.csv', 'Event.csv', 'Task.csv'].map((n, i) => stage(n, 400 + i)));
    const result = await buildModel(files, nodeDb);
    expect(result.rows).toMatchObject({ meetings: 8, people: 3, accounts: 2 });
    expect(result.allDay).toEqual({ 'Event.csv': 1 }); // the offsite is a calendar block, not a meeting
    const rows = await sql(`
      SELECT source_file AS f, title, strftime(start_at, '%Y-%m-%d %H:%M') AS s, status, channel, kind, account, csm, round(duration_min)::INTEGER AS d
      FROM meetings ORDER BY start_at, title`);
    expect(rows).toEqual([
      { f: 'Event.csv', title: 'QBR Globex', s: '2024-03-04 15:00', status: 'held', channel: 'meeting', kind: 'customer', account: 'Globex Corporation', csm: 'alex.nguyen@acme.example', d: 60 },
      { f: 'Task.csv', title: 'Email: renewal quote', s: '2024-03-05 00:00', status: 'held', channel: 'email', kind: 'customer', account: 'Globex Corporation', csm: 'alex.nguyen@acme.example', d: null },
      { f: 'Event.csv', title: 'Onboarding check-in', s: '2024-03-06 09:30', status: 'held', channel: 'meeting', kind: 'customer', account: 'Globex Corporation', csm: 'alex.nguyen@acme.example', d: 30 },
      { f: 'Event.csv', title: 'Initech roadmap call', s: '2024-03-07 14:00', status: 'held', channel: 'call', kind: 'customer', account: 'Initech', csm: 'priya.shah@acme.example', d: 45 },
      { f: 'Task.csv', title: 'Call: usage review', s: '2024-03-07 00:00', status: 'held', channel: 'call', kind: 'customer', account: 'Initech', csm: 'priya.shah@acme.example', d: 9 },
      { f: 'Event.csv', title: 'Exec sponsor intro', s: '2024-03-11 16:00', status: 'held', channel: 'meeting', kind: 'internal', account: null, csm: 'alex.nguyen@acme.example', d: 30 },
      { f: 'Task.csv', title: 'Send QBR deck', s: '2024-03-12 00:00', status: 'scheduled', channel: 'async', kind: 'customer', account: 'Globex Corporation', csm: 'alex.nguyen@acme.example', d: null },
      { f: 'Task.csv', title: 'Follow-up email', s: '2024-03-14 00:00', status: 'scheduled', channel: 'email', kind: 'customer', account: 'Initech', csm: 'priya.shah@acme.example', d: null }
    ].sort((a, b) => (a.s + a.title < b.s + b.title ? -1 : 1)));
    const people = await sql(`SELECT p.name, p.team, n.name AS manager FROM people p LEFT JOIN person_names n ON n.person_key = p.manager_key ORDER BY p.name`);
    expect(people).toEqual([
      { name: 'Alex Nguyen', team: 'Customer Success', manager: 'Dana Whitfield' },
      { name: 'Dana Whitfield', team: 'Customer Success', manager: null },
      { name: 'Priya Shah', team: 'Customer Success', manager: 'Dana Whitfield' }
    ]);
    expect(await sql(`SELECT account, segment, csm, arr, strftime(renewal_date, '%Y-%m-%d') AS r FROM accounts ORDER BY account`)).toEqual([
      { account: 'Globex Corporation', segment: 'High touch', csm: 'alex.nguyen@acme.example', arr: 480000, r: '2025-06-30' },
      { account: 'Initech', segment: 'Tech touch', csm: 'priya.shah@acme.example', arr: 36000, r: '2025-01-31' }
    ]);
  });
});
