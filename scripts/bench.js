#!/usr/bin/env node
/**
 * `npm run bench`: the production build served on 127.0.0.1, headless Chromium, a fresh browser per run,
 * median (min–max) of several runs. Every load is measured beside the bare engine reading the same
 * meetings file (the project's own /bare/ page: register the file, one read_csv, nothing else).
 * Writes BENCHMARKS.md.
 *
 *   npm run build && node scripts/bench.js [--runs 5] [--sizes 10000,100000,1000000] [--changes 20]
 *
 * Memory is the proportional set size (PSS, shared pages split between processes) summed over every
 * Chromium process this script started: browser, renderer, GPU/utility and the page's workers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { ROOT, startSite, launchBrowser, waitReady } from '../tests/e2e/harness.js';
import { writeBenchSet } from './bench-data.js';
import { benchArrow, arrowTable } from './bench-arrow.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('runs', 3));
const SIZES = arg('sizes', '10000,100000,1000000').split(',').map(Number);
const CHANGES = Number(arg('changes', 20));
const LOAD_TIMEOUT = 900_000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;
const fmt = (xs) => (xs.length ? `${ms(median(xs))} (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})` : 'n/a');
const mib = (b) => `${Math.round(b / 2 ** 20).toLocaleString('en-US')} MiB`;
const fmtMem = (xs) => (xs.length ? `${mib(median(xs))} (${Math.round(Math.min(...xs) / 2 ** 20)}–${Math.round(Math.max(...xs) / 2 ** 20)})` : 'n/a');

/** PSS in bytes of every Chromium process descended from this script. */
function chromiumMemory() {
  const table = execSync('ps -eo pid=,ppid=,comm=').toString().trim().split('\n').map((l) => l.trim().split(/\s+/));
  const children = new Map();
  for (const [pid, ppid] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const mine = [];
  const walk = (pid) => {
    for (const c of children.get(pid) ?? []) {
      mine.push(c);
      walk(c);
    }
  };
  walk(String(process.pid));
  let total = 0;
  for (const pid of mine) {
    try {
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // the process ended between ps and the read
    }
  }
  return total;
}

/** Sample memory every 200 ms until stopped; returns the peak. */
function memorySampler() {
  let peak = chromiumMemory();
  const timer = setInterval(() => (peak = Math.max(peak, chromiumMemory())), 200);
  return () => {
    clearInterval(timer);
    return Math.max(peak, chromiumMemory());
  };
}

async function fresh(fn) {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    return await fn(page);
  } finally {
    await browser.close();
  }
}

/**
 * In the page: make one filter change and time it until the page is ready again (and has painted). A change
 * the page answers from its cache of recent results says so (a `cadence:cached-view` mark); if it never
 * turns the page busy, it is timed to the last change it made to the page.
 */
