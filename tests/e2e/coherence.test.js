/**
 * Every figure agrees with the rows behind it and every click does what it says: real mouse clicks on
 * scatter marks and week bars open exactly the rows the mark counts, where the user is looking; views fit
 * their boxes at desktop and phone widths in both themes; exported charts say what they show.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSite, launchBrowser, openPage, waitReady, showTab, filterChoices, pickFilter } from './harness.js';

let browser, site;
before(async () => {
  browser = await launchBrowser();
  site = await startSite();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Close the drill-down if one is open, and wait until it is gone. */
async function closeDrill(page) {
  if (await page.locator('[data-testid="drill"]').count()) {
    await page.locator('[data-testid="drill"] button', { hasText: 'Close' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="drill"]'));
  }
}

/** What the open drill-down says: its heading, the total its summary states, and its rows. */
async function readDrill(page) {
  await page.waitForSelector('[data-testid="drill"]', { timeout: 30_000 });
  await waitReady(page);
  return page.$eval('[data-testid="drill"]', (d) => ({
    label: d.querySelector('h3').textContent.trim(),
    summary: d.querySelector('[data-testid="drill-summary"]').textContent.replace(/\s+/g, ' ').trim(),
    total: Number(d.querySelector('[data-testid="drill-summary"]').getAttribute('data-total')),
    rows: [...d.querySelectorAll('[data-testid="drill-rows"] tbody tr')].map((tr) => ({
      status: tr.querySelector('[data-key="status"]').textContent.trim(),
      channel: tr.querySelector('[data-key="channel"]').textContent.trim(),
      account: tr.querySelector('[data-key="account"]').textContent.trim()
    })),
    more: d.querySelector('[data-testid="table-more"]')?.textContent.replace(/\s+/g, ' ').trim() ?? null
  }));
}

async function assertInViewport(page, selector, what) {
  const box = await page.locator(selector).boundingBox();
  const vh = page.viewportSize().height;
  assert.ok(box, `${what}: not laid out`);
  assert.ok(box.y >= -1 && box.y < vh - 40, `${what}: its top is at ${Math.round(box.y)} px, outside the ${vh} px viewport`);
  assert.ok(box.y + Math.min(box.height, vh) <= vh + 1, `${what}: runs past the viewport's bottom`);
}

describe('drill-downs agree with their marks', () => {
  let page, context, problems;
  before(async () => {
    ({ page, context, problems } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } }));
    await waitReady(page, 120_000);
    await showTab(page, 'meetings');
  });
  after(() => context?.close());

  it('a real click at a scatter mark’s centre opens that account, with exactly the touches the mark counts', async () => {
    const marks = await page.$$eval('[data-testid="mo-scatter"] [data-account]', (els) =>
      els.map((e, i) => ({ i, account: e.getAttribute('data-account'), meetings: Number(e.getAttribute('data-meetings')), touches: Number(e.getAttribute('data-touches')) }))
    );
    assert.ok(marks.length >= 60, `only ${marks.length} marks`);
    // Every k-th mark, so each segment and the crowded low counts are sampled: at least 30 clicks.
    const step = Math.max(1, Math.floor(marks.length / 36));
    const sample = marks.filter((_, j) => j % step === 0);
    assert.ok(sample.length >= 30);
    const wrong = [];
    for (const m of sample) {
      await closeDrill(page);
      const mark = page.locator('[data-testid="mo-scatter"] [data-account]').nth(m.i);
      await mark.scrollIntoViewIfNeeded();
      const box = await mark.boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const d = await readDrill(page);
      if (d.label !== `Customer touches with ${m.account}`) {
        wrong.push(`${m.account} → ${d.label}`);
        continue;
      }
      assert.equal(d.total, m.touches, `${m.account}: the drill's total`);
      assert.equal(d.rows.length, Math.min(200, m.touches), `${m.account}: rows listed`);
      assert.ok(d.rows.every((r) => r.status === 'held' && r.account === m.account), `${m.account}: only held touches of the account`);
      if (m.touches <= 200) assert.equal(d.rows.filter((r) => r.channel === 'meeting').length, m.meetings, `${m.account}: meetings`);
      if (m.touches) assert.match(d.summary, new RegExp(`^${m.touches} touch(es)?: ${m.meetings} meetings?\\b`), `${m.account}: ${d.summary}`);
      else assert.match(d.summary, /^No touches in the window/, `${m.account}: ${d.summary}`);
      await assertInViewport(page, '[data-testid="drill"]', `drill of ${m.account}`);
    }
    assert.deepEqual(wrong, [], `${wrong.length} of ${sample.length} clicks opened another account`);
    await closeDrill(page);
  });

  it('a week’s bar opens its touches: the bar’s number, split as the bar splits, all rows on request', async () => {
    const bars = await page.$$eval('[data-testid="mo-weekly"] g.bar', (els) =>
      els.map((g, i) => ({ i, week: g.getAttribute('data-week'), touches: Number(g.getAttribute('data-touches')), meetings: Number(g.getAttribute('data-meetings')) }))
    );
    assert.ok(bars.length >= 10);
    const big = bars.filter((b) => b.touches > 200);
    assert.ok(big.length, 'a week with more touches than the drill lists at once');
    for (const b of [bars[0], big[0], bars.at(-1)]) {
      await closeDrill(page);
      // Click the light part (other touches), above the meetings.
      const part = page.locator('[data-testid="mo-weekly"] g.bar').nth(b.i).locator('rect.other');
      await part.scrollIntoViewIfNeeded();
      const box = await part.boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const d = await readDrill(page);
      assert.equal(d.label, `Customer touches, week of ${b.week}`);
      assert.equal(d.total, b.touches, `${b.week}: total`);
      assert.match(d.summary, new RegExp(`^${b.touches.toLocaleString('en-US')} touches: ${b.meetings} meetings?, ${(b.touches - b.meetings).toLocaleString('en-US')} other touch(es)? \\(`));
      assert.equal(d.rows.length, Math.min(200, b.touches));
      assert.ok(d.rows.every((r) => r.status === 'held'));
      await assertInViewport(page, '[data-testid="drill"]', `drill of ${b.week}`);
      if (b.touches > 200) {
        assert.match(d.more, new RegExp(`Showing 200 of ${b.touches.toLocaleString('en-US')} rows`));
        await page.locator('[data-testid="drill"] [data-testid="table-more"] button').click();
        const all = await readDrill(page);
        assert.equal(all.rows.length, b.touches);
        assert.equal(all.rows.filter((r) => r.channel === 'meeting').length, b.meetings);
        assert.equal(all.more, null);
      } else assert.equal(d.rows.filter((r) => r.channel === 'meeting').length, b.meetings);
    }
    await closeDrill(page);
    assert.deepEqual(problems.errors, []);
  });
});

