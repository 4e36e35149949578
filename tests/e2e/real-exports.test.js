/**
 * Real exports written by other people's tools (shared/fixtures/real-exports, as published): each is dropped
 * through the real file input into the real engine and must read as its README says a correct reading is,
 * checked through the load report, the data tab and the views, never through internals. The same page then
 * drops our own variants of each family (other locales, versions, the Salesforce objects we have no real
 * file for). A cross-view test checks that touches agree per account, per week and per channel.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, startSite, launchBrowser, openPage, waitReady, dropFiles, showTab, openAllAccounts } from './harness.js';
import { parseCsv } from './independent.js';

const REAL = process.env.CADENCE_REAL_EXPORTS ?? resolve(ROOT, '../shared/fixtures/real-exports');
const real = (p) => join(REAL, p);
const own = (p) => join(ROOT, 'tests/fixtures/families', p);
let browser, site, page, problems, context;

before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  ({ page, problems, context } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } }));
  await waitReady(page, 120_000);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

const tableRows = (table) => page.getAttribute(`[data-testid="canonical-table"][data-table="${table}"]`, 'data-rows').then(Number);
const familyOf = (file) => page.getAttribute(`[data-testid="file-report"][data-file="${file}"]`, 'data-family');
const summaryOf = (file) => page.textContent(`[data-testid="file-report"][data-file="${file}"] [data-testid="file-family"]`).then((t) => t.replace(/\s+/g, ' ').trim());
const windowEnd = async () => (await page.textContent('[data-testid="window"]')).split('→')[1].trim();
/** The cells of one column of a view's table, as text. */
const column = (testid, key) => page.$$eval(`[data-testid="${testid}"] tbody td[data-key="${key}"]`, (tds) => tds.map((td) => td.textContent.trim()));
const number = (text) => Number(text.replace(/[,\s]/g, '').replace('−', '-'));

/** The records of a CSV file, by the suite's own independent parser. */
const csvRecords = (path) => parseCsv(readFileSync(path, 'utf8'));

describe('the views agree with each other on the demo', () => {
  it('touches summed per account, per week and per channel are the same number', async () => {
    await showTab(page, 'meetings');
    // Every account, from the table's own CSV export (the page shows the first rows only).
    await openAllAccounts(page);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-testid="mo-accounts"] [data-testid="export-csv"]')]);
    const [header, ...accountRows] = parseCsv(readFileSync(await download.path(), 'utf8')).filter((x) => x.length > 1);
    const touches = header.indexOf('All touches');
    assert.ok(touches >= 0, `the accounts CSV has an "All touches" column: ${header.join(', ')}`);
    const perAccount = accountRows.map((x) => Number(x[touches] || 0)).reduce((a, b) => a + b, 0);
    const channelKeys = ['meetings', 'calls', 'emails', 'async', 'self_service', 'other_channel'];
    let perChannel = 0;
    for (const k of channelKeys) perChannel += (await column('mo-channels', k)).map(number).reduce((a, b) => a + b, 0);
    await page.locator('[data-testid="view-meetings"] figure.chart button', { hasText: 'Show table' }).click();
    const weekTable = page.locator('[data-testid="view-meetings"] figure.chart table');
    const weekly = await weekTable.evaluate((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) => ['customer', 'other_touches'].map((k) => Number(tr.querySelector(`td[data-key="${k}"]`).textContent.replace(/[,\s]/g, ''))))
    );
    const perWeek = weekly.flat().reduce((a, b) => a + b, 0);
    await page.locator('[data-testid="view-meetings"] figure.chart button', { hasText: 'Show chart' }).click();
    assert.ok(perAccount > 100, `the demo's window has touches (${perAccount})`);
    assert.equal(perChannel, perAccount, 'per channel = per account');
    assert.equal(perWeek, perAccount, 'per week = per account');
  });
});

