/** The dashboard as a coach uses it: focus by clicking, undo, drill to the rows, reach marks by keyboard. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchBrowser, openPage, waitReady, showTab, filterChoices, pickFilter } from './harness.js';

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

const gridRows = () => page.$$eval('[data-testid="oo-grid"] text[role="button"] tspan', (els) => els.map((e) => e.textContent));

describe('interaction', () => {
  it('clicking a manager filters every view to them, and Undo brings the rest back', async () => {
    await showTab(page, 'oneonone');
    const before = await gridRows();
    await page.locator('[data-testid="oo-managers"] button.link', { hasText: 'Marcus Ong' }).click();
    await waitReady(page);
    assert.match(await page.textContent('[data-testid="filters"]'), /Manager: Marcus Ong/);
    const after = await gridRows();
    assert.ok(after.length > 0 && after.length < before.length);
    assert.ok(after.every((t) => / · Marcus$/.test(t)), 'only Marcus’s reports');
    await showTab(page, 'goals');
    const owners = await page.$$eval('[data-testid="goals-owners"] tbody tr', (trs) => trs.length);
    assert.ok(owners > 0 && owners <= 8, 'goals follow the manager filter');
    await page.click('[data-testid="undo"]');
    await showTab(page, 'oneonone');
    assert.deepEqual(await gridRows(), before);
  });

  it('drills from a grid row to the 1:1s behind it', async () => {
    const label = page.locator('[data-testid="oo-grid"] text[role="button"]').first();
    const name = (await label.locator('tspan').textContent()).split(' · ')[0];
    await label.click();
    await waitReady(page);
    const rows = await page.$$eval('[data-testid="drill-rows"] tbody tr', (trs) => trs.map((tr) => tr.querySelector('[data-key="csm_name"]').textContent.trim()));
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r === name));
    await page.locator('[data-testid="drill"] button', { hasText: 'Close' }).click();
    assert.equal(await page.locator('[data-testid="drill"]').count(), 0);
  });

  it('switches the volume chart between weeks and months', async () => {
    await showTab(page, 'meetings');
    const bars = () => page.locator('[data-testid="mo-weekly"] rect.meet').count();
    const weekly = await bars();
    await page.selectOption('[data-testid="grain"]', 'month');
    await waitReady(page);
    const [from, to] = (await page.textContent('[data-testid="window"]')).split('→').map((x) => x.trim());
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    assert.equal(await bars(), months);
    assert.ok(weekly > months);
    await page.selectOption('[data-testid="grain"]', 'week');
    await waitReady(page);
  });

  it('opens the customer touches behind a week’s bar, and every view explains its numbers', async () => {
    await showTab(page, 'meetings');
    const bar = page.locator('[data-testid="mo-weekly"] rect.meet').last();
    await bar.focus();
    await page.keyboard.press('Enter');
    await waitReady(page);
    await page.locator('[data-testid="drill"]').waitFor();
    assert.match(await page.textContent('[data-testid="drill"] h3'), /Customer touches, week of \d{4}-\d{2}-\d{2}/);
    const statuses = await page.$$eval('[data-testid="drill-rows"] tbody td[data-key="status"]', (tds) => [...new Set(tds.map((t) => t.textContent.trim()))]);
    assert.deepEqual(statuses, ['held']);
    await page.locator('[data-testid="drill"] button', { hasText: 'Close' }).click();
    for (const tab of ['meetings', 'oneonone', 'goals', 'outcomes']) {
      await showTab(page, tab);
      const defs = page.locator(`#panel-${tab} [data-testid="definitions"]`);
      await defs.locator('summary').click();
      assert.ok((await defs.locator('dt').count()) >= 4, `${tab} explains its numbers`);
    }
  });

  it('reaches a scatter mark by keyboard and opens its account', async () => {
    await showTab(page, 'meetings');
    const dot = page.locator('[data-testid="mo-scatter"] [role="button"]').first();
    await dot.focus();
    await page.keyboard.press('Enter');
    await waitReady(page);
    await page.locator('[data-testid="drill"]').waitFor();
    assert.match(await page.textContent('[data-testid="drill"] h3'), /Customer touches with /);
    assert.deepEqual(problems.errors, []);
  });
});

describe('undo', () => {
  it('says what each step undoes, and a drill-down opened after the step closes with it', async () => {
    await showTab(page, 'meetings');
    const undo = page.locator('[data-testid="undo"]');
    while (await undo.count()) {
      await undo.click(); // back to the view the page opened with
      await waitReady(page);
    }
    const open = page.locator('[data-testid="drill"] button', { hasText: 'Close' });
    if (await open.count()) await open.click(); // an earlier test's drill-down
    await page.selectOption('[data-testid="filter-window"]', '52w');
    await waitReady(page);
    assert.equal((await undo.textContent()).trim(), '↶ Undo: window → 13 weeks');
    await page.selectOption('[data-testid="filter-window"]', '4w');
    await waitReady(page);
    assert.equal((await undo.textContent()).trim(), '↶ Undo: window → 52 weeks');

    const bar = page.locator('[data-testid="mo-weekly"] rect.meet').last();
    await bar.focus();
    await page.keyboard.press('Enter');
    await waitReady(page);
    const drill = page.locator('[data-testid="drill"]');
    await drill.waitFor();
    const title = (await drill.locator('h3').textContent()).split(/\s+\d/)[0];
    assert.match((await undo.textContent()).trim(), new RegExp(`^↶ Undo: window → 52 weeks, close “${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

    await undo.click();
    await waitReady(page);
    assert.equal(await page.inputValue('[data-testid="filter-window"]'), '52w');
    assert.equal(await drill.count(), 0, 'the drill-down of the undone state is closed, not left open with another count');
    assert.equal((await undo.textContent()).trim(), '↶ Undo: window → 13 weeks');
    await undo.click();
    await waitReady(page);
    assert.equal(await undo.count(), 0);
    assert.deepEqual(problems.errors, []);
  });
});

describe('filters and empty states', () => {
  it('offers only teams that match something, and says why a goal whose status is on track is at risk', async () => {
    await showTab(page, 'goals');
    const teams = (await filterChoices(page, 'teams')).map((o) => o.value);
    assert.ok(teams.length >= 2, 'the demo has teams');
    assert.ok(!teams.includes('Customer Success Leadership'), 'the roster’s leadership team owns no meeting, account, outcome or goal');
    for (const team of teams) {
      await pickFilter(page, 'teams', [team]);
      assert.ok((await page.locator('[data-testid="goals-owners"] tbody tr').count()) > 0, `${team}: goals`);
    }
    await pickFilter(page, 'teams', []);
    await page.selectOption('[data-testid="filter-window"]', 'all');
    await waitReady(page);
    const rows = await page.$$eval('[data-testid="goals-at-risk"] tbody tr', (trs) =>
      trs.map((tr) => ({ status: tr.querySelector('[data-key="status"]').textContent.trim(), why: tr.querySelector('[data-key="risk_rule"]').textContent.trim() }))
    );
    const onTrack = rows.filter((r) => r.status === 'on track');
    assert.ok(onTrack.length > 0, 'the demo has goals on track yet behind pace');
    for (const r of onTrack) assert.match(r.why, /^\d+ pts behind pace \(more than 20\), though its status says on track$/);
    for (const r of rows.filter((x) => /at risk|off track/.test(x.status))) assert.match(r.why, /^Status says (at risk|off track)$/);
  });

  it('an empty view names the filters that empty it, and on All data never says to widen the window', async () => {
    await showTab(page, 'oneonone');
    await page.selectOption('[data-testid="filter-window"]', 'all');
    await waitReady(page);
    const manager = (await filterChoices(page, 'managers'))[0];
    // A report of another manager: with both filters, no 1:1 can match.
    const other = (await gridRows()).find((t) => !t.endsWith(` · ${manager.label.split(' ')[0]}`)).split(' · ')[0];
    await pickFilter(page, 'managers', [manager.value]);
    await pickFilter(page, 'csms', [{ label: other }]);
    const reasons = await page.$$eval('#panel-oneonone [data-testid="empty-reason"]', (ps) => ps.map((p) => p.textContent.trim()));
    assert.ok(reasons.includes(`No 1:1s for Manager: ${manager.label}, CSM: ${other} in all the data. Clear a filter to see more.`), reasons.join(' | '));
    for (const r of reasons) assert.match(r, new RegExp(`^No (rows|1:1s) for Manager: ${manager.label}, CSM: ${other} in all the data\\. Clear a filter to see more\\.$`));
    assert.doesNotMatch(await page.textContent('#panel-oneonone'), /widen/i);
    await pickFilter(page, 'csms', []);
    await pickFilter(page, 'managers', []);
    assert.deepEqual(problems.errors, []);
  });
});

describe('words', () => {
  it('never writes "1 meetings" (or any count of one with a plural noun), and counts lagged pairs as account-months', async () => {
    const grammar = /(?<![\d.,])1 (meetings|accounts|rows|files|pairs|columns|values|touches|other touches|goals|outcomes|mappings)\b/;
    for (const tab of ['meetings', 'oneonone', 'goals', 'outcomes', 'data']) {
      await showTab(page, tab);
      const text = await page.evaluate(() => {
        const svgTitles = [...document.querySelectorAll('title')].map((t) => t.textContent);
        return [document.body.innerText, ...svgTitles].join('\n');
      });
      const bad = text.split('\n').filter((l) => grammar.test(l));
      assert.deepEqual(bad, [], `${tab}: a count of one with a plural noun`);
    }
    await showTab(page, 'meetings');
    // The n headers are short (the table fits a phone); their definitions, on hover, say what each n counts.
    const heads = await page.$$eval('[data-testid="mo-correlation"] thead th', (ths) => ths.map((t) => [t.textContent.trim(), t.getAttribute('title') ?? '']));
    assert.deepEqual(heads.map(([t]) => t), ['Accounts', 'ρ same period', 'n', '95% interval', 'ρ next month', 'n']);
    assert.match(heads[2][1], /accounts/i);
    assert.doesNotMatch(heads[2][1], /account-months/i);
    assert.match(heads[5][1], /account-months/i);
    assert.match(await page.textContent('[data-testid="mo-correlation"]'), /n = [\d,]+ account-months/);
  });
});