function timeChange(page, testid, value) {
  return page.evaluate(
    ([testid, value]) =>
      new Promise((resolve) => {
        const app = document.querySelector('[data-testid="app"]');
        const select = document.querySelector(`[data-testid="${testid}"]`);
        let busySeen = false;
        let lastChange = null;
        performance.clearMarks('cadence:cached-view');
        const t0 = performance.now();
        const cached = () => performance.getEntriesByName('cadence:cached-view').length > 0;
        // Engine round trips made by this change: every request to the worker is measured by the engine module.
        const trips = () => {
          const since = performance.getEntriesByType('measure').filter((m) => m.startTime >= t0);
          return { calls: since.filter((m) => m.name === 'cadence:engine-call' || m.name === 'cadence:engine-statement').length, statements: since.filter((m) => m.name === 'cadence:engine-statement').length };
        };
        const done = () => requestAnimationFrame(() => resolve({ ms: performance.now() - t0, cached: cached(), ...trips() }));
        const observer = new MutationObserver(() => {
          lastChange = performance.now();
          const status = app.getAttribute('data-status');
          if (status === 'busy') busySeen = true;
          else if (busySeen) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(app, { attributes: true, childList: true, subtree: true, characterData: true });
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        setTimeout(() => {
          if (!busySeen) {
            observer.disconnect();
            resolve({ ms: (lastChange ?? performance.now()) - t0, cached: cached(), ...trips() });
          }
        }, 50);
      }),
    [testid, value]
  );
}

/** Twenty-odd different filter changes from what the loaded data offers: on Meetings vs outcomes, the 1:1s and the Overview. */
async function filterChanges(page, count) {
  const offered = await page.$$eval('[data-testid="filters"] select', (selects) =>
    selects.map((s) => ({ testid: s.getAttribute('data-testid'), values: [...s.options].map((o) => o.value) }))
  );
  const window = offered.find((s) => s.testid === 'filter-window');
  const plan = [];
  const others = offered.filter((s) => s.testid !== 'filter-window');
  for (let i = 0; plan.length < count && i < 200; i++) {
    const presets = window.values.filter((v) => v !== 'custom');
    plan.push({ testid: 'filter-window', value: presets[i % presets.length] });
    const s = others[i % others.length];
    if (s?.values.length > 1) plan.push({ testid: s.testid, value: s.values[1 + (Math.floor(i / others.length) % (s.values.length - 1))] });
    if (s) plan.push({ testid: s.testid, value: '' });
  }
  const times = [];
  let on = 'meetings';
  // A third on each of the three views a leader or coach changes filters on most.
  for (const [i, change] of plan.slice(0, count).entries()) {
    const tab = i === Math.floor(count / 3) ? 'oneonone' : i === Math.floor((2 * count) / 3) ? 'overview' : null;
    if (tab) {
      await page.click(`[data-testid="tab-${tab}"]`);
      await waitReady(page, LOAD_TIMEOUT);
      on = tab;
    }
    times.push({ ...(await timeChange(page, change.testid, change.value)), tab: on });
  }
  return times;
}

/** Gzipped size of the JavaScript the first paint needs: the entry scripts the built page names. */
function firstPaintJs() {
  const html = readFileSync(join(ROOT, 'build/index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:href|import\()\s*=?\s*"(\.\/_app\/[^"]+\.js)"/g)].map((m) => m[1]);
  const files = [...new Set(refs)];
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(ROOT, 'build', f))).length, 0);
  return { files: files.length, bytes };
}

/** Drop `files` on a page idle on the demo; resolves when every report is final and the page is ready. */
async function timedDrop(page, files) {
  await page.goto(site.url);
  await waitReady(page, 180_000);
  // An idle page: the demo's tables in the engine (the page is ready before they are) and settled.
  await page.waitForFunction(() => performance.getEntriesByName('cadence:tables-ready').length > 0, null, { timeout: 180_000 });
  await waitReady(page, 180_000);
  await page.waitForTimeout(1000);
  const idle = chromiumMemory();
  const peak = memorySampler();
  const pageT0 = await page.evaluate(() => {
    performance.clearMeasures();
    return performance.now();
  });
  const t0 = Date.now();
  await page.setInputFiles('input[type="file"]', files);
  const outcome = await page
    .waitForFunction(
      (count) => {
        const reports = [...document.querySelectorAll('[data-testid="file-report"]')];
        const done = reports.length === count && reports.every((r) => r.getAttribute('data-status') !== 'loading');
        return done && document.querySelector('[data-testid="app"]')?.getAttribute('data-status') === 'ready' && reports.map((r) => r.getAttribute('data-status'));
      },
      files.length,
      { timeout: LOAD_TIMEOUT, polling: 50 }
    )
    .then((h) => h.jsonValue(), (e) => [`no result: ${e.message.split('\n')[0]}`]);
  const ready = Date.now() - t0;
  const measures = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('cadence:')).map((m) => [m.name.replace(/^cadence:/, ''), m.startTime, m.duration]));
  const failed = outcome.every((s) => s === 'loaded') ? null : `${outcome.join(', ')} ${(await page.$$eval('[data-testid="file-message"]', (els) => els.map((e) => e.textContent).join(' | ')).catch(() => ''))}`;
  const built = measures.filter(([n]) => n === 'build').map(([, start, d]) => start + d - pageT0);
  return {
    ready,
    failed,
    peak: () => peak() - idle,
    t0,
    measures,
    /** Every view can query: the canonical tables are built (the end of the last build). */
    tablesBuilt: built.length ? Math.max(...built) : NaN,
    calls: measures.filter(([n]) => n === 'engine-call' || n === 'engine-statement').length,
    statements: measures.filter(([n]) => n === 'engine-statement').length
  };
}

const TAB_NAMES = { meetings: 'Meetings vs outcomes', oneonone: '1:1 consistency', overview: 'Overview' };

const site = await startSite();
const dir = mkdtempSync(join(tmpdir(), 'cadence-bench-'));
const cold = { firstPaint: [], engine: [], ready: [], tables: [] };
const bySize = {};