describe('attendance and participant reports are one meeting each', () => {
  it('Teams 2022 sections (UTF-16, tab, a comma inside every timestamp): one meeting with 7 attendees', async () => {
    const [r] = await dropFiles(page, [real('teams-dvaneynde/IDL-14-11-22.csv')]);
    assert.deepEqual([r.status, r.table, r.rows + r.rejected], ['loaded', 'meetings', r.counted]);
    assert.equal(await familyOf(r.file), 'attendance-sections');
    assert.match(await summaryOf(r.file), /1 meeting \(“Scrum Meeting”, 14\/11\/22, 09:29:07 – 14\/11\/22, 09:50:14\) with 7 attendees/);
    assert.match(r.text, /In-Meeting activities.*not counted again/);
    assert.equal(await tableRows('meetings'), 1);
    await showTab(page, 'meetings');
    assert.equal(await windowEnd(), '2022-11-14', 'the day-first date is read day first');
  });

  it('Teams legacy join/leave list: one meeting from the first timestamp to the last, the distinct people as attendees', async () => {
    const path = real('teams-gspahlin/meetingAttendanceList.csv');
    const records = csvRecords(path).slice(1).filter((x) => x.length === 3 && x[0]);
    const people = new Set(records.map((x) => x[0])).size;
    const [r] = await dropFiles(page, [path]);
    assert.equal(r.status, 'loaded');
    assert.equal(await familyOf(r.file), 'attendance-join-leave');
    assert.match(await summaryOf(r.file), new RegExp(`1 meeting \\(11/4/2020, 9:50:12 AM – ${records.at(-1)[2].replace(/[/]/g, '\\/')}\\) with ${people} attendees`));
    assert.equal(await tableRows('meetings'), 1);
  });

  it('Zoom participants with the meeting block: meeting 60245167821 “Heroes meeting”, the second header a header', async () => {
    const [r] = await dropFiles(page, [real('zoom-zoomclass/participants_heroes_full.csv')]);
    assert.deepEqual([r.status, r.table], ['loaded', 'meetings']);
    assert.equal(await familyOf(r.file), 'attendance-two-blocks');
    assert.match(await summaryOf(r.file), /1 meeting \(“Heroes meeting”, 11\/19\/2021 10:00:00 AM – 11\/19\/2021 12:00:00 PM\) with 27 attendees/);
    assert.equal(await tableRows('meetings'), 1);
    await showTab(page, 'data');
    const start = await page.textContent('[data-testid="mapping"][data-file="participants_heroes_full.csv"] tr[data-field="start"] .sample');
    assert.match(start, /11\/19\/2021 10:00:00 AM/);
    assert.equal(await page.locator('[data-testid="mapping"][data-file="participants_heroes_full.csv"] [data-testid="unparsed"]').count(), 0, 'no header read as a data row');
    await showTab(page, 'meetings');
    assert.equal(await windowEnd(), '2021-11-19');
  });

  it('Zoom usage report in “unique users” mode: one meeting on 2020-09-01 with its start mapped', async () => {
    const [r] = await dropFiles(page, [real('zoom-har1eyk/20200901_lecture.csv')]);
    assert.equal(r.status, 'loaded');
    assert.equal(await familyOf(r.file), 'attendance-two-blocks');
    assert.equal(await tableRows('meetings'), 1);
    await showTab(page, 'meetings');
    assert.equal(await windowEnd(), '2020-09-01');
  });

  it('our variants: Teams 2022 in German, the 2021 layout, a French join/leave list, Zoom participants without the block, Teams participants in Indonesian', async () => {
    const files = ['teams-2022-de.csv', 'teams-2021-summary.csv', 'teams-join-leave-fr.csv', 'zoom-participants-only.csv', 'teams-participants-id.csv'];
    const reports = await dropFiles(page, files.map(own));
    for (const r of reports) assert.deepEqual([r.file, r.status, r.table], [r.file, 'loaded', 'meetings']);
    assert.deepEqual(await Promise.all(files.map(familyOf)), ['attendance-sections', 'attendance-sections', 'attendance-join-leave', 'attendance-participants', 'attendance-participants']);
    assert.match(await summaryOf('teams-2022-de.csv'), /“Quartalsreview Nordwind”.* with 3 attendees/);
    assert.match(await summaryOf('zoom-participants-only.csv'), /with 3 attendees/);
    assert.match(await summaryOf('teams-participants-id.csv'), /1 meeting \(14\/11\/22 09\.30\.46 – 14\/11\/22 09\.50\.12\) with 3 attendees/);
    assert.equal(await tableRows('meetings'), 5);
  });
});

