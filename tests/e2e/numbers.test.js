/**
 * The figures each view shows on the demo data, checked against an independent computation of the same
 * definitions (tests/e2e/independent.js: its own CSV parser and date arithmetic, none of the app's SQL).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, startSite, launchBrowser, openPage, waitReady, showTab, openAllAccounts } from './harness.js';
import { loadDemo, computeMetrics } from './independent.js';

let browser, site, page, problems, context, expected, names;

const pct = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(0)}%`);
const days = (x) => (x === null || x === undefined ? '—' : `${Math.round(x)} d`);
const rho = (x) => (x === null || x === undefined ? '—' : x.toFixed(2));
const pctv = (x) => (x === null || x === undefined ? '—' : `${Math.round(x)}%`);

/** A DataTable's cells as text, keyed by column. */
const readTable = (testid) =>
  page.$$eval(`[data-testid="${testid}"] tbody tr`, (trs) =>
    trs.map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-key'), td.textContent.trim()])))
  );

before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  ({ page, problems, context } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } }));
  await waitReady(page, 120_000);
  const [from, to] = (await page.textContent('[data-testid="window"]')).split('→').map((s) => s.trim());
  const demo = loadDemo(join(ROOT, 'static/demo'));
  // The app counts only reports still on the team in the window (docs/METRICS.md, per manager).
  expected = computeMetrics(demo, { from, to, onlyActivePairs: true, goalsInWindow: true });
  names = Object.fromEntries(demo.people.map((p) => [p.email, p.name]));
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

describe('the demo, recomputed independently', () => {
  it('1:1 consistency per manager', async () => {
    await showTab(page, 'oneonone');
    const rows = await readTable('oo-managers');
    assert.equal(rows.length, Object.keys(expected.managers).length);
    for (const [email, m] of Object.entries(expected.managers)) {
      const row = rows.find((r) => r.manager_name === names[email]);
      assert.ok(row, `no row for ${names[email]}`);
      const got = [row.pairs, row.coverage, row.cancel_rate, row.reschedule_rate, row.median_gap, row.days_since_held, row.agenda_goals, row.agenda_career, row.career_90_share];
      const want = [String(m.pairs), pct(m.coverage), pct(m.cancelRate), pct(m.rescheduleRate), days(m.medianGapDays), days(m.daysSinceLastHeld), pct(m.agenda.goals), pct(m.agenda.career), pct(m.careerLast90)];
      assert.deepEqual(got, want, names[email]);
    }
  });

  it("meetings vs outcomes: Spearman's ρ and n, overall and per segment", async () => {
    await showTab(page, 'meetings');
    const got = await page.$$eval('[data-testid="mo-correlation"] tbody tr', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-group'), tr.querySelector('[data-key="rho"]').textContent.trim(), tr.querySelector('[data-key="n"]').textContent.trim()])
    );
    const want = [['(all)', rho(expected.spearman.overall.rho), String(expected.spearman.overall.n)]];
    for (const [seg, s] of Object.entries(expected.spearman.bySegment).sort(([a], [b]) => a.localeCompare(b))) want.push([seg, rho(s.rho), String(s.n)]);
    assert.deepEqual(got, want);
  });

  it('meetings vs outcomes: every account’s meetings and progress gained', async () => {
    await openAllAccounts(page);
    const rows = await readTable('mo-accounts');
    assert.ok(rows.length >= 100);
    let checked = 0;
    for (const r of rows) {
      const a = expected.accounts[r.account];
      assert.ok(a, `no independent figure for ${r.account}`);
      assert.equal(r.meetings, String(a.meetings), `${r.account} meetings`);
      assert.equal(r.touches, String(a.touches), `${r.account} touches`);
      const want = a.progressGained === null ? '—' : `${a.progressGained > 0 ? '+' : ''}${a.progressGained.toFixed(0)} pts`;
      assert.equal(r.progress_gained, want, `${r.account} progress gained`);
      checked++;
    }
    assert.ok(checked >= 100);
  });

  it('goals per owner', async () => {
    await showTab(page, 'goals');
    const rows = await readTable('goals-owners');
    assert.equal(rows.length, Object.keys(expected.goals).length);
    for (const [email, g] of Object.entries(expected.goals)) {
      const row = rows.find((r) => r.owner_name === (names[email] ?? email));
      assert.ok(row, `no row for ${email}`);
      assert.deepEqual([row.goals, row.mean_progress, row.at_risk], [String(g.goals), pctv(g.meanProgress), String(g.atRisk)], email);
    }
  });

  it('outcomes per segment', async () => {
    await showTab(page, 'outcomes');
    const rows = await readTable('outcomes-segments');
    for (const [seg, o] of Object.entries(expected.outcomes)) {
      const row = rows.find((r) => r.segment === seg);
      assert.ok(row, `no row for ${seg}`);
      assert.deepEqual([row.outcomes, row.achieved, row.open, row.overdue, row.median_days_to_value], [String(o.outcomes), String(o.achieved), String(o.open), String(o.overdue), days(o.medianDaysToFirstValue)], seg);
    }
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.external, []);
  });
});
