/**
 * Coaching managers: what a coach clicks on the 1:1 view (expected cadence: the suggestion, setting and
 * removing a plan, the link and the device remembering it), checked against the independent computation
 * of the demo's figures (tests/e2e/independent.js).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, startSite, launchBrowser, openPage, waitReady, showTab } from './harness.js';
import { loadDemo, computeMetrics } from './independent.js';

let browser, site, page, problems, context, demo, names, window;

const pct = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(0)}%`);
const readTable = (p, testid) =>
  p.$$eval(`[data-testid="${testid}"] tbody tr`, (trs) =>
    trs.map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-key'), td.textContent.trim()])))
  );
const TOMAS = 'tomas.ortega@cadence-demo.example';

before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  ({ page, problems, context } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } }));
  await waitReady(page, 120_000);
  const [from, to] = (await page.textContent('[data-testid="window"]')).split('→').map((s) => s.trim());
  window = { from, to };
  demo = loadDemo(join(ROOT, 'static/demo'));
  names = Object.fromEntries(demo.people.map((p) => [p.email, p.name]));
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

/** The managers table against the independent figures for these plans. */
async function checkManagers(p, plans) {
  const expected = computeMetrics(demo, { ...window, onlyActivePairs: true, plans });
  const rows = await readTable(p, 'oo-managers');
  assert.equal(rows.length, Object.keys(expected.managers).length);
  for (const [email, m] of Object.entries(expected.managers)) {
    const row = rows.find((r) => r.manager_name === names[email]);
    assert.ok(row, `no row for ${names[email]}`);
    assert.deepEqual([row.plan, row.coverage, row.plan_coverage, row.missing_weeks], [m.plan, pct(m.coverage), pct(m.planCoverage), String(m.missingWeeks)], names[email]);
  }
  return expected;
}

