/**
 * Benchmark data: a meetings export of n rows (HubSpot-style, ~150 bytes a row as in real exports: customer
 * meetings and 1:1s, with notes) with a matching
 * roster, accounts report, goals and success-plan outcomes, deterministic for a given n. Written as files
 * so both the bare engine page and Cadence read the same bytes.
 *
 *   node scripts/bench-data.js <n> <dir>
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './generate-demo.js';

const MANAGERS = 10;
const CSMS = 200;
const ACCOUNTS = 3000;
const SEGMENTS = ['High Touch', 'Mid Touch', 'Tech Touch'];
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const DAYS = 730;

const csm = (i) => `csm${i}@bench.example`;
const manager = (i) => `manager${i}@bench.example`;
const account = (i) => `Account ${i}`;
const isoDay = (t) => new Date(t).toISOString().slice(0, 10);
const isoMinute = (t) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

/** Write the meetings file line by line (a million rows is ~150 MB: never one string). */
function writeMeetings(path, n) {
  const rand = mulberry32(n);
  const out = createWriteStream(path);
  const outcomes = ['Completed', 'Completed', 'Completed', 'Completed', 'Canceled', 'Rescheduled', 'No show'];
  out.write('Record ID,Meeting name,Meeting start time,Meeting end time,Meeting outcome,Activity assigned to,Attendee emails,Associated Company,Meeting notes\n');
  const notes = ['Reviewed adoption and the renewal plan; next steps agreed', 'Wins since last time, blockers, career growth, feedback', 'QBR prep: usage trends, open tickets and expansion ideas', 'Onboarding check: integration status and training dates'];
  let buffer = '';
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rand() * CSMS);
    const t = START + Math.floor(rand() * DAYS) * DAY + (8 + Math.floor(rand() * 9)) * 3_600_000;
    const oneOnOne = rand() < 0.1;
    const title = oneOnOne ? `1:1 ${c} / manager${c % MANAGERS}` : `Check-in ${i % 97}`;
    const company = oneOnOne ? '' : account((c * 15 + Math.floor(rand() * 15)) % ACCOUNTS);
    // A 1:1 is the manager's meeting with the CSM as its attendee; a customer meeting is the CSM's.
    const owner = oneOnOne ? manager(c % MANAGERS) : csm(c);
    const attendee = oneOnOne ? csm(c) : '';
    buffer += `${25_000_000_000 + i},${title},${isoMinute(t)},${isoMinute(t + 1_800_000)},${outcomes[i % outcomes.length]},${owner},${attendee},${company},"${notes[i % notes.length]} (#${i % 1000})"\n`;
    if (buffer.length > 1 << 20) {
      out.write(buffer);
      buffer = '';
    }
  }
  out.write(buffer);
  return new Promise((ok, fail) => out.end((e) => (e ? fail(e) : ok())));
}

function roster() {
  const lines = ['Employee Name,Work Email,Manager,Team,Job Title,Hire Date,Termination Date'];
  for (let m = 0; m < MANAGERS; m++) lines.push(`Manager ${m},${manager(m)},,Team ${m},CS Manager,2020-01-06,`);
  for (let c = 0; c < CSMS; c++) lines.push(`CSM ${c},${csm(c)},Manager ${c % MANAGERS},Team ${c % MANAGERS},Customer Success Manager,2021-03-01,`);
  return lines.join('\n') + '\n';
}

function accounts() {
  const lines = ['Account Name,Customer Segment,Account Owner,Annual Recurring Revenue,Renewal Date'];
  for (let a = 0; a < ACCOUNTS; a++) lines.push(`${account(a)},${SEGMENTS[a % 3]},CSM ${Math.floor(a / 15) % CSMS},${10_000 + (a % 50) * 5_000},2026-0${1 + (a % 9)}-15`);
  return lines.join('\n') + '\n';
}

/** One objective per account, snapshotted monthly with rising progress. */
function outcomes() {
  const rand = mulberry32(7);
  const lines = ['Company Name,Success Plan Name,Objective Name,Objective Owner,Status,% Complete,Start Date,Due Date,Completed Date,First Value Date,Health Score,ARR,Snapshot Date,Objective GSID'];
  for (let a = 0; a < ACCOUNTS; a++) {
    let progress = Math.floor(rand() * 20);
    for (let month = 0; month < 24; month++) {
      progress = Math.min(100, progress + Math.floor(rand() * 8));
      const snap = isoDay(Date.UTC(2024, month, 28));
      const status = progress >= 100 ? 'Completed' : 'In Progress';
      lines.push(`${account(a)},FY Plan,Adoption goal ${a % 7},CSM ${Math.floor(a / 15) % CSMS},${status},${progress},2024-01-02,2025-12-31,,,${50 + (a % 50)},${10_000 + (a % 50) * 5_000},${snap},obj${a}`);
    }
  }
  return lines.join('\n') + '\n';
}

function goals() {
  const lines = ['Goal,Owner,Owner Email ID,Goal Type,Status,Start Value,Current Value,Target Value,Goal % Completion,start_on,due_on,Last Updated,Check-In Type'];
  for (let c = 0; c < CSMS; c++) {
    for (let q = 0; q < 8; q++) {
      const start = Date.UTC(2024, q * 3, 1);
      const pct = (c * 7 + q * 13) % 110;
      lines.push(`Goal ${q} of CSM ${c},CSM ${c},${csm(c)},Individual,${pct >= 100 ? 'Achieved' : pct < 40 ? 'At risk' : 'On track'},0,${pct},100,${pct}%,${isoDay(start)},${isoDay(start + 89 * DAY)},${isoDay(start + 80 * DAY)}T12:00:00Z,Weekly`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Write the set for n meetings into dir; returns the file paths (meetings first). */
export async function writeBenchSet(dir, n) {
  mkdirSync(dir, { recursive: true });
  const meetings = join(dir, `meetings_${n}.csv`);
  await writeMeetings(meetings, n);
  const others = { 'roster.csv': roster(), 'accounts.csv': accounts(), 'goals.csv': goals(), 'success_plans.csv': outcomes() };
  for (const [name, text] of Object.entries(others)) writeFileSync(join(dir, name), text);
  return [meetings, ...Object.keys(others).map((name) => join(dir, name))];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await writeBenchSet(resolve(process.argv[3] ?? 'bench-data'), Number(process.argv[2] ?? 10_000));
  console.log(files.join('\n'));
}
