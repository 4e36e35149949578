/**
 * The Goals and Outcomes charts on the demo: each chart's table against the independent computation
 * (tests/e2e/independent.js), a click on a mark lists exactly the rows its number counts, the Segment filter
 * reaches the charts, and a link with an outcome drill-down open reopens it.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, startSite, launchBrowser, openPage, waitReady, showTab, pickFilter } from './harness.js';
import { loadDemo, goalOutcomeCharts } from './independent.js';

let browser, site, page, problems, context, demo, expected, window;

const count = (n) => n.toLocaleString('en-US');
const pct1 = (x) => `${x.toFixed(1)}%`;
const days = (x) => (x === null || x === undefined ? '—' : `${Math.round(x)} d`);
const progressBin = (lo) => `${lo}–${lo + 10}%`;
const signed = (v) => (v < 0 ? `−${Math.abs(v)}` : v > 0 ? `+${v}` : '0');
const pacingBin = (lo) => `${signed(lo)} to ${signed(lo + 10)} pts`;

/** A chart's table (after "Show table"), its cells as text keyed by column; the chart is shown again after. */
async function chartTable(testid) {
  const fig = page.locator(`[data-testid="${testid}"]`);
  await fig.getByRole('button', { name: 'Show table' }).click();
  const rows = await page.$$eval(`[data-testid="${testid}-table"] tbody tr`, (trs) =>
    trs.map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-key'), td.textContent.trim()])))
  );
  await fig.getByRole('button', { name: 'Show chart' }).click();
  return rows;
}

/** Clicks a mark and returns what the drill-down says it lists, and how many rows it shows. */
async function drill(markSelector) {
  await page.locator(markSelector).first().click();
  await waitReady(page);
  await page.waitForSelector('[data-testid="drill"] [data-testid="drill-summary"]');
  return page.$eval('[data-testid="drill"]', (d) => ({
    label: d.querySelector('h3').textContent.trim(),
    total: Number(d.querySelector('[data-testid="drill-summary"]').getAttribute('data-total')),
    kind: d.querySelector('[data-testid="drill-summary"]').getAttribute('data-kind'),
    shown: d.querySelectorAll('[data-testid="drill-rows"] tbody tr').length
  }));
}

before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  ({ page, problems, context } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } }));
  await waitReady(page, 120_000);
  const [from, to] = (await page.textContent('[data-testid="window"]')).split('→').map((s) => s.trim());
  window = { from, to };
  demo = loadDemo(join(ROOT, 'static/demo'));
  expected = goalOutcomeCharts(demo, from, to);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

