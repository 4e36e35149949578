/**
 * Comparing managers on the 1:1 view, as a coach does it: two managers picked through the filter's list, the
 * side-by-side panel and the team average checked against the independent computation of the demo
 * (tests/e2e/independent.js), one focused manager's headline with the team average, the link carrying the
 * pick, and a 1:1's drill-down with its agenda items and notes as the exports hold them.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startSite, launchBrowser, openPage, waitReady, showTab, filterChoices, pickFilter } from './harness.js';
import { loadDemo, computeMetrics, csvRecords } from './independent.js';

let browser, site, page, problems, context, demo, names, emails, window, expected, managerOrder;

const pct = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(0)}%`);
const days = (x) => (x === null || x === undefined ? '—' : `${Math.round(x)} d`);
const MARCUS = 'marcus.ong@cadence-demo.example';
const PRIYA = 'priya.raman@cadence-demo.example';
const AGENDA_LABELS = { goals: 'Goals', bottlenecks: 'Blockers', customers: 'Customers', coaching: 'Coaching', career: 'Career' };

before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  ({ page, problems, context } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } }));
  await waitReady(page, 120_000);
  const [from, to] = (await page.textContent('[data-testid="window"]')).split('→').map((s) => s.trim());
  window = { from, to };
  demo = loadDemo(join(ROOT, 'static/demo'));
  names = Object.fromEntries(demo.people.map((p) => [p.email, p.name]));
  emails = Object.fromEntries(demo.people.map((p) => [p.name, p.email]));
  expected = computeMetrics(demo, { ...window, onlyActivePairs: true });
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

/** The compare panel's cell texts: { figure: { manager email | 'team': value text } }. */
const readCompare = (p) =>
  p.$$eval('[data-testid="oo-compare"] tbody tr[data-key]', (trs) =>
    Object.fromEntries(
      trs.map((tr) => [
        tr.getAttribute('data-key'),
        Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.hasAttribute('data-team') ? 'team' : td.getAttribute('data-manager'), td.querySelector('[data-testid="compare-value"]')?.textContent.trim() ?? null]))
      ])
    )
  );

/** What each compared figure reads for a manager (or the team, pooled over every manager) independently. */
const want = (m) => ({
  pairs: String(m.pairs),
  coverage: pct(m.coverage),
  cancel_rate: pct(m.cancelRate),
  reschedule_rate: pct(m.rescheduleRate),
  median_gap: days(m.medianGapDays),
  longest_wait: days(m.daysSinceLastHeld),
  agenda_goals: pct(m.agenda.goals),
  agenda_career: pct(m.agenda.career),
  career_90_share: pct(m.careerLast90)
});

