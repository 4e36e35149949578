/**
 * Self-test of the independent reference implementation (tests/e2e/independent.js): tiny hand-made inputs with
 * hand-computed answers, then one smoke run on the generated demo that checks the planted patterns show.
 *
 *   node --test tests/e2e/independent-reference.test.js
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseCsv, csvRecords, daysFromCivil, isoOfDays, mondayOf, isoWeekLabel, daysOfIso, isoOfUs, isoOfDayFirst,
  averageRanks, spearman, median, demoFromTexts, loadDemo, computeMetrics, overviewFigures, previousWindow, goalOutcomeCharts
} from './independent.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const close = (actual, expected, msg, eps = 1e-9) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < eps, `${msg}: expected ${expected}, got ${actual}`);

const M = 'm@x.example';
const person = (email, start = '2025-01-06', end = null) => ({ name: email.split('@')[0], email, manager: M, team: 'T', start, end });
const one = (date, csm, status = 'held', extra = {}) => ({ kind: 'one_on_one', date, status, manager: M, csm, channel: 'meeting', agenda: [], prepared: null, ...extra });
const cust = (date, account, status = 'held', channel = 'meeting', csm = 'c@x.example') => ({ kind: 'customer', date, status, manager: null, csm, account, channel, agenda: null, prepared: null });

test('CSV parser: BOM, CRLF, quoted commas, line breaks and doubled quotes', () => {
  const text = '\uFEFFa,b,c\r\n1,"x, y","he said ""hi"""\r\n2,"line1\r\nline2",\r\n\r\n3,,"last"';
  assert.deepEqual(parseCsv(text), [['a', 'b', 'c'], ['1', 'x, y', 'he said "hi"'], ['2', 'line1\r\nline2', ''], ['3', '', 'last']]);
  assert.deepEqual(csvRecords('\uFEFFName,Note\nAnn,"a\nb"\n')[0], { Name: 'Ann', Note: 'a\nb' });
});

test('dates: civil days, ISO weeks across the year boundary, US and day-first formats, offsets', () => {
  assert.equal(daysFromCivil(1970, 1, 1), 0);
  assert.equal(isoOfDays(daysFromCivil(2024, 2, 29)), '2024-02-29');
  assert.equal(isoOfDays(mondayOf(daysOfIso('2026-01-01'))), '2025-12-29');
  assert.equal(isoWeekLabel(daysOfIso('2025-12-29')), '2026-W01');
  assert.equal(isoWeekLabel(daysOfIso('2025-12-28')), '2025-W52');
  assert.equal(isoWeekLabel(daysOfIso('2027-01-03')), '2026-W53');
  assert.equal(isoOfUs('5/6/2025'), '2025-05-06');
  assert.equal(isoOfDayFirst('06/05/2025'), '2025-05-06');
  assert.equal(isoOfDays(daysOfIso('2026-03-01 23:30')), '2026-03-01'); // no offset: date as exported
  assert.equal(isoOfDays(daysOfIso('2026-03-01T23:30:00-05:00')), '2026-03-02'); // offset: UTC date
  assert.equal(median([7, 14, 7, 7]), 7);
  assert.equal(median([2, 14, 6, 10]), 8);
});

test('streak across the year boundary; current streak ends the week before when the as-of week has no held 1:1', () => {
  const demo = {
    people: [person('r1@x.example'), person('r2@x.example')],
    meetings: [
      // r1: W49, (W50 missing), W51, W52, 2026-W01 (Tue 2025-12-30), W02, W03
      one('2025-12-02', 'r1@x.example'), one('2025-12-16', 'r1@x.example'), one('2025-12-23', 'r1@x.example'),
      one('2025-12-30', 'r1@x.example'), one('2026-01-06', 'r1@x.example'), one('2026-01-13', 'r1@x.example'),
      // r2: held in W01 and W02, cancelled in W03 (the as-of week), a scheduled one later (ignored for as-of)
      one('2025-12-31', 'r2@x.example'), one('2026-01-07', 'r2@x.example'), one('2026-01-12', 'r2@x.example', 'cancelled'),
      one('2026-01-20', 'r2@x.example', 'scheduled')
    ]
  };
  const m = computeMetrics(demo, { from: '2025-12-01', to: '2026-01-31' });
  assert.equal(m.asOf, '2026-01-13');
  assert.deepEqual(m.window, { from: '2025-12-01', to: '2026-01-13' });
  const p1 = m.pairs[`${M}|r1@x.example`];
  assert.equal(p1.activeWeeks, 7); // W49 … 2026-W03
  assert.equal(p1.heldWeeks, 6);
  close(p1.coverage, 6 / 7, 'r1 coverage');
  assert.equal(p1.currentStreak, 5); // W51, W52, W01, W02, W03
  assert.equal(p1.longestStreak, 5);
  assert.equal(p1.medianGapDays, 7); // gaps 14, 7, 7, 7, 7
  assert.equal(p1.cadence, 'weekly');
  assert.equal(p1.daysSinceLastHeld, 0);
  assert.equal(p1.cancelRate, 0);
  const p2 = m.pairs[`${M}|r2@x.example`];
  assert.equal(p2.heldWeeks, 2);
  assert.equal(p2.currentStreak, 2); // W03 not held → W02, W01
  assert.equal(p2.longestStreak, 2);
  assert.equal(p2.due, 3); // scheduled is not due
  close(p2.cancelRate, 1 / 3, 'r2 cancel rate');
  assert.equal(p2.daysSinceLastHeld, 6);
  const g = m.managers[M];
  assert.equal(g.pairs, 2);
  close(g.coverage, 8 / 14, 'manager coverage');
  close(g.cancelRate, 1 / 9, 'manager cancel rate');
  assert.equal(g.medianGapDays, 7); // 14, 7, 7, 7, 7, 7
  assert.equal(g.daysSinceLastHeld, 6); // the report waiting longest
});

test('two 1:1s in one week count once; a cancelled then a rescheduled 1:1; agenda and prepared shares', () => {
  const R3 = 'r3@x.example';
  const R4 = 'r4@x.example';
  const demo = {
    people: [person(R3), person(R4)],
    meetings: [
      one('2026-02-24', R3), // before the window: not due, no gap
      one('2026-03-03', R3, 'held', { agenda: ['goals', 'career'], prepared: true }), // W10, twice
      one('2026-03-05', R3, 'held', { agenda: ['goals'], prepared: false }),
      one('2026-03-10', R3, 'cancelled'), // W11: cancelled, nothing held
      one('2026-03-17', R3, 'rescheduled'), // W12: moved from Tuesday …
      one('2026-03-19', R3, 'held', { agenda: ['customers'] }), // … to Thursday
      one('2026-03-25', R3, 'held', { agenda: [], prepared: true }), // W13
      one('2026-03-04', R4, 'held', { agenda: null }) // an export without agenda or notes
    ]
  };
  const m = computeMetrics(demo, { from: '2026-03-02', to: '2026-03-29' });
  assert.equal(m.asOf, '2026-03-25');
  const p = m.pairs[`${M}|${R3}`];
  assert.equal(p.activeWeeks, 4);
  assert.equal(p.heldWeeks, 3);
  close(p.coverage, 0.75, 'coverage');
  assert.equal(p.due, 6);
  close(p.cancelRate, 1 / 6, 'cancel rate');
  close(p.rescheduleRate, 1 / 6, 'reschedule rate');
  assert.equal(p.medianGapDays, 6); // held 3/3, 3/5, 3/19, 3/25 → gaps 2, 14, 6
  assert.equal(p.cadence, 'weekly');
  assert.equal(p.currentStreak, 2);
  assert.equal(p.longestStreak, 2);
  assert.deepEqual(p.agenda, { goals: 0.5, bottlenecks: 0, customers: 0.25, coaching: 0, career: 0.25 });
  close(p.preparedShare, 2 / 3, 'prepared share');
  assert.equal(p.careerLast90, true);
  const q = m.pairs[`${M}|${R4}`];
  assert.equal(q.careerLast90, null);
  assert.equal(q.agenda.career, null);
  assert.equal(q.preparedShare, null);
  const g = m.managers[M];
  assert.deepEqual(g.agenda, { goals: 0.5, bottlenecks: 0, customers: 0.25, coaching: 0, career: 0.25 }); // R4 has no agenda
  assert.equal(g.careerLast90, 1); // 1 of 1 known pair
  close(g.coverage, 4 / 8, 'manager coverage');
});

test('the team average: every manager’s reports pooled (the same hand case as the SQL unit test)', () => {
  // Ana with Rae: held 01-05 (career), cancelled 01-12, held 01-19, 01-26. Ben with Sid: held 01-05, 01-12,
  // rescheduled 01-19, held 01-26. Cal with Tia: held 01-05, 01-19. As of 01-26: four active weeks each.
  const p = (email, manager) => ({ name: email.split('@')[0], email, manager, team: 'T', start: '2025-01-01', end: null });
  const o = (date, manager, csm, status = 'held', agenda = []) => ({ kind: 'one_on_one', date, status, manager, csm, channel: 'meeting', agenda, prepared: null });
  const demo = {
    people: [p('rae@x', 'ana@x'), p('sid@x', 'ben@x'), p('tia@x', 'cal@x')],
    meetings: [
      o('2026-01-05', 'ana@x', 'rae@x', 'held', ['career']), o('2026-01-12', 'ana@x', 'rae@x', 'cancelled'), o('2026-01-19', 'ana@x', 'rae@x'), o('2026-01-26', 'ana@x', 'rae@x'),
      o('2026-01-05', 'ben@x', 'sid@x'), o('2026-01-12', 'ben@x', 'sid@x'), o('2026-01-19', 'ben@x', 'sid@x', 'rescheduled'), o('2026-01-26', 'ben@x', 'sid@x'),
      o('2026-01-05', 'cal@x', 'tia@x'), o('2026-01-19', 'cal@x', 'tia@x')
    ]
  };
  const t = computeMetrics(demo, { from: '2026-01-05', to: '2026-02-01', onlyActivePairs: true }).totals;
  assert.deepEqual([t.pairs, t.activeWeeks, t.heldWeeks, t.due, t.cancelled, t.rescheduled], [3, 12, 8, 10, 1, 1]);
  close(t.coverage, 2 / 3, 'coverage');
  assert.deepEqual([t.cancelRate, t.rescheduleRate, t.career, t.medianGapDays, t.daysSinceLastHeld], [0.1, 0.1, 0.125, 14, 7]);
  close(t.careerLast90, 1 / 3, 'career in 90 days');
  assert.equal(t.agenda.career, 0.125);
  assert.equal(t.agenda.goals, 0);
});

test('tenure: a mid-window hire, a leaver, and a report missing from the roster', () => {
  const demo = {
    people: [person('r5@x.example', '2026-03-18'), person('r6@x.example', '2024-06-03', '2026-03-11')],
    meetings: [
      one('2026-03-19', 'r5@x.example'), one('2026-03-26', 'r5@x.example'),
      one('2026-03-03', 'r6@x.example'), one('2026-03-10', 'r6@x.example'),
      cust('2026-03-10', 'Acme', 'held', 'meeting', 'r7@x.example'), one('2026-03-24', 'r7@x.example')
    ]
  };
  const m = computeMetrics(demo, { from: '2026-03-02', to: '2026-03-29' });
  assert.equal(m.asOf, '2026-03-26');
  const p5 = m.pairs[`${M}|r5@x.example`];
  assert.equal(p5.activeWeeks, 2); // W12 (hired Wednesday) and W13; W10, W11 are not missing weeks
  assert.equal(p5.coverage, 1);
  assert.equal(p5.currentStreak, 2);
  const p6 = m.pairs[`${M}|r6@x.example`];
  assert.equal(p6.activeWeeks, 2); // W10, W11 (left Wednesday)
  assert.equal(p6.coverage, 1);
  assert.equal(p6.currentStreak, 0); // the as-of week and the week before are not active
  assert.equal(p6.longestStreak, 2);
  const p7 = m.pairs[`${M}|r7@x.example`];
  assert.equal(p7.activeWeeks, 3); // first meeting of any kind 3/10 (W11) … last 3/24 (W13)
  close(p7.coverage, 1 / 3, 'r7 coverage');
  close(m.managers[M].coverage, 5 / 7, 'manager coverage');
});

test('Spearman with ties: x=[1,2,2,3], y=[1,3,2,4] → 3/√10; and through accounts and progress gained', () => {
  assert.deepEqual(averageRanks([1, 2, 2, 3]), [1, 2.5, 2.5, 4]);
  // ranks x 1, 2.5, 2.5, 4 and y 1, 3, 2, 4: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 4.5/√22.5 = 3/√10
  const s = spearman([1, 2, 2, 3], [1, 3, 2, 4]);
  close(s.rho, 3 / Math.sqrt(10), 'rho');
  assert.equal(s.n, 4);

  const snap = (id, account, asOf, progress, extra = {}) => ({ id, account, title: id, progress, status: 'in_progress', start: '2025-10-01', due: '2026-12-31', asOf, ...extra });
  const demo = {
    accounts: ['A', 'B', 'C', 'D'].map((account) => ({ account, segment: 'High Touch' })).concat([{ account: 'E', segment: 'Tech Touch' }]),
    meetings: [
      cust('2026-03-31', 'A'),
      cust('2026-03-05', 'B'), cust('2026-03-06', 'B'), cust('2026-03-09', 'B', 'cancelled'), cust('2026-03-10', 'B', 'held', 'email'),
      cust('2026-03-02', 'C'), cust('2026-03-20', 'C'),
      cust('2026-02-27', 'D'), cust('2026-03-03', 'D'), cust('2026-03-04', 'D'), cust('2026-03-05', 'D'), cust('2026-03-12', 'D', 'held', 'call'),
      cust('2026-04-02', 'D', 'scheduled'),
      cust('2026-03-11', 'E')
    ],
    outcomes: [
      snap('o1', 'A', '2026-02-27', 10), snap('o1', 'A', '2026-03-31', 11), // +1
      snap('o2', 'B', '2026-03-31', 3), // no snapshot before: baseline 0 → +3
      snap('o3', 'C', '2026-02-27', 20), snap('o3', 'C', '2026-03-31', 21), // +1
      snap('o4', 'C', '2026-02-27', 40), snap('o4', 'C', '2026-03-31', 43), // +3 → C: mean 2
      snap('o5', 'D', '2026-02-27', 50), snap('o5', 'D', '2026-03-01', 52), snap('o5', 'D', '2026-03-31', 54), // snapshot on the window's first day: baseline is the day before (50) → +4
      snap('o6', 'D', '2026-01-30', 100, { status: 'achieved' }), // no snapshot in the window: left out
      snap('o7', 'D', null, 4, { due: '2026-03-20' }) // no snapshot date: counts at its due date → +4; D: mean 4
    ]
  };
  const m = computeMetrics(demo, { from: '2026-03-01', to: '2026-03-31' });
  assert.equal(m.asOf, '2026-03-31');
  assert.deepEqual(['A', 'B', 'C', 'D', 'E'].map((a) => m.accounts[a].meetings), [1, 2, 2, 3, 1]);
  assert.deepEqual(['A', 'B', 'C', 'D', 'E'].map((a) => m.accounts[a].touches), [1, 3, 2, 4, 1]);
  assert.deepEqual(['A', 'B', 'C', 'D', 'E'].map((a) => m.accounts[a].progressGained), [1, 3, 2, 4, null]);
  close(m.spearman.overall.rho, 3 / Math.sqrt(10), 'overall rho');
  assert.equal(m.spearman.overall.n, 4);
  close(m.spearman.bySegment['High Touch'].rho, 3 / Math.sqrt(10), 'High Touch rho');
  assert.equal(m.spearman.bySegment['Tech Touch'], undefined); // E has no outcome in the window
});

test('goals: latest check-in, pacing, at risk', () => {
  const goal = (title, owner, progress, status, start, due, updatedAt) => ({ goalId: null, title, owner, progress, status, start, due, updatedAt });
  const demo = {
    meetings: [one('2026-10-30', 'r@x.example')],
    goals: [
      goal('G1', 'a@x.example', 5, 'on_track', '2026-10-01', '2026-12-31', '2026-10-10T09:00:00Z'), // superseded
      goal('G1', 'a@x.example', 10, 'on_track', '2026-10-01', '2026-12-31', '2026-10-28T09:00:00Z'), // pacing 10 − 29/91 → at risk
      goal('G2', 'a@x.example', 110, 'achieved', '2026-07-01', '2026-09-30', '2026-10-05T09:00:00Z'), // clamped to 100: pacing 0
      goal('G3', 'a@x.example', 40, 'at_risk', '2026-10-01', '2026-12-31', '2026-10-29T09:00:00Z'), // at risk by status
      goal('G1', 'b@x.example', 50, 'missed', '2026-07-01', '2026-09-30', '2026-10-02T09:00:00Z') // closed: not at risk
    ]
  };
  const m = computeMetrics(demo, {});
  const e = (2900 / 91); // elapsed share of Q4 at 2026-10-30, in %
  assert.equal(m.goals['a@x.example'].goals, 3);
  close(m.goals['a@x.example'].meanProgress, 150 / 3, 'mean progress');
  close(m.goals['a@x.example'].meanPacing, (50 - 2 * e) / 3, 'mean pacing');
  assert.equal(m.goals['a@x.example'].atRisk, 2);
  assert.deepEqual(m.goals['b@x.example'], { goals: 1, meanProgress: 50, meanPacing: -50, atRisk: 0, missed: 1 });
});

test('outcomes: latest snapshot, achieved / open / overdue, median time to first value', () => {
  const o = (id, account, asOf, progress, status, start, due, firstValue) => ({ id, account, title: id, progress, status, start, due, firstValue, asOf });
  const demo = {
    accounts: [{ account: 'X', segment: 'High Touch' }, { account: 'Y', segment: 'High Touch' }, { account: 'Z', segment: 'Tech Touch' }],
    meetings: [cust('2026-10-30', 'X')],
    outcomes: [
      o('o1', 'X', '2026-08-31', 50, 'in_progress', '2026-01-01', '2026-12-01', '2026-02-10'),
      o('o1', 'X', '2026-09-30', 100, 'achieved', '2026-01-01', '2026-12-01', '2026-02-10'), // achieved, 40 days
      o('o2', 'X', '2026-09-30', 60, 'in_progress', '2026-03-01', '2026-10-01', '2026-03-31'), // overdue, 30 days
      o('o3', 'Y', '2026-09-30', 100, 'in_progress', '2026-05-01', '2026-09-01', null), // progress 100: achieved
      o('o4', 'Y', '2026-09-30', 20, 'at_risk', '2026-06-01', '2026-12-01', '2026-06-21'), // open, 20 days
      o('o5', 'Z', '2026-09-30', 10, 'in_progress', '2026-07-01', '2026-10-30', '2026-07-15') // due = as of: open, 14 days
    ]
  };
  const m = computeMetrics(demo, {});
  assert.deepEqual(m.outcomes['High Touch'], { outcomes: 4, achieved: 2, open: 1, overdue: 1, medianDaysToFirstValue: 30, firstValueN: 3 });
  assert.deepEqual(m.outcomes['Tech Touch'], { outcomes: 1, achieved: 0, open: 1, overdue: 0, medianDaysToFirstValue: 14, firstValueN: 1 });
});

test('export layouts → canonical rows (Outlook, tracker, HubSpot, Salesforce, people)', () => {
  const demo = demoFromTexts({
    'people.csv': 'Employee Name,Work Email,Manager,Team,Job Title,Hire Date,Termination Date\nTomás Ortega,tomas.ortega@x.example,,Mid,Manager,2021-06-07,\nAna Lima,ana.lima@x.example,Tomás Ortega,Mid,CSM,2025-01-06,\n',
    'outlook_1on1s.csv': '\uFEFFSubject,Start Date,Start Time,Meeting Organizer,Required Attendees,Categories,Description\r\n' +
      'Canceled: 1:1 Tomás / Ana,1/13/2026,10:00:00 AM,TOMÁS ORTEGA,ana.lima@x.example,,"Offsite, sorry"\r\n' +
      '1:1 Tomás / Ana,1/14/2026,2:00:00 PM,Tomás Ortega,ana.lima@x.example,Goals & performance; Career development,"Rescheduled from 1/13/2026. Said ""thanks""\nline two"\r\n',
    'one_on_one_tracker.csv': 'Date,Manager,Direct Report,Status,Agenda Covered,Report Brought Data,Duration,Notes\n05/01/2026,p@x.example,q@x.example,No-show,,,,\n06/01/2026,p@x.example,q@x.example,Held,"goals, blockers",Y,0:30,ok\n',
    'hubspot_meetings.csv': 'Record ID,Meeting name,Meeting start time,Meeting end time,Meeting outcome,Activity assigned to,Associated Company,Meeting source,Create date\n1,QBR,2026-01-20 09:00,2026-01-20 10:00,Scheduled,ana.lima@x.example,"Barker, Lane & Co",CRM UI,2026-01-01 09:00\n2,QBR,2026-01-15 09:00,2026-01-15 10:00,Completed,ana.lima@x.example,"Barker, Lane & Co",CRM UI,2026-01-01 09:00\n',
    'salesforce_activities.csv': 'Activity ID,Subject,Activity Date,Assigned,Account Name,Task Subtype,Call Duration (Seconds)\r\n00T1,Send report,1/5/2026,Ana Lima,"Barker, Lane & Co",Task,\r\n'
  });
  const [cancelled, held, noShow, trackerHeld, scheduled, completed, task] = demo.meetings;
  assert.deepEqual([cancelled.date, cancelled.status, cancelled.manager, cancelled.csm], ['2026-01-13', 'cancelled', 'tomas.ortega@x.example', 'ana.lima@x.example']);
  assert.deepEqual([held.status, held.agenda, held.prepared], ['held', ['goals', 'career'], null]);
  assert.deepEqual([noShow.date, noShow.status], ['2026-01-05', 'no_show']);
  assert.deepEqual([trackerHeld.agenda, trackerHeld.prepared], [['goals', 'bottlenecks'], true]);
  assert.deepEqual([scheduled.status, completed.status, completed.account], ['scheduled', 'held', 'Barker, Lane & Co']);
  assert.deepEqual([task.date, task.channel, task.csm], ['2026-01-05', 'async', 'ana.lima@x.example']);
  assert.equal(demo.people[1].manager, 'tomas.ortega@x.example');
  assert.equal(computeMetrics(demo, {}).asOf, '2026-01-15'); // the Scheduled HubSpot meeting is not "as of"
});

test('smoke: the generated demo shows the planted patterns (window 2026-05-04 … 2026-10-30)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cadence-independent-'));
  try {
    const gen = spawnSync(process.execPath, [join(ROOT, 'scripts/generate-demo.js'), dir], { encoding: 'utf8' });
    assert.equal(gen.status, 0, gen.stderr);
    const demo = loadDemo(dir);
    const rows = Object.fromEntries(demo.manifest.files.map((f) => [f.file, f.rows]));
    // The parser reads every data row (notes hold quoted commas, quotes and line breaks).
    const bySource = (s) => demo.meetings.filter((m) => m.source === s).length;
    assert.equal(bySource('outlook'), rows['outlook_1on1s.csv']);
    assert.equal(bySource('tracker'), rows['one_on_one_tracker.csv']);
    assert.equal(bySource('hubspot'), rows['hubspot_meetings.csv']);
    assert.equal(bySource('salesforce'), rows['salesforce_activities.csv']);
    assert.equal(demo.goals.length, rows['lattice_goals.csv']);
    assert.equal(demo.outcomes.length, rows['gainsight_success_plans.csv']);
    assert.equal(demo.people.length, rows['people.csv']);
    assert.equal(demo.accounts.length, rows['accounts.csv']);
    assert.ok(demo.meetings.every((m) => m.date !== null), 'every meeting has a date');

    const m = computeMetrics(demo, { from: '2026-05-04', to: '2026-10-30' });
    assert.equal(m.asOf, demo.manifest.asOf);
    const name = Object.fromEntries(demo.people.map((p) => [p.email, p.name]));
    const pct = (x) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
    const table = {};
    for (const [email, g] of Object.entries(m.managers)) {
      table[name[email] ?? email] = {
        pairs: g.pairs, active: g.activeWeeks, held: g.heldWeeks, coverage: pct(g.coverage), due: g.due,
        cancel: pct(g.cancelRate), resched: pct(g.rescheduleRate), gap: g.medianGapDays, sinceHeld: g.daysSinceLastHeld,
        career: pct(g.agenda.career), career90: pct(g.careerLast90), prepared: pct(g.preparedShare)
      };
    }
    console.log(`as of ${m.asOf}, window ${m.window.from} … ${m.window.to}`);
    console.table(table);
    console.log('spearman', JSON.stringify(m.spearman));

    const by = (n) => m.managers[demo.people.find((p) => p.name === n).email];
    const others = (n) => Object.entries(m.managers).filter(([e]) => name[e] !== n).map(([, g]) => g);
    const marcus = by('Marcus Ong');
    const lost = (g) => g.cancelRate + g.rescheduleRate;
    assert.ok(others('Marcus Ong').every((g) => lost(g) < lost(marcus) / 2), 'Marcus cancels or reschedules far more');
    assert.ok(lost(marcus) > 0.2);
    const priya = by('Priya Raman');
    assert.equal(priya.agenda.career, 0);
    assert.equal(priya.careerLast90, 0);
    assert.ok(others('Priya Raman').every((g) => g.agenda.career > 0.15), 'the others cover career development');
    const tomas = by('Tomás Ortega');
    assert.ok(tomas.coverage < 0.6, 'Tomás about every other week');
    assert.ok(others('Tomás Ortega').every((g) => g.coverage > tomas.coverage + 0.2), 'Tomás clearly below the others');
    assert.equal(tomas.medianGapDays, 14);
    assert.ok(m.spearman.overall.n > 250);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('overview: the previous period, and the headline figures pooled over a window', () => {
  // 2026-08-03 … 2026-10-30 is 89 days: the previous period is the 89 days ending 2026-08-02.
  assert.deepEqual(previousWindow('2026-08-03', '2026-10-30'), { from: '2026-05-06', to: '2026-08-02' });
  assert.deepEqual(previousWindow('2026-03-02', '2026-03-08'), { from: '2026-02-23', to: '2026-03-01' });
  const o = (id, account, asOf, progress, status, due) => ({ id, account, title: id, progress, status, start: '2026-01-01', due, firstValue: null, asOf });
  const demo = {
    people: [person('r@x.example')],
    accounts: [{ account: 'X', segment: 'High' }, { account: 'Y', segment: 'High' }],
    meetings: [
      cust('2026-03-03', 'X'), cust('2026-03-04', 'X', 'held', 'email'), cust('2026-03-05', 'X', 'cancelled'),
      one('2026-03-02', 'r@x.example'), one('2026-03-09', 'r@x.example', 'cancelled'), one('2026-03-16', 'r@x.example')
    ],
    outcomes: [
      o('o1', 'X', '2026-02-27', 40, 'in_progress', '2026-12-31'), o('o1', 'X', '2026-03-10', 100, 'achieved', '2026-12-31'), // achieved in the window: +60
      o('o2', 'Y', '2026-03-12', 30, 'in_progress', '2026-03-15'), // overdue at 2026-03-20: +30 (none before)
      o('o3', 'Y', '2026-04-30', 10, 'in_progress', '2026-12-31') // no snapshot by the window's end: not counted
    ],
    goals: []
  };
  const x = overviewFigures(demo, '2026-03-02', '2026-03-20');
  // X: 2 held touches; Y: none. Mean gained over o1 (+60) and o2 (+30) = 45. Pair: weeks 03-02, 03-09, 03-16 active, 2 held.
  assert.deepEqual(
    { touches: x.touches, accounts: x.accounts, touched: x.accountsTouched, outcomes: x.outcomes, achieved: x.achieved, overdue: x.overdue, moved: x.outcomesMoved, active: x.activeWeeks, held: x.heldWeeks, due: x.due, cancelled: x.cancelled },
    { touches: 2, accounts: 2, touched: 1, outcomes: 2, achieved: 1, overdue: 1, moved: 2, active: 3, held: 2, due: 3, cancelled: 1 }
  );
  close(x.progressGained, 45, 'mean progress gained');
});

test('goals and outcomes charts: bins, months of check-in, achieved per month, overdue at month ends, time to first value', () => {
  // The hand-computed cases of src/lib/metrics/goalCharts.test.ts and outcomeCharts.test.ts, as a demo object.
  const g = (title, owner, status, progress, due, updatedAt) => ({ goalId: null, title, owner, progress, status, start: '2026-01-01', due, updatedAt });
  const o = (id, account, status, progress, start, due, achievedDate, firstValue, asOf) => ({ id, account, title: id, progress, status, start, due, achievedDate, firstValue, asOf });
  const demo = {
    people: [], meetings: [cust('2026-03-31', 'Acme')],
    accounts: [{ account: 'Acme', segment: 'High' }, { account: 'Globex', segment: 'High' }, { account: 'Initech', segment: 'Tech' }, { account: 'Umbrella', segment: 'Tech' }, { account: 'Hooli', segment: 'Tech' }],
    goals: [
      g('A', 'alex@x', 'on_track', 20, '2026-03-31', '2026-01-15T10:00:00Z'), g('A', 'alex@x', 'on_track', 60, '2026-03-31', '2026-02-10T10:00:00Z'),
      g('B', 'alex@x', 'achieved', 100, '2026-03-31', '2026-03-05T10:00:00Z'),
      g('C', 'sam@x', 'on_track', 10, '2026-06-30', '2026-01-10T10:00:00Z'), g('C', 'sam@x', 'on_track', 25, '2026-06-30', '2026-02-05T10:00:00Z'), g('C', 'sam@x', 'on_track', 35, '2026-06-30', '2026-02-20T10:00:00Z'),
      g('D', 'sam@x', 'off_track', 5, '2026-03-31', '2026-03-20T10:00:00Z'), g('E', 'sam@x', 'on_track', null, '2026-03-31', '2026-03-01T10:00:00Z')
    ],
    outcomes: [
      o('o1', 'Acme', 'in_progress', 40, '2025-12-01', '2026-01-31', null, '2025-12-21', '2026-01-10'), o('o1', 'Acme', 'in_progress', 50, '2025-12-01', '2026-01-31', null, '2025-12-21', '2026-02-15'),
      o('o2', 'Acme', 'achieved', 100, '2025-11-01', '2026-06-30', '2026-01-18', '2025-12-11', '2026-01-20'),
      o('o3', 'Globex', 'in_progress', 10, '2026-01-01', '2026-01-15', null, '2026-01-31', '2026-01-05'), o('o3', 'Globex', 'achieved', 100, '2026-01-01', '2026-01-15', '2026-02-18', '2026-01-31', '2026-02-20'),
      o('o4', 'Initech', 'in_progress', 20, '2026-01-01', '2026-02-28', null, null, '2026-03-10'),
      o('o5', 'Umbrella', 'achieved', 100, '2025-10-01', '2026-03-01', '2025-12-15', '2025-11-10', '2025-12-20'),
      o('o6', 'Hooli', 'in_progress', 60, '2026-01-05', '2026-03-15', null, '2026-03-05', '2026-02-05')
    ]
  };
  const c = goalOutcomeCharts(demo, '2026-01-01', '2026-03-31');
  assert.deepEqual(c.goals.progressBins, { 0: 1, 30: 1, 60: 1, 90: 1 });
  assert.deepEqual(c.goals.pacingBins, { '-90': 1, 0: 1, 10: 1, 20: 1 });
  assert.deepEqual(c.goals.checkinMonths, { '2026-01-01': { goals: 2, meanProgress: 15 }, '2026-02-01': { goals: 2, meanProgress: 47.5 }, '2026-03-01': { goals: 2, meanProgress: 52.5 } });
  assert.deepEqual(c.outcomes.achievedMonths, { '2026-01-01': 1, '2026-02-01': 1, '2026-03-01': 0 });
  assert.deepEqual(Object.values(c.outcomes.overdueMonths), [{ at: '2026-01-31', overdue: 1 }, { at: '2026-02-28', overdue: 1 }, { at: '2026-03-31', overdue: 3 }]);
  assert.deepEqual(c.outcomes.ttfv, { High: { n: 3, min: 20, q1: 25, median: 30, q3: 35, max: 40 }, Tech: { n: 2, min: 40, q1: 44.75, median: 49.5, q3: 54.25, max: 59 } });
  const early = goalOutcomeCharts(demo, '2026-01-01', '2026-02-15');
  assert.deepEqual(Object.values(early.outcomes.overdueMonths), [{ at: '2026-01-31', overdue: 1 }, { at: '2026-02-15', overdue: 2 }]);
  assert.deepEqual(Object.values(goalOutcomeCharts(demo, '2026-01-01', '2026-03-31', { segments: ['Tech'] }).outcomes.overdueMonths).map((x) => x.overdue), [0, 0, 2]);
});