/** Elements of the visible panel that stick out of it, and scrolling boxes that need to scroll. */
function overflowReport() {
  const panel = document.querySelector('[role="tabpanel"]:not([hidden])');
  const right = panel.getBoundingClientRect().right;
  const name = (e) => `${e.localName}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''}`;
  const out = [];
  if (panel.scrollWidth > panel.clientWidth + 1) out.push(`the panel scrolls sideways (${panel.scrollWidth} > ${panel.clientWidth})`);
  for (const e of panel.querySelectorAll('*')) {
    const s = getComputedStyle(e);
    if (s.display === 'none') continue;
    // A box that scrolls sideways hides part of what it holds.
    if (['auto', 'scroll', 'hidden'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 1) out.push(`${name(e)} scrolls sideways (${e.scrollWidth} > ${e.clientWidth})`);
    const r = e.getBoundingClientRect();
    if (r.width && r.right > right + 1) out.push(`${name(e)} ends at ${Math.round(r.right)}, past the panel (${Math.round(right)})`);
  }
  return [...new Set(out)].slice(0, 12);
}

describe('every view fits its box', () => {
  for (const width of [1440, 390])
    for (const colorScheme of ['light', 'dark'])
      it(`at ${width} px, ${colorScheme}`, async () => {
        const { page, context, problems } = await openPage(browser, site, { viewport: { width, height: width > 800 ? 900 : 844 }, colorScheme });
        try {
          await waitReady(page, 120_000);
          // The tabs keep to one line, inside the window.
          const tabs = await page.$$eval('[role="tab"]', (els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), right: r.right })));
          assert.equal(new Set(tabs.map((t) => t.top)).size, 1, 'the tabs are on one line');
          assert.ok(tabs.every((t) => t.right <= width), 'every tab is in sight');
          // The first screen (the Overview) shows a number.
          const headline = await page.locator('[data-testid="ov-figure"]').first().boundingBox();
          assert.ok(headline && headline.y + headline.height <= page.viewportSize().height, `the headline figures are below the first screen (${headline?.y})`);
          for (const tab of ['overview', 'meetings', 'oneonone', 'goals', 'outcomes']) {
            await showTab(page, tab);
            assert.deepEqual(await page.evaluate(overflowReport), [], `${tab} at ${width} px, ${colorScheme}`);
          }
          // Key columns are in sight: the ones the list exists for, and every 1:1 column.
          await showTab(page, 'meetings');
          const visible = (table, label) =>
            page.$eval(`[data-testid="${table}"]`, (t, label) => {
              const box = t.querySelector('.scroll').getBoundingClientRect();
              const cell = [...t.querySelectorAll('tbody tr:first-child td')].find((td) => td.getAttribute('data-label') === label);
              if (!cell) return `no ${label}`;
              const r = cell.getBoundingClientRect();
              return r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1 ? 'visible' : `at ${Math.round(r.left)}–${Math.round(r.right)}, box ${Math.round(box.left)}–${Math.round(box.right)}`;
            }, label);
          for (const t of ['mo-htlp', 'mo-lthp']) assert.equal(await visible(t, 'Progress gained'), 'visible', `${t}: Progress gained`);
          await showTab(page, 'oneonone');
          for (const label of ['Coaching', 'Career', 'Career ≤ 90 d', 'Brought data']) assert.equal(await visible('oo-managers', label), 'visible', `managers: ${label}`);
          // Graphical marks stand out from the surface (3:1): both parts of a week's bar.
          await showTab(page, 'meetings');
          const ratios = await page.evaluate(() => {
            const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
            const lum = (c) => {
              const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
            const bg = getComputedStyle(document.querySelector('#panel-meetings')).backgroundColor;
            return ['rect.meet', 'rect.other'].map((s) => ratio(getComputedStyle(document.querySelector(`[data-testid="mo-weekly"] ${s}`)).fill, bg));
          });
          for (const r of ratios) assert.ok(r >= 3, `a bar's part has contrast ${r.toFixed(2)}`);
          assert.deepEqual(problems.errors, []);
        } finally {
          await context.close();
        }
      });
});