for (let r = 0; r < RUNS; r++) {
  await fresh(async (page) => {
    const t0 = Date.now();
    await page.goto(site.url);
    await waitReady(page, 180_000);
    cold.ready.push(Date.now() - t0);
    // The page is ready on the snapshot's baked opening view, before the engine has started and the tables
    // are in: those come later, so wait for their marks.
    await page.waitForFunction(() => performance.getEntriesByName('cadence:tables-ready').length > 0, null, { timeout: 180_000 });
    const marks = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      engine: performance.getEntriesByName('cadence:engine-ready')[0]?.startTime ?? NaN,
      tables: performance.getEntriesByName('cadence:tables-ready')[0]?.startTime ?? NaN
    }));
    cold.firstPaint.push(marks.fcp);
    cold.engine.push(marks.engine);
    cold.tables.push(marks.tables);
  });
  process.stdout.write(`cold run ${r + 1}/${RUNS}: ${cold.ready.at(-1)} ms\n`);
}

// A cold load over a slow link, from a host that compresses as static hosts do: when the opening view is
// shown, when the engine is ready, and the bytes fetched by then.
const SLOW = { latency: 40, downloadThroughput: (20e6 / 8), uploadThroughput: (20e6 / 8) };
const slow = { ready: [], engine: [], bytesReady: [], bytesEngine: [], wasmDone: [] };
const compressed = await startSite({ compress: true });
for (let r = 0; r < RUNS; r++) {
  await fresh(async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW });
    let bytes = 0;
    const urls = new Map();
    let wasmDone = NaN;
    const t0 = Date.now();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      if (/\.wasm$/.test(urls.get(e.requestId) ?? '')) wasmDone = Math.max(Number.isNaN(wasmDone) ? 0 : wasmDone, Date.now() - t0);
    });
    await page.goto(compressed.url);
    await waitReady(page, 300_000);
    slow.ready.push(Date.now() - t0);
    slow.bytesReady.push(bytes);
    await page.waitForFunction(() => performance.getEntriesByName('cadence:engine-ready').length > 0, null, { timeout: 300_000, polling: 50 });
    slow.engine.push(Date.now() - t0);
    slow.bytesEngine.push(bytes);
    slow.wasmDone.push(wasmDone);
  });
  process.stdout.write(`slow link run ${r + 1}/${RUNS}: opening view ${slow.ready.at(-1)} ms, engine ${slow.engine.at(-1)} ms, ${mib(slow.bytesEngine.at(-1))}\n`);
}
await compressed.close();

process.stdout.write(`decoding results: apache-arrow against flechette\n`);
const arrowResults = await benchArrow();