describe('expected cadence', () => {
  it('suggests a fortnightly plan for the manager who holds 1:1s every other week, and only for him', async () => {
    await showTab(page, 'oneonone');
    const expected = await checkManagers(page, []);
    const suggested = Object.entries(expected.managers).filter(([, m]) => m.suggestedPlan).map(([e, m]) => [e, m.suggestedPlan]);
    assert.deepEqual(suggested, [[TOMAS, 'fortnightly']], 'the demo plants one fortnightly manager');
    const shown = await page.$$eval('[data-testid="plan-suggestion"]', (ps) => ps.map((p) => [p.getAttribute('data-manager'), p.textContent]));
    assert.equal(shown.length, 1);
    assert.equal(shown[0][0], TOMAS);
    const t = expected.managers[TOMAS];
    assert.ok(t.coverage < 0.6 && t.fortnightCoverage >= 0.9, `Tomás: weekly ${t.coverage}, fortnightly ${t.fortnightCoverage}`);
    assert.match(shown[0][1], new RegExp(`Tomás Ortega holds 1:1s every two weeks.*${pct(t.coverage)} of weeks have a held 1:1, ${pct(t.fortnightCoverage)} are within two weeks`));
    // A suggestion, not a reclassification: until the coach clicks, Tomás is measured weekly.
    const row = (await readTable(page, 'oo-managers')).find((r) => r.manager_name === 'Tomás Ortega');
    assert.equal(row.plan, 'weekly');
    assert.equal(row.plan_coverage, row.coverage);
  });

  it('measures him against the plan once set, with the weekly standard beside it, in the grid too', async () => {
    const missingBefore = await page.locator('[data-testid="oo-grid"] rect[data-status="missing"]').count();
    assert.ok(missingBefore > 0);
    await page.click('[data-testid="plan-suggestion"] button');
    await waitReady(page);
    const plans = [{ level: 'manager', manager: TOMAS, every: 'fortnightly' }];
    const expected = await checkManagers(page, plans);
    assert.equal(expected.managers[TOMAS].plan, 'fortnightly');
    assert.ok(expected.managers[TOMAS].planCoverage >= 0.9);
    assert.equal(await page.locator('[data-testid="plan-suggestion"]').count(), 0, 'no suggestion once it is the plan');
    // His off weeks are between planned 1:1s now, not missing.
    const notDue = await page.locator('[data-testid="oo-grid"] rect[data-status="not_due"]').count();
    assert.ok(notDue > 0);
    assert.ok((await page.locator('[data-testid="oo-grid"] rect[data-status="missing"]').count()) < missingBefore);
    // Per pair: each of his reports against the plan.
    await page.locator('[data-testid="view-oneonone"] details > summary', { hasText: 'Per-report numbers' }).click();
    const perPair = await page.$$eval('[data-testid="view-oneonone"] details table tbody tr', (trs) =>
      trs.map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-key'), td.textContent.trim()])))
    );
    for (const [k, p] of Object.entries(expected.pairs)) {
      if (!k.startsWith(`${TOMAS}|`) || p.activeWeeks === 0) continue;
      const row = perPair.find((r) => r.csm_name === names[p.report]);
      assert.ok(row, `no row for ${names[p.report]}`);
      assert.deepEqual([row.plan, row.plan_coverage, row.current_streak], ['fortnightly', `${pct(p.planCoverage)} (${p.withinWeeks}/${p.activeWeeks})`, `${p.currentStreak} wk`], names[p.report]);
    }
  });

  it('carries the plan in the link, and remembers it on this device', async () => {
    const link = page.url();
    assert.match(link, /#v1/);
    // Another browser opening the link sees the plan (it has none of its own).
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const p2 = await other.newPage();
    await p2.goto(link);
    await waitReady(p2, 120_000);
    const row = (await readTable(p2, 'oo-managers')).find((r) => r.manager_name === 'Tomás Ortega');
    assert.equal(row.plan, 'fortnightly');
    // Opened without a link, that browser measures weekly: the link's plan was not saved there.
    await p2.goto(site.url);
    await waitReady(p2, 120_000);
    await showTab(p2, 'oneonone');
    assert.equal((await readTable(p2, 'oo-managers')).find((r) => r.manager_name === 'Tomás Ortega').plan, 'weekly');
    await other.close();
    // This device remembers the coach's plan on a fresh visit with no link.
    await page.goto(site.url);
    await waitReady(page, 120_000);
    await showTab(page, 'oneonone');
    assert.equal((await readTable(page, 'oo-managers')).find((r) => r.manager_name === 'Tomás Ortega').plan, 'fortnightly');
  });

  it('sets a plan for one pair from the form, and removes plans', async () => {
    await page.click('[data-testid="cadence-plans"] summary');
    const option = await page.$$eval('[data-testid="plan-target"] option', (os) => os.map((o) => [o.value, o.textContent]).find(([, t]) => /^Avery Rossi with /.test(t)));
    assert.ok(option, 'a pair is offered');
    await page.selectOption('[data-testid="plan-target"]', option[0]);
    await page.selectOption('[data-testid="plan-every"]', 'monthly');
    await page.click('[data-testid="plan-set"]');
    await waitReady(page);
    const list = await page.$$eval('[data-testid="plan-list"] li', (lis) => lis.map((l) => l.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(list, ['Tomás Ortega’s reports: every two weeks Remove', `${option[1]}: monthly Remove`]);
    const dana = 'dana.whitfield@cadence-demo.example';
    const avery = demo.people.find((p) => p.name === 'Avery Rossi').email;
    await checkManagers(page, [{ level: 'manager', manager: TOMAS, every: 'fortnightly' }, { level: 'pair', manager: dana, csm: avery, every: 'monthly' }]);
    assert.equal((await readTable(page, 'oo-managers')).find((r) => r.manager_name === 'Dana Whitfield').plan, 'mixed');
    for (let n = 2; n > 0; n--) {
      await page.locator('[data-testid="plan-list"] li button').first().click();
      await waitReady(page);
    }
    await checkManagers(page, []);
    assert.equal(await page.locator('[data-testid="plan-suggestion"]').count(), 1, 'the suggestion is back');
    // The link says the 1:1 tab and nothing else: no plans left in it.
    const bare = Buffer.from(JSON.stringify({ t: 'oneonone' })).toString('base64url');
    assert.equal(new URL(page.url()).hash, `#v1.${bare}`);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.external, []);
  });
});