describe('calendars, rosters, goals and accounts', () => {
  it('Google Calendar: 2-digit years read right, all-day events kept out and counted, the placeholder row named', async () => {
    const path = real('gcal-marten/gcal.csv');
    const records = csvRecords(path).slice(1).filter((x) => x.length > 1);
    const allDay = records.filter((x) => x[5].trim().toUpperCase() === 'TRUE').length;
    const [r] = await dropFiles(page, [path]);
    assert.deepEqual([r.status, r.table, r.rows], ['loaded', 'meetings', records.length]);
    assert.equal(await tableRows('meetings'), records.length - allDay);
    assert.equal(Number(await page.getAttribute('[data-testid="all-day"][data-file="gcal.csv"]', 'data-count')), allDay);
    await showTab(page, 'data');
    const unparsed = await page.textContent('[data-testid="mapping"][data-file="gcal.csv"] tr[data-field="start"] [data-testid="unparsed"]');
    assert.match(unparsed, /“date”.*rows 1\b/);
    await showTab(page, 'meetings');
    assert.match(await windowEnd(), /^201[67]-/, 'M/DD/YY is 2016, not year 16');
  });

  it('HR roster: managers matched to employees whatever the name order; tenure from hire and termination; the short line named', async () => {
    const path = real('hr-huebner/HRDataset_v14.csv');
    const records = csvRecords(path);
    const header = records[0];
    const rows = records.slice(1).filter((x) => x.length > 1);
    const name = header.indexOf('Employee_Name');
    const mgr = header.indexOf('ManagerName');
    const natural = (n) => n.replace(/^\s*([^,]+?)\s*,\s*(.+?)\s*$/, '$2 $1').split(/\s+/).filter((t) => t.replace('.', '').length > 1).join(' ').toLowerCase();
    const employees = new Set(rows.map((x) => natural(x[name])));
    const managers = new Set(rows.map((x) => x[mgr]).filter(Boolean));
    const onRoster = [...managers].filter((m) => employees.has(natural(m)));
    assert.ok(onRoster.length >= 10, `most managers are employees too (${onRoster.length})`);
    const [r] = await dropFiles(page, [path]);
    assert.deepEqual([r.table, r.rows + r.rejected], ['people', r.counted]);
    assert.match(r.message, /fewer values than the 36 columns.*line/);
    assert.equal(await tableRows('people'), rows.length);
    await showTab(page, 'data');
    const unmatched = await page.textContent('[data-testid="unmatched-managers"]');
    for (const m of onRoster) assert.ok(!unmatched.includes(m), `${m} is on the roster and must not be listed unmatched`);
    assert.match(await page.textContent('[data-testid="match-rule"]'), /either order/);
    const mapping = page.locator('[data-testid="mapping"][data-file="HRDataset_v14.csv"]');
    assert.equal(await mapping.locator('tr[data-field="start_date"] td:first-of-type select').inputValue(), 'DateofHire');
    assert.equal(await mapping.locator('tr[data-field="end_date"] td:first-of-type select').inputValue(), 'DateofTermination');
  });

  it('Ally.io OKRs: updated at the last check-in, and a goal its status calls behind is never paced ahead', async () => {
    const [r] = await dropFiles(page, [real('okr-allyio/goals.csv')]);
    assert.deepEqual([r.status, r.table], ['loaded', 'goals']);
    await showTab(page, 'data');
    const mapping = page.locator('[data-testid="mapping"][data-file="goals.csv"]');
    assert.equal(await mapping.locator('tr[data-field="updated_at"] td:first-of-type select').inputValue(), 'Last Check-in');
    assert.equal(await mapping.locator('tr[data-field="start_value"] td:first-of-type select').inputValue(), 'Start');
    assert.equal(await mapping.locator('[data-testid="unparsed"]').count(), 0, 'the check-in with its UTC suffix is read');
    await showTab(page, 'goals');
    const [pacing] = await column('goals-owners', 'mean_pacing');
    assert.ok(pacing && number(pacing.replace(/[^\d.,−-]/g, '')) <= 0, `pacing of a goal marked Behind: ${pacing}`);
  });

  it('an OKR sheet with every line wrapped in quotes reads as the columns its first line names', async () => {
    const [r] = await dropFiles(page, [real('okr-metricor/okrs.csv')]);
    assert.equal(r.status, 'loaded');
    assert.doesNotMatch(r.text, /pipe/i);
    assert.match(r.text, /one quoted field/);
    await showTab(page, 'data');
    const columns = await page.$$eval('[data-testid="table-panel"][data-file="okrs.csv"] [data-testid="preview-table"] thead th', (ths) => ths.slice(1).map((th) => th.textContent));
    assert.deepEqual(columns, ['OKR_ID', 'Objective', 'Owner', 'Status', 'Last_Updated', 'Comments']);
  });

  it('a customer-success accounts sheet: accounts with segment, ARR and renewal date', async () => {
    const [r] = await dropFiles(page, [real('cs-sstankala/sample_data.csv')]);
    assert.deepEqual([r.status, r.table, r.rows], ['loaded', 'accounts', 10]);
    assert.equal(await tableRows('accounts'), 10);
    await showTab(page, 'data');
    const mapping = page.locator('[data-testid="mapping"][data-file="sample_data.csv"]');
    for (const [field, col] of [['account', 'Customer'], ['segment', 'Segment'], ['arr', 'ARR'], ['renewal_date', 'Renewal_Date']]) {
      assert.equal(await mapping.locator(`tr[data-field="${field}"] td:first-of-type select`).inputValue(), col);
    }
  });
});