describe('two managers side by side', () => {
  it('picks two managers through the filter’s list and sets their figures beside the team average', async () => {
    await showTab(page, 'oneonone');
    const choices = await filterChoices(page, 'managers');
    managerOrder = choices;
    assert.ok(choices.length >= 5, 'the demo has five managers');
    assert.ok(choices.every((c) => !c.checked));
    await pickFilter(page, 'managers', [MARCUS, PRIYA]);
    const button = page.locator('[data-testid="filter-managers"]');
    assert.equal(await button.getAttribute('aria-expanded'), 'false', 'Escape closes the list');
    assert.match(await button.textContent(), /^2: /);
    // A chip per manager, and Undo says what it goes back to (the first one ticked alone).
    const chips = await page.$$eval('[data-testid="chip"][data-key="managers"]', (cs) => cs.map((c) => c.getAttribute('data-value')).sort());
    assert.deepEqual(chips, [MARCUS, PRIYA].sort());
    const first = choices.find((c) => c.value === MARCUS || c.value === PRIYA);
    assert.equal((await page.textContent('[data-testid="undo"]')).trim(), `↶ Undo: manager → ${first.label}`);

    await page.waitForSelector('[data-testid="oo-compare"]');
    const heads = await page.$$eval('[data-testid="oo-compare"] thead th[data-manager]', (ths) => ths.map((th) => th.getAttribute('data-manager')));
    assert.deepEqual(heads.sort(), [MARCUS, PRIYA].sort());
    const got = await readCompare(page);
    for (const email of [MARCUS, PRIYA]) {
      for (const [id, text] of Object.entries(want(expected.managers[email]))) assert.equal(got[id]?.[email], text, `${names[email]}: ${id}`);
    }
    for (const [id, text] of Object.entries(want(expected.totals))) assert.equal(got[id]?.team, text, `team average: ${id}`);
    // The planted patterns read at a glance: Marcus cancels more than the team, Priya never covers career.
    const vs = async (id, email) => page.textContent(`[data-testid="oo-compare"] tr[data-key="${id}"] td[data-manager="${email}"] [data-testid="compare-vs"]`);
    assert.match(await vs('cancel_rate', MARCUS), /^\+\d+ pts ▼$/);
    assert.equal(got.agenda_career[PRIYA], '0%');
    assert.match(await vs('agenda_career', PRIYA), /^−\d+ pts ▼$/);
    // The months of each: the trend rows without a report.
    const spark = await page.getAttribute(`[data-testid="oo-compare"] tr[data-key="cancel_rate-months"] td[data-manager="${MARCUS}"] [data-testid="sparkline"]`, 'data-values');
    const months = expected.monthly[MARCUS];
    assert.equal(spark, Object.keys(months).sort().map((m) => (months[m].due ? (months[m].cancelled / months[m].due).toFixed(4) : '')).join(' '));
    assert.deepEqual(problems.errors, []);
  });

  it('carries the two managers in the link', async () => {
    const link = page.url();
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const p2 = await other.newPage();
    await p2.goto(link);
    await waitReady(p2, 120_000);
    await p2.waitForSelector('[data-testid="oo-compare"]');
    const heads = await p2.$$eval('[data-testid="oo-compare"] thead th[data-manager]', (ths) => ths.map((th) => th.getAttribute('data-manager')));
    assert.deepEqual(heads.sort(), [MARCUS, PRIYA].sort());
    assert.deepEqual(await readCompare(p2), await readCompare(page));
    await other.close();
  });

  it('takes one manager out with their chip: the other’s headline figures show the team average beside them', async () => {
    await page.click(`[data-testid="chip"][data-value="${PRIYA}"]`);
    await page.waitForSelector('[data-testid="oo-compare"]', { state: 'detached' }); // one manager: no side by side
    await waitReady(page);
    assert.equal((await page.textContent('[data-testid="undo"]')).trim(), `↶ Undo: managers → ${labelsInOrder([MARCUS, PRIYA])}`);
    const t = expected.totals;
    const m = expected.managers[MARCUS];
    for (const [id, mine, team] of [['coverage', m.coverage, t.coverage], ['cancel_rate', m.cancelRate, t.cancelRate], ['reschedule_rate', m.rescheduleRate, t.rescheduleRate], ['agenda_career', m.agenda.career, t.career]]) {
      const tile = page.locator(`[data-testid="headline-${id}"]`);
      assert.equal((await tile.locator('.value').textContent()).trim(), pct(mine), `${id}: Marcus`);
      assert.equal((await tile.locator('[data-testid="team-avg"]').textContent()).trim(), `team avg ${pct(team)}`, `${id}: team`);
    }
    await page.click('[data-testid="undo"]');
    await waitReady(page);
    await page.waitForSelector('[data-testid="oo-compare"]');
    assert.deepEqual(problems.errors, []);
  });

  it('with three picked, a shift-click on a row takes that one out and a plain click keeps it alone; the list closes on a click outside', async () => {
    const third = Object.keys(expected.managers).find((e) => e !== MARCUS && e !== PRIYA);
    await pickFilter(page, 'managers', [MARCUS, PRIYA, third]);
    const heads = () => page.$$eval('[data-testid="oo-compare"] thead th[data-manager]', (ths) => ths.map((th) => th.getAttribute('data-manager')).sort());
    assert.deepEqual(await heads(), [MARCUS, PRIYA, third].sort());
    const got = await readCompare(page);
    for (const [id, text] of Object.entries(want(expected.managers[third]))) assert.equal(got[id]?.[third], text, `${names[third]}: ${id}`);
    const row = (email) => page.locator('[data-testid="oo-managers"] tbody tr', { hasText: names[email] }).locator('button').first();
    assert.match(await row(third).getAttribute('title'), /shift- or ctrl-click/);
    await row(third).click({ modifiers: ['Shift'] });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="chip"][data-key="managers"]').length === 2);
    await waitReady(page);
    assert.deepEqual(await heads(), [MARCUS, PRIYA].sort());
    await row(MARCUS).click();
    await page.waitForSelector('[data-testid="oo-compare"]', { state: 'detached' });
    await waitReady(page);
    assert.deepEqual(await page.$$eval('[data-testid="chip"][data-key="managers"]', (cs) => cs.map((c) => c.getAttribute('data-value'))), [MARCUS]);
    await page.click('[data-testid="filter-managers"]');
    await page.waitForSelector('[data-testid="filter-managers-options"]');
    await page.click('#oo-title');
    assert.equal(await page.locator('[data-testid="filter-managers-options"]').count(), 0);
    await pickFilter(page, 'managers', [MARCUS, PRIYA]);
    assert.deepEqual(problems.errors, []);
  });
});