for (const n of SIZES) {
  const files = await writeBenchSet(join(dir, String(n)), n);
  const [meetings] = files;
  const res = (bySize[n] = {
    bare: [], ready: [], all: [], memory: [], bareMemory: [], changes: [], queried: [], failed: [], profile: {},
    tablesBuilt: [], dropCalls: [], dropStatements: [], changeCalls: [], changeStatements: [], alone: [], aloneCalls: [], aloneStatements: [], byTab: {}
  });
  for (let r = 0; r < RUNS; r++) {
    await fresh(async (page) => {
      await page.goto(`${site.url}bare/`);
      await page.waitForSelector('main[data-status="ready"]', { timeout: 60_000 });
      const idle = chromiumMemory();
      const peak = memorySampler();
      await page.setInputFiles('input[type="file"]', meetings);
      await page.waitForFunction(() => /rows in|failed/.test(document.querySelector('[data-testid="bare-result"]')?.textContent ?? ''), null, { timeout: LOAD_TIMEOUT });
      res.bareMemory.push(peak() - idle);
      const text = await page.textContent('[data-testid="bare-result"]');
      res.bare.push(Number(text.match(/in (\d+) ms/)?.[1] ?? NaN));
    });
    await fresh(async (page) => {
      const drop = await timedDrop(page, files);
      if (drop.failed) {
        res.failed.push(`run ${r + 1}: ${drop.failed}`);
        drop.peak();
        return;
      }
      res.ready.push(drop.ready);
      res.tablesBuilt.push(drop.tablesBuilt);
      res.dropCalls.push(drop.calls);
      res.dropStatements.push(drop.statements);
      // Where the time went, from the page's own measures (load per file, analysis, build, each view).
      const measures = drop.measures.map(([name, , d]) => [name, d]).filter(([name]) => !name.startsWith('engine-'));
      const summed = {};
      for (const [name, d] of measures) summed[name.replace(/ \S+\.csv$/, '')] = (summed[name.replace(/ \S+\.csv$/, '')] ?? 0) + d;
      for (const [name, d] of Object.entries(summed)) (res.profile[name] ??= []).push(d);
      for (const tab of ['oneonone', 'goals', 'outcomes', 'meetings']) {
        await page.click(`[data-testid="tab-${tab}"]`);
        await waitReady(page, LOAD_TIMEOUT);
      }
      res.all.push(Date.now() - drop.t0);
      res.memory.push(drop.peak());
      const changes = await filterChanges(page, CHANGES);
      res.changes.push(...changes.map((c) => c.ms));
      res.queried.push(...changes.filter((c) => !c.cached).map((c) => c.ms));
      res.changeCalls.push(...changes.filter((c) => !c.cached).map((c) => c.calls));
      res.changeStatements.push(...changes.filter((c) => !c.cached).map((c) => c.statements));
      for (const c of changes.filter((c) => !c.cached)) (res.byTab[c.tab] ??= []).push(c);
    });
    // The meetings file alone, on its own page: what a first look at one export costs.
    await fresh(async (page) => {
      const drop = await timedDrop(page, [meetings]);
      drop.peak();
      if (drop.failed) res.failed.push(`run ${r + 1}, meetings alone: ${drop.failed}`);
      else {
        res.alone.push(drop.ready);
        res.aloneCalls.push(drop.calls);
        res.aloneStatements.push(drop.statements);
      }
    });
    process.stdout.write(`${n} rows, run ${r + 1}/${RUNS}: bare ${res.bare.at(-1)} ms, meetings alone ${res.alone.at(-1) ?? '—'} ms, Cadence ready ${res.ready.at(-1) ?? '—'} ms, tables ${Math.round(res.tablesBuilt.at(-1) ?? NaN)} ms, all views ${res.all.at(-1) ?? '—'} ms, peak +${mib(res.memory.at(-1) ?? 0)}${res.failed.length ? ` (${res.failed.at(-1)})` : ''}\n`);
  }
  rmSync(join(dir, String(n)), { recursive: true, force: true });
}
await site.close();
rmSync(dir, { recursive: true, force: true });

