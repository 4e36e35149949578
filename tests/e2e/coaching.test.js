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
    // The plan columns show once a plan is set (weekly for all needs none).
    if (plans.length) assert.deepEqual([row.plan, row.coverage, row.plan_coverage], [m.plan, pct(m.coverage), pct(m.planCoverage)], names[email]);
    else assert.deepEqual([row.plan, row.coverage, row.plan_coverage, m.plan, m.planCoverage], [undefined, pct(m.coverage), undefined, 'weekly', m.coverage], names[email]);
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
    assert.equal(row.plan, undefined, 'no plan column while every pair is on the weekly standard');
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
    assert.match(link, /#v2\./);
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
    assert.equal((await readTable(p2, 'oo-managers')).find((r) => r.manager_name === 'Tomás Ortega').plan, undefined);
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
    assert.equal(new URL(page.url()).hash, `#v2.${bare}`);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.external, []);
  });
});

describe('what changed: this period against the previous one, and trends by month', () => {
  const read = (p, id) =>
    p.$eval(`[data-testid="headline-${id}"]`, (el) => ({
      value: el.querySelector('.value').textContent.trim(),
      delta: el.querySelector('[data-testid="delta"]').firstChild.textContent.trim(),
      verdict: el.getAttribute('data-verdict'),
      behind: el.querySelector('[data-testid="behind"]').textContent.replace(/\s+/g, ' ').trim()
    }));
  const points = (now, before) => {
    const shown = Math.round((now - before) * 100);
    return shown === 0 ? '±0 pts' : `${shown > 0 ? '+' : '−'}${Math.abs(shown)} pts`;
  };
  const daysOf = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const isoOf = (d) => new Date(d * 86_400_000).toISOString().slice(0, 10);

  it('shows each headline with its change, coloured the good way, and the counts behind it one click away', async () => {
    await page.goto(site.url);
    await waitReady(page, 120_000);
    await showTab(page, 'oneonone');
    const now = computeMetrics(demo, { ...window, onlyActivePairs: true }).totals;
    // The previous period of the same length, written out here (the page has its own single definition).
    const length = daysOf(window.to) - daysOf(window.from) + 1;
    const previous = { from: isoOf(daysOf(window.from) - length), to: isoOf(daysOf(window.from) - 1) };
    const before = computeMetrics(demo, { ...previous, onlyActivePairs: true }).totals;
    const cases = [
      ['coverage', 'coverage', 'heldWeeks', 'activeWeeks', 'up'],
      ['cancel_rate', 'cancelRate', 'cancelled', 'due', 'down'],
      ['reschedule_rate', 'rescheduleRate', 'rescheduled', 'due', 'down'],
      ['agenda_career', 'career', 'careerHeld', 'agendaKnown', 'up'],
      ['prepared_share', 'prepared', 'prepTrue', 'prepKnown', 'up']
    ];
    for (const [id, share, top, bottom, good] of cases) {
      const got = await read(page, id);
      const diff = Math.round((now[share] - before[share]) * 100);
      const verdict = diff === 0 ? 'same' : (diff > 0) === (good === 'up') ? 'better' : 'worse';
      assert.deepEqual([got.value, got.delta, got.verdict], [pct(now[share]), points(now[share], before[share]), verdict], id);
      await page.click(`[data-testid="headline-${id}"] summary`);
      assert.ok(await page.isVisible(`[data-testid="headline-${id}"] [data-testid="behind"]`), `${id}: the numbers behind it open`);
      const fmt = (n) => n.toLocaleString('en-US');
      assert.match(got.behind, new RegExp(`This period \\(${window.from} – ${window.to}\\): ${fmt(now[top])} of ${fmt(now[bottom])} .*Previous period \\(${previous.from} – ${previous.to}\\): ${fmt(before[top])} of ${fmt(before[bottom])} `), id);
    }
  });

  it('draws each manager’s months, and opens a manager’s reports', async () => {
    const expected = computeMetrics(demo, { ...window, onlyActivePairs: true });
    for (const [email, months] of Object.entries(expected.monthly)) {
      if (!expected.managers[email]) continue;
      const order = Object.keys(months).sort();
      const row = page.locator(`[data-testid="oo-trends"] tr[data-manager="${email}"]`);
      const values = (key) => row.locator(`td[data-key="${key}"] [data-testid="sparkline"]`).getAttribute('data-values');
      const want = (f) => order.map((m) => (f(months[m]) === null ? '' : f(months[m]).toFixed(4))).join(' ');
      assert.equal(await values('coverage'), want((x) => (x.activeWeeks ? x.heldWeeks / x.activeWeeks : null)), `${names[email]} coverage by month`);
      assert.equal(await values('cancel_rate'), want((x) => (x.due ? x.cancelled / x.due : null)), `${names[email]} cancel rate by month`);
    }
    // Marcus cancels every month; Priya never covers career.
    const marcus = (await page.locator('[data-testid="oo-trends"] tr[data-manager="marcus.ong@cadence-demo.example"] td[data-key="cancel_rate"] [data-testid="sparkline"]').getAttribute('data-values')).split(' ').map(Number);
    assert.ok(marcus.every((v) => v > 0.1), `Marcus's cancel rate by month: ${marcus}`);
    const priya = await page.locator('[data-testid="oo-trends"] tr[data-manager="priya.raman@cadence-demo.example"] td[data-key="agenda_career"] [data-testid="sparkline"]').getAttribute('data-values');
    assert.ok(priya.split(' ').every((v) => Number(v) === 0), `Priya's career share by month: ${priya}`);
    await page.click('[data-testid="oo-trends"] tr[data-manager="marcus.ong@cadence-demo.example"] button');
    const reports = await page.locator('[data-testid="oo-trends"] tr.pair').count();
    assert.equal(reports, expected.managers['marcus.ong@cadence-demo.example'].pairs);
    assert.deepEqual(problems.errors, []);
  });
});