describe('what a view says about its window', () => {
  it('Outcomes follow the window: "Last 4 weeks" and "All data" say different things', async () => {
    const { page, context } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } });
    try {
      await waitReady(page, 120_000);
      await showTab(page, 'outcomes');
      const read = () => page.$eval('#panel-outcomes', (p) => ({
        lead: p.querySelector('[data-testid="outcomes-window"]').textContent.replace(/\s+/g, ' ').trim(),
        change: [...p.querySelectorAll('[data-testid="outcome-window-change"]')].map((e) => e.textContent.trim())
      }));
      await page.selectOption('[data-testid="filter-window"]', '4w');
      await waitReady(page);
      const four = await read();
      const [from4] = (await page.textContent('[data-testid="window"]')).split('→').map((x) => x.trim());
      await page.selectOption('[data-testid="filter-window"]', 'all');
      await waitReady(page);
      const all = await read();
      const [fromAll, to] = (await page.textContent('[data-testid="window"]')).split('→').map((x) => x.trim());
      assert.ok(four.lead.includes(from4) && four.lead.includes(to), four.lead);
      assert.ok(all.lead.includes(fromAll), all.lead);
      assert.notDeepEqual(four.change, all.change, 'what changed in 4 weeks is not what changed over all the data');
    } finally {
      await context.close();
    }
  });
});

describe('exported charts carry their context', () => {
  it('the weekly chart’s SVG states title, window, filters and as of, names its axes, and dates ticks with their year', async () => {
    const { page, context } = await openPage(browser, site, { viewport: { width: 1440, height: 900 }, contextOptions: { acceptDownloads: true } });
    try {
      await waitReady(page, 120_000);
      await showTab(page, 'meetings');
      await page.selectOption('[data-testid="filter-window"]', 'all');
      await waitReady(page);
      const segment = (await filterChoices(page, 'segments'))[0].label;
      await pickFilter(page, 'segments', [{ label: segment }]);
      const [from, to] = (await page.textContent('[data-testid="window"]')).split('→').map((x) => x.trim());
      assert.notEqual(from.slice(0, 4), to.slice(0, 4), 'the demo spans more than one year');
      const chart = page.locator('#panel-meetings figure.chart');
      const [download] = await Promise.all([page.waitForEvent('download'), chart.locator('[data-testid="export-svg"]').click()]);
      const svg = readFileSync(await download.path(), 'utf8');
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
      assert.ok(texts.some((t) => t.startsWith('Customer touches per week')), 'title');
      assert.ok(texts.includes(`Window ${from} → ${to} · data as of ${to}`), `window line in ${texts.slice(0, 4)}`);
      assert.ok(texts.some((t) => t === `Filters: Segment ${segment}`), 'filters line');
      assert.ok(texts.includes('touches per week'), 'left axis named');
      assert.ok(texts.includes('mean outcome progress'), 'right axis named');
      assert.ok(texts.some((t) => /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/.test(t)), 'a tick carries its year');
      assert.ok(!texts.some((t) => /^\d{2}-\d{2}$/.test(t)), 'no tick reads like "05-04"');
    } finally {
      await context.close();
    }
  });
});
