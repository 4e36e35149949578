/**
 * Data is text: exports whose every value and extra header is an injection payload (tests/fixtures/injection),
 * loaded through the real file input and walked through every view, tooltip, drill-down, definition and
 * mapping. Nothing may run (a trap on the sentinel every payload sets, no dialog, no popup), nothing may be
 * injected into the DOM, and every payload must show up as the literal text it is. Checked once under the
 * site's CSP (where a rendered payload would also be a violation, so an error) and once with CSP bypassed,
 * so the result does not rest on the policy alone.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startSite, launchBrowser, openPage, waitReady, dropFiles } from './harness.js';
import { exploreAll } from './explore.js';
import { PAYLOADS, build } from '../fixtures/injection/generate.js';

const DIR = join(ROOT, 'tests/fixtures/injection');
/** The roster goes in under a hostile file name: file names are shown too. */
const HOSTILE_NAME = '<img src=x onerror=window.__pwned=1>.csv';

let browser, site, tmp, files;
before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  tmp = mkdtempSync(join(tmpdir(), 'cadence-injection-'));
  copyFileSync(join(DIR, 'people.csv'), join(tmp, HOSTILE_NAME));
  files = [join(tmp, HOSTILE_NAME), ...['accounts', 'meetings', 'goals', 'outcomes'].map((f) => join(DIR, `${f}.csv`))];
});
after(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** What markup the page holds that data could have smuggled in (compared with the same page on the demo). */
function census() {
  const all = [...document.querySelectorAll('*')];
  const count = (sel) => document.querySelectorAll(sel).length;
  return {
    handlers: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.outerHTML.slice(0, 120)),
    jsUrls: all
      .filter((e) => [...e.attributes].some((a) => ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster'].includes(a.name) && /^\s*javascript:/i.test(a.value)))
      .map((e) => e.outerHTML.slice(0, 120)),
    markupInTitles: count('svg title *'),
    tags: Object.fromEntries(['script', 'img', 'iframe', 'object', 'embed', 'math', 'mglyph', 'b', 'a', 'style', 'foreignObject', 'svg svg'].map((t) => [t, count(t)]))
  };
}

async function trap(context, hits) {
  // Every payload that runs sets window.__pwned; the setter records it where no payload writes.
  await context.exposeFunction('__cadencePwned', (where) => hits.push(where));
  await context.addInitScript(() => {
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => undefined,
      set: () => window.__cadencePwned(new Error().stack ?? 'set')
    });
  });
}

async function session(contextOptions) {
  const hits = [];
  const dialogs = [];
  const popups = [];
  const { page, problems, context } = await openPage(browser, site, {
    viewport: { width: 1440, height: 900 },
    contextOptions,
    setup: async (ctx, pg) => {
      await trap(ctx, hits);
      pg.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      ctx.on('page', (p) => popups.push(p.url()));
    }
  });
  await waitReady(page, 120_000);
  return { page, problems, context, hits, dialogs, popups };
}

async function loadAndExplore(page) {
  const baseline = await page.evaluate(census);
  const reports = await dropFiles(page, files);
  const byTable = Object.fromEntries(reports.map((r) => [r.table, r]));
  for (const t of ['people', 'accounts', 'meetings', 'goals', 'outcomes']) {
    assert.equal(byTable[t]?.status, 'loaded', `${t}: ${byTable[t]?.message}`);
  }
  assert.equal(byTable.people.file, HOSTILE_NAME);
  const texts = {};
  const drills = await exploreAll(page, {
    onView: async (tab) => {
      texts[tab] = await page.evaluate((t) => document.getElementById(`panel-${t}`).innerText, tab);
      if (tab === 'data') assert.equal(await page.locator('[data-testid="mapping"]:visible').count(), files.length, 'every file’s mapping open');
    }
  });
  assert.ok(drills >= 2, `drill-downs opened (${drills})`);
  texts.page = await page.evaluate(() => document.body.innerText);
  return { baseline, after: await page.evaluate(census), texts };
}

function assertInert({ baseline, after }, { hits, dialogs, popups }) {
  assert.deepEqual(hits, [], 'no payload ran');
  assert.deepEqual(dialogs, [], 'no dialog');
  assert.deepEqual(popups, [], 'no window opened');
  assert.deepEqual(after.handlers, [], 'no element with an event-handler attribute');
  assert.deepEqual(after.jsUrls, [], 'no javascript: URL in a link or source');
  assert.equal(after.markupInTitles, 0, 'tooltips are plain text');
  for (const [tag, n] of Object.entries(after.tags)) {
    if (['a', 'b', 'img', 'script', 'iframe', 'object', 'embed', 'math', 'mglyph', 'foreignObject', 'svg svg'].includes(tag)) {
      assert.ok(n <= baseline.tags[tag], `no <${tag}> from the data (${n} now, ${baseline.tags[tag]} on the demo)`);
    }
  }
}

describe('data is text', () => {
  it('loads the fixtures its generator writes', () => {
    for (const [name, text] of Object.entries(build())) assert.equal(readFileSync(join(DIR, name), 'utf8'), text, `${name}: run node tests/fixtures/injection/generate.js`);
  });

  it('renders every payload as literal text in every view, and nothing runs or is injected (under the CSP)', async () => {
    const s = await session({});
    try {
      const result = await loadAndExplore(s.page);
      assertInert(result, s);
      const everything = Object.values(result.texts).join('\n');
      for (const [name, payload] of Object.entries(PAYLOADS)) assert.ok(everything.includes(payload), `${name} shown as text: ${payload.slice(0, 60)}`);
      assert.ok(result.texts.data.includes(PAYLOADS.img) && result.texts.data.includes(PAYLOADS.sqlIdent), 'payload headers shown as column names');
      assert.ok(result.texts.page.includes(HOSTILE_NAME), 'the hostile file name shown as text');
      assert.ok(result.texts.oneonone.includes(PAYLOADS.script), 'a manager named <script>… in the 1:1 view');
      assert.ok(result.texts.outcomes.includes(PAYLOADS.title), 'an account named </title>… in the outcomes view');
      assert.deepEqual(s.problems.csp, [], 'no CSP violation: nothing tried to run');
      assert.deepEqual(s.problems.errors, []);
      assert.deepEqual(s.problems.external, []);
    } finally {
      await s.context.close();
    }
  });

  it('stays inert with the CSP bypassed: the app itself never renders data as markup', async () => {
    const s = await session({ bypassCSP: true });
    try {
      const result = await loadAndExplore(s.page);
      assertInert(result, s);
      assert.deepEqual(s.problems.errors, []);
      assert.deepEqual(s.problems.external, [], 'no image or script from the data was fetched');
    } finally {
      await s.context.close();
    }
  });
});
