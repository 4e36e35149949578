/**
 * No request leaves the page's origin, and the Content-Security-Policy says so: every request of the page
 * and its workers is recorded across a cold load, a drop of every layout fixture, every view opened, a
 * drill-down and the exports; the policy is checked as sent (header and <meta>) and seen to block; and the
 * engine cannot be made to fetch extensions or remote files.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, LAUNCH_ARGS, ROOT, startSite, launchBrowser, openPage, waitReady, dropFiles, showTab } from './harness.js';
import { TABS, exploreAll } from './explore.js';

const LAYOUTS = join(ROOT, 'tests/fixtures/layouts');

/** The directives the site must send, exactly (hash sources aside). */
const POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'", "'unsafe-hashes'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"]
};

function parsePolicy(text) {
  const out = {};
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name] = sources;
  }
  return out;
}
const withoutHashes = (policy) => Object.fromEntries(Object.entries(policy).map(([k, v]) => [k, v.filter((s) => !/^'sha256-/.test(s))]));

let browser, site;
before(async () => {
  browser = await launchBrowser();
  site = await startSite();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe('no network', () => {
  it('makes no request outside its origin, from the page or a worker, through a whole session', async () => {
    const requests = [];
    const workers = [];
    const { page, problems, context } = await openPage(browser, site, {
      viewport: { width: 1440, height: 900 },
      setup: (ctx, pg) => {
        ctx.on('request', (r) => requests.push(r.url()));
        pg.on('worker', (w) => workers.push(w.url()));
      }
    });
    try {
      await waitReady(page, 120_000);
      assert.ok((await exploreAll(page)) >= 2, 'drill-downs opened on the demo');

      const files = readdirSync(LAYOUTS).filter((f) => f.endsWith('.csv')).map((f) => join(LAYOUTS, f));
      const reports = await dropFiles(page, files, 120_000);
      assert.equal(reports.length, files.length);
      assert.ok(reports.every((r) => r.status !== 'refused'), 'every layout fixture loads');
      await exploreAll(page);

      // EXPORTS: click every export the page offers ([data-testid^="export-"]: CSV, SVG, PNG, Parquet, once
      // they exist) on every tab, and those outside the views once; take each download. None may cause a
      // request off the origin.
      // Parquet exports last (each is written, then saved through its link).
      // Chromium silently drops a download a page starts within about a second of ten others (measured: the
      // 11th of a burst never reaches the download manager, one 700 ms later does). No person clicks export
      // buttons ten times a second, so the clicks are paced like a person's; none of them is retried.
      let lastClick = 0;
      const likeAPerson = async () => {
        const wait = lastClick + 150 - Date.now();
        if (wait > 0) await page.waitForTimeout(wait);
        lastClick = Date.now();
      };
      const clickExports = async (selector) => {
        const buttons = page.locator(selector);
        const order = [];
        for (let i = 0; i < (await buttons.count()); i++) order.push([i, (await buttons.nth(i).getAttribute('data-testid')) === 'export-parquet']);
        order.sort((a, b) => Number(a[1]) - Number(b[1]));
        for (const [i] of order) {
          if (!(await buttons.nth(i).isVisible())) continue;
          const testid = await buttons.nth(i).getAttribute('data-testid');
          const what = `${testid} #${i} of ${selector}`;
          if (testid === 'export-parquet') {
            // Written first, then offered as a link the user clicks.
            const table = await buttons.nth(i).getAttribute('data-table');
            await buttons.nth(i).click();
            await page.waitForSelector(`[data-testid="export-save"][download="cadence-${table}.parquet"]`);
          }
          const download = page.waitForEvent('download', { timeout: 30_000 });
          await likeAPerson();
          await (testid === 'export-parquet' ? page.click('[data-testid="export-save"]') : buttons.nth(i).click());
          const file = await download.catch(async (e) => {
            const said = await page.evaluate(() => [...document.querySelectorAll('[role="alert"], [role="status"]')].map((x) => x.textContent?.trim()).join(' | '));
            throw new Error(`no download after ${what} (the page says: ${said})`, { cause: e });
          });
          await file.path();
          await waitReady(page);
        }
      };
      for (const tab of TABS) {
        await showTab(page, tab);
        await clickExports(`#panel-${tab} [data-testid^="export-"]`);
      }
      await clickExports('[data-testid^="export-"]:not([role="tabpanel"] *)');

      const off = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== site.origin);
      assert.deepEqual(off, [], 'requests outside the page origin');
      assert.ok(workers.length >= 2, 'the engine and the record counter ran in workers');
      assert.deepEqual(workers.filter((u) => new URL(u).origin !== site.origin), [], 'workers from the site itself');
      assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the worker’s own fetch of the engine is recorded too');
      assert.deepEqual(problems.external, []);
      assert.deepEqual(problems.errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('content security policy', () => {
  it('is sent as a header on every file (with frame-ancestors) and as a <meta> tag in every page', async () => {
    const home = await fetch(site.url);
    const header = parsePolicy(home.headers.get('content-security-policy') ?? '');
    assert.deepEqual(withoutHashes(header), { ...POLICY, 'frame-ancestors': ["'none'"] });
    assert.ok(header['script-src'].some((s) => s.startsWith("'sha256-")), 'the boot script by its hash');
    assert.equal(home.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
    const html = await home.text();
    const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html);
    assert.ok(meta, 'a <meta> policy in the page');
    assert.ok(html.indexOf(meta[0]) < html.indexOf('<link href='), 'before anything it governs');
    assert.deepEqual(withoutHashes(parsePolicy(meta[1])), POLICY);
    assert.match(html, /<meta name="referrer" content="no-referrer"/);
    for (const s of Object.values(header).flat()) assert.doesNotMatch(s, /^'unsafe-inline'$|^'unsafe-eval'$|\*|^https?:/, `no loose source: ${s}`);

    const workers = readdirSync(join(ROOT, 'build/_app/immutable/assets')).filter((f) => /worker.*\.js$/.test(f));
    assert.ok(workers.length > 0);
    for (const w of workers) {
      const res = await fetch(`${site.url}_app/immutable/assets/${w}`);
      assert.equal(res.headers.get('content-security-policy'), home.headers.get('content-security-policy'), `${w} carries the policy`);
    }
    const boot = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(join(ROOT, 'build/index.html'), 'utf8'))[1];
    const hash = `'sha256-${(await import('node:crypto')).createHash('sha256').update(boot).digest('base64')}'`;
    assert.ok(header['script-src'].includes(hash), 'the header allows exactly the boot script the page has');
  });

  it('blocks inline scripts and handlers, remote images and connections, and the harness reports each violation', async () => {
    const { page, problems, context } = await openPage(browser, site);
    try {
      await waitReady(page, 120_000);
      const result = await page.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.head.append(s);
        const img = document.createElement('img');
        img.src = 'https://example.com/pixel.png';
        document.body.append(img);
        const fetched = await fetch('https://example.com/x.csv').then(
          () => 'fetched',
          () => 'refused'
        );
        const button = document.createElement('button');
        button.setAttribute('onclick', 'window.__handler = 1');
        document.body.append(button);
        button.click();
        button.remove();
        await new Promise((r) => setTimeout(r, 300));
        img.remove();
        return { inline: window.__inline ?? null, handler: window.__handler ?? null, fetched };
      });
      assert.deepEqual(result, { inline: null, handler: null, fetched: 'refused' });
      const directives = problems.csp.join('\n');
      for (const d of ['script-src-elem', 'script-src-attr', 'img-src', 'connect-src']) assert.match(directives, new RegExp(d), `${d} violation reported`);
      assert.ok(problems.errors.length > 0, 'violations count as errors, so every test that asserts none fails on one');
    } finally {
      await context.close();
    }
  });
});

describe('engine', () => {
  it('cannot be made to change its locked settings or fetch an extension or a remote file', async (t) => {
    // A recording proxy: anything the browser sends off 127.0.0.1 lands here (Chromium bypasses it for loopback).
    const seen = [];
    const proxy = createServer((req, res) => {
      seen.push(req.url);
      res.writeHead(403).end();
    });
    proxy.on('connect', (req, socket) => {
      seen.push(req.url);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
    const proxied = await chromium.launch({ executablePath: CHROMIUM, args: [...LAUNCH_ARGS, `--proxy-server=http://127.0.0.1:${proxy.address().port}`] });
    try {
      const page = await proxied.newPage();
      await page.goto(`${site.url}bare/`);
      // The bare-engine page (for benchmarks) exposes its query function; without it there is no way in.
      const hook = await page.waitForFunction(() => 'bare' in window, null, { timeout: 60_000 }).then(
        () => true,
        () => false
      );
      if (!hook) return t.skip('no page exposes the engine');
      const attempts = await page.evaluate(async () => {
        const out = {};
        for (const sql of [
          'SET autoinstall_known_extensions = true',
          'SET autoload_known_extensions = true',
          'SET allow_unsigned_extensions = true',
          'INSTALL httpfs FROM core',
          'LOAD httpfs',
          "SELECT * FROM read_csv('https://example.com/x.csv')",
          // DuckDB's extension host named on purpose: the test proves the engine cannot reach it.
          "SELECT * FROM read_parquet('https://extensions.duckdb.org/x.parquet')"
        ]) {
          try {
            await window.bare.query(sql);
            out[sql] = 'ran';
          } catch (e) {
            out[sql] = String(e.message ?? e).split('\n')[0];
          }
        }
        return out;
      });
      for (const sql of Object.keys(attempts).filter((s) => s.startsWith('SET'))) assert.match(attempts[sql], /locked/, `${sql}: ${attempts[sql]}`);
      for (const sql of Object.keys(attempts).filter((s) => !s.startsWith('SET') && !s.startsWith('INSTALL'))) assert.notEqual(attempts[sql], 'ran', sql);
      await page.waitForTimeout(500);
      assert.deepEqual(seen.filter((u) => /duckdb\.org|example\.com/.test(u)), [], 'nothing reached the network');
    } finally {
      await proxied.close();
      await new Promise((ok) => proxy.close(ok));
    }
  });
});