describe('goals and outcomes charts on the demo, recomputed independently', () => {
  it('goals by progress and by pacing: every bin', async () => {
    await showTab(page, 'goals');
    const progress = await chartTable('goals-progress-chart');
    assert.equal(progress.length, 10);
    for (let lo = 0; lo < 100; lo += 10) assert.equal(progress.find((r) => r.bin === progressBin(lo))?.goals, count(expected.goals.progressBins[lo] ?? 0), `progress ${lo}`);
    const pacing = await chartTable('goals-pacing-chart');
    assert.equal(pacing.length, 20);
    for (let lo = -100; lo < 100; lo += 10) assert.equal(pacing.find((r) => r.bin === pacingBin(lo))?.goals, count(expected.goals.pacingBins[lo] ?? 0), `pacing ${lo}`);
    assert.ok(Object.values(expected.goals.progressBins).reduce((a, b) => a + b, 0) > 50, 'the demo has goals to bin');
  });

  it('mean progress by month of check-in', async () => {
    const rows = await chartTable('goals-checkin-chart');
    const want = Object.entries(expected.goals.checkinMonths);
    assert.ok(want.length >= 2, 'check-ins in more than one month');
    assert.deepEqual(rows.map((r) => [r.month, r.goals, r.mean_progress]), want.map(([m, c]) => [m, count(c.goals), pct1(c.meanProgress)]));
  });

  it('a goals bar lists exactly the goals it counts', async () => {
    // The tallest progress bin (90–100%: done goals) and the most behind-pace pacing bin with goals.
    const top = Object.entries(expected.goals.progressBins).sort((a, b) => b[1] - a[1])[0];
    const d = await drill(`[data-testid="goals-progress-chart"] g.bar[data-key="${top[0]}"]`);
    assert.deepEqual([d.kind, d.total, d.shown], ['goals', top[1], Math.min(top[1], 200)]);
    assert.equal(d.label, `Goals at ${progressBin(Number(top[0]))} progress`);
    const behind = Math.min(...Object.keys(expected.goals.pacingBins).map(Number));
    const p = await drill(`[data-testid="goals-pacing-chart"] g.bar[data-key="${behind}"]`);
    assert.deepEqual([p.total, p.shown], [expected.goals.pacingBins[behind], expected.goals.pacingBins[behind]]);
    const [month, c] = Object.entries(expected.goals.checkinMonths)[0];
    const m = await drill(`[data-testid="goals-checkin-chart"] g.bar[data-key="${month}"]`);
    assert.deepEqual([m.total, m.shown], [c.goals, Math.min(c.goals, 200)]);
    await page.click('[data-testid="drill"] button:has-text("Close")');
  });

  it('outcomes achieved per month and overdue at each month’s end', async () => {
    await showTab(page, 'outcomes');
    const achieved = await chartTable('oc-achieved-chart');
    assert.deepEqual(achieved.map((r) => [r.month, r.achieved]), Object.entries(expected.outcomes.achievedMonths).map(([m, n]) => [m, count(n)]));
    const overdue = await chartTable('oc-overdue-chart');
    assert.deepEqual(overdue.map((r) => [r.month, r.month_end, r.overdue]), Object.entries(expected.outcomes.overdueMonths).map(([m, o]) => [m, o.at, count(o.overdue)]));
    // At the window's end it is the overdue count of the segments table.
    const segments = await page.$$eval('[data-testid="outcomes-segments"] tbody td[data-key="overdue"]', (tds) => tds.reduce((s, td) => s + Number(td.textContent.replace(/,/g, '')), 0));
    assert.equal(count(segments), overdue.at(-1).overdue);
    assert.ok(Object.values(expected.outcomes.overdueMonths).some((o) => o.overdue > 0));
  });

  it('time to first value per segment: n, quartiles, median and range', async () => {
    const rows = await chartTable('oc-ttfv');
    const want = Object.entries(expected.outcomes.ttfv).sort(([a], [b]) => (a < b ? -1 : 1));
    assert.deepEqual(
      rows.map((r) => [r.segment, r.value_n, r.ttfv_min, r.ttfv_q1, r.median_days_to_value, r.ttfv_q3, r.ttfv_max]),
      want.map(([s, t]) => [s, count(t.n), days(t.min), days(t.q1), days(t.median), days(t.q3), days(t.max)])
    );
  });

  it('an outcomes mark lists exactly the outcomes it counts, and the link reopens it', async () => {
    const [month, n] = Object.entries(expected.outcomes.achievedMonths).sort((a, b) => b[1] - a[1])[0];
    const a = await drill(`[data-testid="oc-achieved-chart"] g.bar[data-key="${month}"]`);
    assert.deepEqual([a.kind, a.total, a.shown], ['outcomes', n, Math.min(n, 200)]);
    const [seg, t] = Object.entries(expected.outcomes.ttfv)[0];
    const s = await drill(`[data-testid="oc-ttfv"] g.seg[data-segment="${seg}"]`);
    assert.deepEqual([s.total, s.shown], [t.n, Math.min(t.n, 200)]);
    const [lastMonth, o] = Object.entries(expected.outcomes.overdueMonths).at(-1);
    const d = await drill(`[data-testid="oc-overdue-chart"] g.bar[data-key="${lastMonth}"]`);
    assert.deepEqual([d.total, d.shown, d.label], [o.overdue, Math.min(o.overdue, 200), `Outcomes overdue on ${o.at}`]);

    await page.waitForFunction(() => location.hash.startsWith('#v2'));
    const link = page.url();
    const other = await openPage(browser, site, { viewport: { width: 390, height: 900 }, path: link.slice(link.indexOf('#')) });
    try {
      await waitReady(other.page, 120_000);
      await other.page.waitForSelector('[data-testid="drill"] [data-testid="drill-summary"]');
      await waitReady(other.page);
      const again = await other.page.$eval('[data-testid="drill"]', (el) => ({
        label: el.querySelector('h3').textContent.trim(),
        total: Number(el.querySelector('[data-testid="drill-summary"]').getAttribute('data-total')),
        shown: el.querySelectorAll('[data-testid="drill-rows"] tbody tr').length
      }));
      assert.deepEqual(again, { label: d.label, total: d.total, shown: d.shown });
      assert.equal(await other.page.getAttribute('[data-testid="tab-outcomes"]', 'aria-selected'), 'true');
      assert.deepEqual(other.problems.errors, []);
    } finally {
      await other.context.close();
    }
    await page.click('[data-testid="drill"] button:has-text("Close")');
  });

  it('the Segment filter reaches the charts as it does the tables', async () => {
    const seg = Object.keys(expected.outcomes.ttfv).sort()[0];
    await page.click(`[data-testid="outcome-segment"][data-segment="${seg}"]`);
    await waitReady(page);
    const only = goalOutcomeCharts(demo, window.from, window.to, { segments: [seg] });
    const overdue = await chartTable('oc-overdue-chart');
    assert.deepEqual(overdue.map((r) => r.overdue), Object.values(only.outcomes.overdueMonths).map((o) => count(o.overdue)));
    const achieved = await chartTable('oc-achieved-chart');
    assert.deepEqual(achieved.map((r) => r.achieved), Object.values(only.outcomes.achievedMonths).map((n) => count(n)));
    assert.deepEqual((await chartTable('oc-ttfv')).map((r) => r.segment), [seg]);
    assert.notDeepEqual(only.outcomes.overdueMonths, expected.outcomes.overdueMonths);
    await pickFilter(page, 'segments', []);
  });

  it('an empty chart says which filters empty it', async () => {
    // A manager and a CSM who reports to someone else: no goal and no outcome can match both.
    const report = demo.people.find((p) => p.manager && demo.people.some((m) => m.email === p.manager));
    const manager = demo.people.find((m) => demo.people.some((p) => p.manager === m.email) && m.email !== report.manager);
    await pickFilter(page, 'managers', [{ label: manager.name }]);
    await pickFilter(page, 'csms', [{ label: report.name }]);
    const why = (id) => page.textContent(`[data-testid="${id}-empty"]`).then((t) => t.trim());
    const filters = `for Manager: ${manager.name}, CSM: ${report.name}`;
    assert.match(await why('oc-overdue-chart'), new RegExp(`^No outcomes overdue at a month’s end ${filters}`));
    assert.match(await why('oc-ttfv'), new RegExp(`^No outcomes with a start and a first value date ${filters}`));
    await showTab(page, 'goals');
    assert.match(await why('goals-progress-chart'), new RegExp(`^No goals with a progress value ${filters}`));
    assert.match(await why('goals-checkin-chart'), new RegExp(`^No check-ins with a progress value ${filters}`));
    await pickFilter(page, 'csms', []);
    await pickFilter(page, 'managers', []);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.external, []);
  });
});
