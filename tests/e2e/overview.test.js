/**
 * The Overview on the demo: its headline figures and their previous-period values recomputed independently
 * (tests/e2e/independent.js), the planted patterns named by its findings, and every finding opening the
 * rows that support it.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { ROOT, startSite, launchBrowser, openPage, waitReady, showTab } from './harness.js';
import { computeMetrics, daysOfIso, loadDemo, overviewFigures, previousWindow } from './independent.js';
import { HIGH_TOUCH_LOW_PROGRESS } from '../../scripts/generate-demo.js';

let browser, site, page, context, problems, demo, win;

before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  ({ page, problems, context } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } }));
  await waitReady(page, 120_000);
  demo = loadDemo(join(ROOT, 'static/demo'));
  const [from, to] = (await page.textContent('[data-testid="window"]')).split('→').map((s) => s.trim());
  win = { from, to };
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

/** The headline cards' raw values: data-now, data-before and data-n, by figure id. */
const readCards = () =>
  page.$$eval('[data-testid="ov-figure"]', (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.id, { now: e.dataset.now === '' ? null : Number(e.dataset.now), before: e.dataset.before === '' ? null : Number(e.dataset.before), n: Number(e.dataset.n) }]))
  );
const close = (got, want, what) => assert.ok(got !== null && want !== null && Math.abs(got - want) < 1e-9, `${what}: ${got} against ${want}`);

const findingsOnPage = () =>
  page.$$eval('[data-testid="finding"]', (els) => els.map((e) => ({ rule: e.dataset.rule, key: e.dataset.key, rows: Number(e.dataset.rows), text: e.querySelector('.text').textContent.trim() })));