/** The managers' labels in the options' order, as the Undo button lists them. */
const labelsInOrder = (values) => managerOrder.filter((c) => values.includes(c.value)).map((c) => c.label).join(', ');

describe('a 1:1’s drill-down', () => {
  it('lists each 1:1 with the agenda items it covered and its notes, as the export holds them', async () => {
    const label = page.locator('[data-testid="oo-grid"] text.label').first();
    await label.click();
    await waitReady(page);
    const heading = (await page.textContent('[data-testid="drill"] h3')).trim();
    const [, report, manager] = heading.match(/^1:1s of (.+) with (.+)$/);
    const rows = await page.$$eval('[data-testid="drill-rows"] tbody tr', (trs) =>
      trs.map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-key'), (td.querySelector('[data-testid="long-text"]') ?? td).textContent.trim()])))
    );
    assert.ok(rows.length > 0);
    // Agenda items of the held 1:1s in the window, independently (Outlook categories, tracker words).
    const [from, to] = [window.from, window.to];
    const mine = demo.meetings.filter((m) => m.kind === 'one_on_one' && m.status === 'held' && m.manager === emails[manager] && m.csm === emails[report] && m.date >= from && m.date <= to);
    const words = (agenda) => (agenda === null ? '—' : agenda.length ? Object.keys(AGENDA_LABELS).filter((k) => agenda.includes(k)).map((k) => AGENDA_LABELS[k]).join(', ') : 'none');
    const held = rows.filter((r) => r.status === 'held');
    assert.deepEqual(held.map((r) => r.agenda_covered).sort(), mine.map((m) => words(m.agenda)).sort());
    // Notes: each held 1:1's text is one the export's notes column holds, word for word.
    const file = held[0].source_file;
    const records = csvRecords(readFileSync(join(ROOT, 'static/demo', file), 'utf8'));
    const column = file.startsWith('outlook') ? 'Description' : 'Notes';
    const notes = new Set(records.map((r) => String(r[column] ?? '').trim()).filter(Boolean));
    assert.ok(held.every((r) => r.notes !== '—'), 'every held 1:1 of the demo has notes');
    for (const r of held) assert.ok(notes.has(r.notes), `notes of ${r.start} in ${file}: ${r.notes}`);
    // A long note is clamped, and opens in full.
    const more = page.locator('[data-testid="drill-rows"] td[data-key="notes"] button').first();
    if (await more.count()) {
      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      await more.click();
      assert.equal(await more.getAttribute('aria-expanded'), 'true');
    }
    assert.deepEqual(problems.errors, []);
  });
});