describe('coming up', () => {
  it('lists, as of the last date, the pairs with nothing booked and the reports waiting past their plan', async () => {
    await page.goto(site.url);
    await waitReady(page, 120_000);
    await showTab(page, 'oneonone');
    // Independently: the tracker's Scheduled 1:1s after as of, per pair still on the team; waits from the held ones.
    const expected = computeMetrics(demo, { ...window, onlyActivePairs: true });
    const asOf = expected.asOf;
    const plusDays = (n) => new Date(Date.parse(`${asOf}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const ahead = demo.meetings.filter((m) => m.kind === 'one_on_one' && m.status === 'scheduled' && m.date > asOf);
    const withCalendar = new Set(ahead.map((m) => m.manager));
    const onTeam = new Map(demo.people.filter((p) => (!p.end || p.end >= asOf) && (!p.start || p.start <= asOf)).map((p) => [p.email, p]));
    const want = [];
    for (const p of Object.values(expected.pairs)) {
      if (!onTeam.has(p.report)) continue;
      const booked = (n) => ahead.some((m) => m.manager === p.manager && m.csm === p.report && m.date <= plusDays(n));
      const overdue = p.daysSinceLastHeld === null || p.daysSinceLastHeld > 7;
      const cal = withCalendar.has(p.manager);
      if ((cal && (!booked(7) || !booked(14))) || overdue) want.push([names[p.report], names[p.manager], cal ? (booked(7) ? 'yes' : 'no') : 'no', overdue ? 'yes' : 'no']);
    }
    const got = (await readTable(page, 'oo-upcoming')).map((r) => [r.csm_name, r.manager_name, r.booked_7, r.overdue]);
    assert.deepEqual(got.sort(), want.sort());
    // The planted gaps: Ken's first report has nothing booked in two weeks, Priya's first none next week.
    const rows = await readTable(page, 'oo-upcoming');
    assert.ok(rows.some((r) => r.manager_name === 'Ken Adeyemi' && r.booked_14 === 'no'));
    assert.ok(rows.some((r) => r.manager_name === 'Priya Raman' && r.booked_7 === 'no' && r.booked_14 === 'yes'));
    // The Outlook managers' exports have no calendar ahead: said, not read as unbooked.
    assert.match(await page.textContent('[data-testid="upcoming-no-calendar"]'), /Dana Whitfield, Marcus Ong and Tomás Ortega/);
    assert.ok(rows.filter((r) => r.manager_name === 'Dana Whitfield').every((r) => r.overdue === 'yes'));
    assert.deepEqual(problems.errors, []);
  });
});

describe('the coaching brief', () => {
  it('opens from a manager’s row with the figures, the team beside them and observations; its link reproduces it', async () => {
    await page.goto(site.url);
    await waitReady(page, 120_000);
    await showTab(page, 'oneonone');
    const priya = 'priya.raman@cadence-demo.example';
    await page.click(`[data-testid="oo-trends"] tr[data-manager="${priya}"] [data-testid="open-brief"]`);
    await waitReady(page);
    await page.waitForSelector(`[data-testid="coaching-brief"][data-manager="${priya}"]`);
    const expected = computeMetrics(demo, { ...window, onlyActivePairs: true });
    const m = expected.managers[priya];
    const all = expected.totals;
    const cells = async (key) => page.$$eval(`[data-testid="brief-figures"] tr[data-key="${key}"] td`, (tds) => tds.map((td) => td.textContent.trim()));
    const cov = await cells('coverage');
    assert.equal(cov[0], pct(m.coverage));
    assert.equal(cov[2], pct(all.coverage));
    // The planted pattern in plain words: Priya never covers career; every manager's count beside hers.
    const careerHeld = Math.round(m.agenda.career * m.agendaN);
    const obs = await page.$$eval('[data-testid="brief-observations"] li', (lis) => lis.map((l) => [l.getAttribute('data-id'), l.textContent.trim()]));
    assert.ok(obs.length >= 3 && obs.length <= 5);
    const career = obs.find(([id]) => id === 'career')[1];
    assert.match(career, new RegExp(`^Career development came up in ${careerHeld} of ${m.agendaN} held 1:1s \\(0%\\); across all managers, ${all.careerHeld} of ${all.agendaKnown} `));
    assert.equal(careerHeld, 0);
    // Each observation links to the part of the brief with its rows.
    for (const target of await page.$$eval('[data-testid="brief-observations"] a', (as) => as.map((a) => a.getAttribute('href')))) {
      assert.equal(await page.locator(target).count(), 1, target);
    }
    assert.equal(await page.locator('[data-testid="brief-pairs"] tbody tr').count(), m.pairs);
    // The link opens the same brief in another browser.
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const p2 = await other.newPage();
    await p2.goto(page.url());
    await waitReady(p2, 120_000);
    await p2.waitForSelector(`[data-testid="coaching-brief"][data-manager="${priya}"]`);
    assert.deepEqual(await p2.$$eval('[data-testid="brief-observations"] li', (lis) => lis.map((l) => [l.getAttribute('data-id'), l.textContent.trim()])), obs);
    // Printed, it is the brief alone, on one A4 page.
    await p2.emulateMedia({ media: 'print' });
    assert.equal(await p2.locator('[data-testid="tab-oneonone"]').isVisible(), false);
    assert.equal(await p2.locator('[data-testid="coaching-brief"] h2').isVisible(), true);
    const pdf = await p2.pdf({ format: 'A4', margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1, 'one A4 page');
    await other.close();
    await page.click('[data-testid="coaching-brief"] button:has-text("Back")');
    await waitReady(page);
    assert.equal(await page.locator('[data-testid="coaching-brief"]').count(), 0);
    assert.deepEqual(problems.errors, []);
  });
});