describe('the overview', () => {
  it('is the tab the demo opens on, with no fragment in the address', async () => {
    assert.equal(await page.getAttribute('[data-testid="tab-overview"]', 'aria-selected'), 'true');
    assert.equal(new URL(page.url()).hash, '');
    assert.equal(await page.locator('[data-testid="view-overview"]').count(), 1);
  });

  it('shows the headline figures and their previous-period values as an independent computation does', async () => {
    const cards = await readCards();
    const prev = previousWindow(win.from, win.to);
    assert.match(await page.textContent('[data-testid="ov-window"]'), new RegExp(`${prev.from} – ${prev.to}`));
    for (const [period, x] of [['now', overviewFigures(demo, win.from, win.to)], ['before', overviewFigures(demo, prev.from, prev.to)]]) {
      close(cards.ov_touches[period], x.touches, `${period} touches`);
      close(cards.ov_accounts_touched[period], x.accountsTouched / x.accounts, `${period} accounts touched`);
      close(cards.ov_progress_gained[period], x.progressGained, `${period} mean progress gained`);
      close(cards.ov_achieved[period], x.achieved, `${period} outcomes achieved`);
      close(cards.ov_overdue[period], x.overdue / x.outcomes, `${period} outcomes overdue`);
      close(cards.ov_coverage[period], x.heldWeeks / x.activeWeeks, `${period} 1:1 coverage`);
      close(cards.ov_cancel_rate[period], x.cancelled / x.due, `${period} cancel rate`);
      if (period === 'now') {
        close(cards.ov_goals_on_pace.now, x.goalsOnPace / x.goals, 'goals on pace');
        assert.deepEqual([cards.ov_touches.n, cards.ov_progress_gained.n, cards.ov_coverage.n, cards.ov_cancel_rate.n, cards.ov_goals_on_pace.n], [x.accounts, x.outcomesMoved, x.activeWeeks, x.due, x.goals]);
      }
    }
    assert.equal(cards.ov_goals_on_pace.before, null, 'goals are read at their latest check-in: no previous value');
  });

  it('names the planted patterns: the manager who cancels, the one who meets every other week, the high-touch low-progress accounts', async () => {
    const found = await findingsOnPage();
    assert.ok(found.length >= 5 && found.length <= 10, `${found.length} findings`);
    assert.match(found.find((f) => f.rule === 'finding_manager_cancel')?.text ?? '', /^Marcus Ong’s 1:1s were cancelled/);
    assert.match(found.find((f) => f.rule === 'finding_manager_coverage')?.text ?? '', /^Tomás Ortega held a 1:1/);
    const htlp = found.find((f) => f.rule === 'finding_htlp_arr');
    assert.ok(htlp, 'a high touch, low progress finding');
    assert.match(htlp.text, new RegExp(`^${htlp.rows} accounts had at least twice`));
    await page.locator('[data-key="htlp"] [data-testid="finding-rows"]').click();
    const accounts = await page.$$eval('[data-key="htlp"] [data-testid="finding-evidence"] tbody tr [data-key="account"]', (tds) => tds.map((t) => t.textContent.trim()));
    const planted = accounts.filter((a) => HIGH_TOUCH_LOW_PROGRESS.includes(a));
    assert.ok(planted.length >= 8 && planted.length >= accounts.length * (2 / 3), `mostly planted accounts: ${planted.length} of ${accounts.length} (${accounts.join(', ')})`);
    await page.locator('[data-key="htlp"] [data-testid="finding-rows"]').click();
  });

  it('opens the rows behind every finding: as many as it says, and the view behind it', async () => {
    const found = await findingsOnPage();
    for (const f of found) {
      const item = page.locator(`[data-testid="finding"][data-key="${f.key}"]`);
      await item.locator('[data-testid="finding-rows"]').click();
      const rows = await item.locator('[data-testid="finding-evidence"] tbody tr').count();
      assert.equal(rows, Math.min(f.rows, 200), `${f.key}: rows shown`);
      assert.ok(f.rows > 0, `${f.key} has rows`);
      if (f.rule === 'finding_segment_rho') assert.match(f.text, new RegExp(`n = ${f.rows} accounts`), `${f.key}: its n is its rows`);
      if (f.rule === 'finding_overdue_renewing') {
        const overdue = await item.locator('[data-testid="finding-evidence"] tbody td[data-key="overdue"]').allTextContents();
        assert.match(f.text, new RegExp(`have ${overdue.reduce((s, x) => s + Number(x.replace(/,/g, '')), 0)} overdue outcomes`));
      }
      await item.locator('[data-testid="finding-rows"]').click();
    }
    // Each manager finding opens the 1:1s its rate counts: the drill's total is the 1:1s due, and its split the numerator.
    for (const f of found.filter((x) => x.rule.startsWith('finding_manager_') && x.rule !== 'finding_manager_coverage')) {
      const [, part, due] = /\((\d[\d,]*) of (\d[\d,]*) 1:1s due\)/.exec(f.text);
      await page.locator(`[data-testid="finding"][data-key="${f.key}"] [data-testid="finding-open"]`).click();
      await waitReady(page);
      assert.equal(await page.getAttribute('[data-testid="tab-oneonone"]', 'aria-selected'), 'true');
      const summary = page.locator('[data-testid="drill-summary"]');
      assert.equal(await summary.getAttribute('data-total'), due.replace(/,/g, ''), `${f.key}: 1:1s due`);
      const what = f.rule === 'finding_manager_cancel' ? 'cancelled' : 'rescheduled';
      assert.match(await summary.textContent(), new RegExp(`${part} ${what}`), `${f.key}: ${what}`);
      await page.locator('[data-testid="drill"] button', { hasText: 'Close' }).click();
      await showTab(page, 'overview');
    }
    // A segment's ρ opens Meetings vs outcomes on that segment.
    const seg = found.find((x) => x.rule === 'finding_segment_rho' && x.key !== 'rho-(all)');
    if (seg) {
      await page.locator(`[data-testid="finding"][data-key="${seg.key}"] [data-testid="finding-open"]`).click();
      await waitReady(page);
      assert.equal(await page.getAttribute('[data-testid="tab-meetings"]', 'aria-selected'), 'true');
      assert.match(await page.textContent('[data-testid="filters"]'), new RegExp(`Segment: ${seg.key.slice(4)}`));
      await page.click('[data-testid="undo"]');
      await waitReady(page);
    }
    assert.deepEqual(problems.errors, []);
  });

  it('shows revenue at stake: the renewals in the next 30, 60 and 90 days with their ARR, and the rows behind them', async () => {
    await showTab(page, 'overview');
    const asOf = daysOfIso(computeMetrics(demo, {}).asOf);
    const cards = await page.$$eval('[data-testid="ov-renewals"]', (els) => els.map((e) => [Number(e.dataset.days), Number(e.dataset.accounts), e.dataset.arr === '' ? null : Number(e.dataset.arr)]));
    const want = [30, 60, 90].map((days) => {
      const within = demo.accounts.filter((a) => a.renewal && daysOfIso(a.renewal) - asOf > 0 && daysOfIso(a.renewal) - asOf <= days);
      return [days, within.length, within.reduce((s, a) => s + a.arr, 0)];
    });
    assert.deepEqual(cards, want);
    assert.ok(want[2][1] > 0, 'the demo has renewals ahead');
    await page.click('[data-testid="ov-renewals-toggle"]');
    const rows = await page.$$eval('[data-testid="ov-renewals-table"] tbody tr', (trs) => trs.map((tr) => tr.querySelector('[data-key="renewal_date"]').textContent.trim()));
    assert.equal(rows.length, want[2][1]);
    assert.deepEqual(rows, [...rows].sort(), 'soonest first');
    // A row opens the account's touches.
    await page.locator('[data-testid="ov-renewals-table"] tbody tr').first().locator('button.link').click();
    await waitReady(page);
    assert.match(await page.textContent('[data-testid="drill"] h3'), /^Customer touches with /);
    await page.locator('[data-testid="drill"] button', { hasText: 'Close' }).click();
    await page.click('[data-testid="ov-renewals-toggle"]');
  });

  it('exports its headline figures, findings and revenue at stake as PNG pictures of what the page shows', async () => {
    await showTab(page, 'overview');
    for (const [tools, block] of [['ov-headline-export', 'ov-headline'], ['ov-findings-export', 'findings'], ['ov-revenue-export', 'ov-revenue']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${tools}"] [data-testid="export-png"]`)]);
      const bytes = await readFile(await download.path());
      assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${tools}: a PNG`);
      // IHDR: the picture is the block's width plus its margins, at twice the pixels.
      const width = bytes.readUInt32BE(16);
      const shown = await page.$eval(`[data-testid="${block}"]`, (el) => Math.ceil(el.getBoundingClientRect().width));
      assert.equal(width, 2 * Math.max(360, shown + 32), tools);
      assert.ok(bytes.readUInt32BE(20) > 200, `${tools}: taller than its title`);
      assert.match(download.suggestedFilename(), /\.png$/);
    }
    assert.deepEqual(problems.errors, []); // no style the page's policy refuses, no canvas it cannot read
  });

  it('travels in the link: a link to the overview opens it with its window, and a link made before it keeps its tab', async () => {
    await showTab(page, 'meetings');
    assert.match(new URL(page.url()).hash, /^#v2\./);
    await showTab(page, 'overview');
    assert.equal(new URL(page.url()).hash, '', 'the overview is the default view');
    const link = (version, wire) => `#v${version}.${Buffer.from(JSON.stringify(wire)).toString('base64url')}`;
    const opened = async (hash, check) => {
      const o = await openPage(browser, site, { viewport: { width: 1280, height: 900 }, path: hash });
      try {
        await waitReady(o.page, 120_000);
        await check(o.page);
      } finally {
        await o.context.close();
      }
    };
    // A v2 link naming no tab is the Overview, with its window.
    await opened(link(2, { w: '26w' }), async (p) => {
      assert.equal(await p.getAttribute('[data-testid="tab-overview"]', 'aria-selected'), 'true');
      const [from, to] = (await p.textContent('[data-testid="window"]')).split('→').map((s) => s.trim());
      assert.equal((Date.parse(to) - Date.parse(from)) / 86_400_000 >= 25 * 7, true, `a 26-week window: ${from} → ${to}`);
      assert.match(await p.textContent('[data-testid="ov-window"]'), new RegExp(`^\\s*${from} – ${to}`));
      await p.locator('[data-testid="finding"]').first().waitFor();
    });
    // A v1 link (made before the Overview) naming no tab opened on Meetings vs outcomes, and still does.
    await opened(link(1, { w: '26w' }), async (p) => {
      assert.equal(await p.getAttribute('[data-testid="tab-meetings"]', 'aria-selected'), 'true');
      assert.equal(await p.locator('[data-testid="view-meetings"]').isVisible(), true);
    });
  });
});

describe('touch rates against each segment’s model', () => {
  it('lists the accounts served well above or below the model, remembers it on the device and carries it in the link', async () => {
    const { page: p, context: c } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } });
    try {
      await waitReady(p, 120_000);
      await showTab(p, 'meetings');
      const input = p.locator('[data-testid="touch-model-input"][data-segment="High Touch"]');
      await input.fill('4');
      await input.press('Enter');
      await input.blur();
      await waitReady(p);
      const [from, to] = (await p.textContent('[data-testid="window"]')).split('→').map((x) => x.trim());
      const expected = 4 * ((daysOfIso(to) - daysOfIso(from) + 1) / (365.25 / 12));
      const accounts = Object.entries(computeMetrics(demo, { from, to }).accounts).filter(([, a]) => a.segment === 'High Touch');
      const want = accounts.filter(([, a]) => a.touches >= 2 * expected || a.touches <= expected / 2).map(([name]) => name).sort();
      await p.locator('[data-testid="touch-served"]').waitFor();
      const more = p.locator('[data-testid="touch-served"] button', { hasText: /^Show all/ });
      if (await more.count()) await more.click();
      const got = (await p.$$eval('[data-testid="touch-served"] tbody tr td[data-key="account"]', (tds) => tds.map((t) => t.textContent.trim()))).sort();
      assert.deepEqual(got, want);
      assert.ok(want.length > 0, 'the demo has High Touch accounts off the model');
      // The link carries the model; a fresh browser opening it gets the same list.
      await p.waitForFunction(() => location.hash.length > 1);
      const link = p.url();
      const other = await openPage(browser, site, { viewport: { width: 1440, height: 900 }, path: link.slice(link.indexOf('#')) });
      try {
        await waitReady(other.page, 120_000);
        assert.equal(await other.page.inputValue('[data-testid="touch-model-input"][data-segment="High Touch"]'), '4');
        assert.equal(await other.page.locator('[data-testid="touch-served"] tbody tr').count(), Math.min(want.length, 200));
      } finally {
        await other.context.close();
      }
      // This device remembers it: the same browser opened with no link still has it.
      const again = await c.newPage();
      await again.goto(site.url);
      await waitReady(again, 120_000);
      await again.click('[data-testid="tab-meetings"]');
      await waitReady(again);
      assert.equal(await again.inputValue('[data-testid="touch-model-input"][data-segment="High Touch"]'), '4');
    } finally {
      await c.close();
    }
  });
});