describe('a Salesforce Data Export, one file per object', () => {
  it('Event, Task, User and Account: accounts from AccountId, owners resolved, tasks counted by their status', async () => {
    const files = ['User.csv', 'Account.csv', 'Event.csv', 'Task.csv'];
    const reports = await dropFiles(page, files.map((f) => own(`salesforce/${f}`)));
    assert.deepEqual(reports.map((r) => [r.file, r.table]), [['User.csv', 'people'], ['Account.csv', 'accounts'], ['Event.csv', 'meetings'], ['Task.csv', 'meetings']]);
    assert.deepEqual(await Promise.all(files.map(familyOf)), ['salesforce-user', 'salesforce-account', 'salesforce-event', 'salesforce-task']);
    assert.match(await summaryOf('Event.csv'), /5 meetings, accounts from AccountId; 2 rows without an account/);
    assert.match(await summaryOf('Task.csv'), /4 activities/);
    assert.equal(await tableRows('meetings'), 8, '4 events (the all-day offsite is no meeting) and 4 tasks');
    await showTab(page, 'meetings');
    await openAllAccounts(page);
    const accounts = await column('mo-accounts', 'account');
    assert.deepEqual([...accounts].sort(), ['Globex Corporation', 'Initech'], 'names, not ids; the null id is no account');
  });
});

describe('when the page is not sure, it asks; when a field is missing, the view says which', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cadence-ask-'));
  it('a file that fits goals as well as outcomes is not guessed: the page asks, and the answer maps it', async () => {
    const file = join(tmp, 'objectives.csv');
    writeFileSync(file, 'Objective,Status,Due Date,Segment\nFaster onboarding,On track,2025-06-30,Enterprise\nFewer tickets,At risk,2025-09-30,SMB\n');
    const [r] = await dropFiles(page, [file]);
    assert.deepEqual([r.status, r.table], ['loaded', 'unknown']);
    await showTab(page, 'data');
    const question = page.locator('[data-testid="mapping"][data-file="objectives.csv"] [data-testid="table-question"]');
    await page.locator('[data-testid="mapping"][data-file="objectives.csv"]').locator('xpath=ancestor::details[1]').evaluate((d) => (d.open = true));
    assert.match(await question.textContent(), /What does this file hold\?/);
    await question.getByRole('button', { name: 'Outcomes' }).click();
    await waitReady(page);
    assert.equal(await tableRows('outcomes'), 2);
    assert.equal(await page.getAttribute('[data-testid="file-report"][data-file="objectives.csv"]', 'data-table'), 'outcomes');
  });

  it('a meetings file with no start column: the views name the field and the file instead of staying blank', async () => {
    const file = join(tmp, 'no-dates.csv');
    writeFileSync(file, 'Subject,Meeting Organizer,Required Attendees\n1:1 Dana / Alex,dana@acme.example,alex@acme.example\nQBR Globex,dana@acme.example,lee@globex.com\n');
    const [r] = await dropFiles(page, [file]);
    assert.equal(r.table, 'meetings');
    for (const tab of ['meetings', 'oneonone']) {
      await showTab(page, tab);
      const notice = await page.textContent('[data-testid="missing-fields"]');
      assert.match(notice, /None of the 2 meetings has a date/);
      assert.match(notice, /no-dates\.csv has no column mapped to “Start/);
    }
    await page.click('[data-testid="missing-fields"] button');
    assert.equal(await page.getAttribute('[data-testid="tab-data"]', 'aria-selected'), 'true');
  });
});

describe('nothing went wrong on the way', () => {
  it('logged no page error and made no request off the origin', () => {
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.external, []);
  });
});