const js = firstPaintJs();
const chromium = execSync('/usr/bin/chromium --version 2>/dev/null || echo chromium').toString().trim();
const label = (n) => `${n.toLocaleString('en-US')} meetings`;
const ratio = (a, b) => (a.length && b.length ? `${(median(a) / median(b)).toFixed(1)}×` : '');
const rows = [
  `| first contentful paint (demo page) | ${fmt(cold.firstPaint)} | | |`,
  `| JavaScript the first paint needs (gzipped, ${js.files} files) | ${(js.bytes / 1024).toFixed(1)} KiB | | |`,
  `| cold load → engine ready | ${fmt(cold.engine)} | | |`,
  `| cold load → demo dashboard ready | ${fmt(cold.ready)} | | |`,
  `| cold load → demo tables in the engine (every view can query) | ${fmt(cold.tables)} | | |`,
  `| cold load over a slow link (20 Mbit/s, 40 ms, gzip as a static host serves it) → opening view shown, figures readable | ${fmt(slow.ready)}, after ${(median(slow.bytesReady) / 1024).toFixed(0)} KiB | | |`,
  `| … → engine ready (its WebAssembly fetched by ${ms(median(slow.wasmDone))}) | ${fmt(slow.engine)}, after ${mib(median(slow.bytesEngine))} | | |`,
  ...SIZES.flatMap((n) => {
    const s = bySize[n];
    const count = (xs) => (xs.length ? `${Math.round(median(xs)).toLocaleString('en-US')} (${Math.min(...xs)}–${Math.max(...xs)})` : 'n/a');
    return [
      `| drop → first view ready, ${label(n)} alone | ${fmt(s.alone)} | ${fmt(s.bare)} | ${ratio(s.alone, s.bare)} |`,
      `| … engine round trips / statements for it | ${count(s.aloneCalls)} / ${count(s.aloneStatements)} | | |`,
      `| drop → first view ready, ${label(n)} + roster, accounts, goals, outcomes | ${fmt(s.ready)} | ${fmt(s.bare)} | ${ratio(s.ready, s.bare)} |`,
      `| drop → every view can query (all tables built), the five files | ${fmt(s.tablesBuilt)} | ${fmt(s.bare)} | ${ratio(s.tablesBuilt, s.bare)} |`,
      `| … engine round trips / statements to the first view, the five files | ${count(s.dropCalls)} / ${count(s.dropStatements)} | | |`,
      `| drop → all views ready (each visited), ${label(n)} | ${fmt(s.all)} | ${fmt(s.bare)} | ${ratio(s.all, s.bare)} |`,
      `| filter change → ready, ${label(n)}: p50 / p95 of ${s.changes.length} | ${s.changes.length ? `${ms(quantile(s.changes, 0.5))} / ${ms(quantile(s.changes, 0.95))}` : 'n/a'} | | |`,
      `| … of which ran queries (not a view seen before): p50 / p95 of ${s.queried.length} | ${s.queried.length ? `${ms(quantile(s.queried, 0.5))} / ${ms(quantile(s.queried, 0.95))}` : 'n/a'} | | |`,
      `| … engine round trips / statements per change that queried: median (min–max) | ${count(s.changeCalls)} / ${count(s.changeStatements)} | | |`,
      ...Object.entries(s.byTab).map(
        ([tab, cs]) => `| … on ${TAB_NAMES[tab] ?? tab}: p50 / p95 of ${cs.length} that queried, round trips | ${ms(quantile(cs.map((c) => c.ms), 0.5))} / ${ms(quantile(cs.map((c) => c.ms), 0.95))}, ${count(cs.map((c) => c.calls))} | | |`
      ),
      `| peak memory above idle, ${label(n)} | ${fmtMem(s.memory)} | ${fmtMem(s.bareMemory)} | ${ratio(s.memory, s.bareMemory)} |`,
      ...(s.failed.length ? [`| **failed loads, ${label(n)}** | ${s.failed.join('; ')} | | |`] : [])
    ];
  })
];
const profile = SIZES.filter((n) => Object.keys(bySize[n].profile).length).map((n) => {
  const p = bySize[n].profile;
  return `| ${label(n)} | ${Object.entries(p).map(([k, v]) => `${k} ${ms(median(v))}`).join(' · ')} |`;
});
const report = `# Benchmarks

Measured by \`npm run bench\` (\`scripts/bench.js\`, data from \`scripts/bench-data.js\`): the production build
served on 127.0.0.1, headless Chromium, a fresh browser per run, median (min–max) of ${RUNS} runs.

- **Bare engine**: the project's own \`/bare/\` page registers the same meetings file and runs one
  \`CREATE TABLE t AS SELECT * FROM read_csv(...)\`, nothing else.
- **Drop → first view ready**: from picking the files to the page being ready: read, record count,
  reconciliation, recognition, mapping, normalization, the canonical tables and the visible view; for the
  meetings file alone and for the five files (meetings, roster, accounts, goals, outcomes). **Every view can
  query** is the end of the canonical build; **all views ready** adds visiting every other view until each is ready.
- **Round trips**: every request the page makes to the engine's worker (a connection opened or closed, a
  statement, a file registered), counted from the engine module's own measures; statements are the SQL among them.
- **Slow link**: Chromium's network emulation (20 Mbit/s both ways, 40 ms latency, cache off) on a server
  that gzips text and WebAssembly as common static hosts do; bytes are as transferred.
- **Filter change**: timed in the page from the change to the page being ready and painted, over
  ${CHANGES} different changes (window, manager, team, CSM, segment, kind) per run, a third each on Meetings vs
  outcomes, the 1:1s and the Overview, pooled over the runs. A change
  back to a view seen before (clearing a filter just set) is answered from the page's cache of recent
  results and timed to its last change to the page; the row after it counts only the changes that queried.
- **Memory**: proportional set size of every Chromium process (browser, renderer, utility, workers),
  peak during the load above the idle page just before it.

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${chromium}, Node ${process.version}.
Run: ${new Date().toISOString().slice(0, 10)}. Reproduce: \`npm run bench\`.

| figure | Cadence | bare engine | ratio |
|---|---|---|---|
${rows.join('\n')}

Decoding a query result into the rows a view uses, in Node on the same engine build (\`scripts/bench-arrow.js\`):

${arrowTable(arrowResults)}

Where a drop's time goes (medians of the page's own measures up to the first view: "load" is every file's
read, count and reconciliation summed; "analyse" recognition and mapping; "build" the canonical tables;
"view" each query set):

| size | profile |
|---|---|
${profile.join('\n')}
`;
writeFileSync(join(ROOT, 'BENCHMARKS.md'), report + readNotes());
console.log(report);

/** Hand-written analysis below the generated table is kept across runs. */
function readNotes() {
  try {
    const text = readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8');
    const i = text.indexOf('\n## ');
    return i >= 0 ? text.slice(i) : '';
  } catch {
    return '';
  }
}
