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

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('runs', 5));
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
        const done = () => requestAnimationFrame(() => resolve({ ms: performance.now() - t0, cached: cached() }));
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
            resolve({ ms: (lastChange ?? performance.now()) - t0, cached: cached() });
          }
        }, 50);
      }),
    [testid, value]
  );
}

/** Twenty-odd different filter changes from what the loaded data offers, on the two busiest views. */
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
  for (const [i, change] of plan.slice(0, count).entries()) {
    if (i === Math.floor(count / 2)) {
      await page.click('[data-testid="tab-oneonone"]');
      await waitReady(page, LOAD_TIMEOUT);
    }
    times.push(await timeChange(page, change.testid, change.value));
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

for (const n of SIZES) {
  const files = await writeBenchSet(join(dir, String(n)), n);
  const [meetings] = files;
  const res = (bySize[n] = { bare: [], ready: [], all: [], memory: [], bareMemory: [], changes: [], queried: [], failed: [], profile: {} });
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
      await page.goto(site.url);
      await waitReady(page, 180_000);
      // An idle page: the demo's tables in the engine (the page is ready before they are) and settled.
      await page.waitForFunction(() => performance.getEntriesByName('cadence:tables-ready').length > 0, null, { timeout: 180_000 });
      await waitReady(page, 180_000);
      await page.waitForTimeout(1000);
      const idle = chromiumMemory();
      const peak = memorySampler();
      await page.evaluate(() => performance.clearMeasures());
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
      const tReady = Date.now() - t0;
      if (!outcome.every((s) => s === 'loaded')) {
        res.failed.push(`run ${r + 1}: ${outcome.join(', ')} ${(await page.$$eval('[data-testid="file-message"]', (els) => els.map((e) => e.textContent).join(' | ')).catch(() => ''))}`);
        peak();
        return;
      }
      res.ready.push(tReady);
      // Where the time went, from the page's own measures (load per file, analysis, build, each view).
      const measures = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('cadence:')).map((m) => [m.name.replace(/^cadence:/, ''), m.duration]));
      const summed = {};
      for (const [name, d] of measures) summed[name.replace(/ \S+\.csv$/, '')] = (summed[name.replace(/ \S+\.csv$/, '')] ?? 0) + d;
      for (const [name, d] of Object.entries(summed)) (res.profile[name] ??= []).push(d);
      for (const tab of ['oneonone', 'goals', 'outcomes', 'meetings']) {
        await page.click(`[data-testid="tab-${tab}"]`);
        await waitReady(page, LOAD_TIMEOUT);
      }
      res.all.push(Date.now() - t0);
      res.memory.push(peak() - idle);
      const changes = await filterChanges(page, CHANGES);
      res.changes.push(...changes.map((c) => c.ms));
      res.queried.push(...changes.filter((c) => !c.cached).map((c) => c.ms));
    });
    process.stdout.write(`${n} rows, run ${r + 1}/${RUNS}: bare ${res.bare.at(-1)} ms, Cadence ready ${res.ready.at(-1) ?? '—'} ms, all views ${res.all.at(-1) ?? '—'} ms, peak +${mib(res.memory.at(-1) ?? 0)}${res.failed.length ? ` (${res.failed.at(-1)})` : ''}\n`);
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
  ...SIZES.flatMap((n) => {
    const s = bySize[n];
    return [
      `| drop → first view ready, ${label(n)} + roster, accounts, goals, outcomes | ${fmt(s.ready)} | ${fmt(s.bare)} | ${ratio(s.ready, s.bare)} |`,
      `| drop → all views ready, ${label(n)} | ${fmt(s.all)} | ${fmt(s.bare)} | ${ratio(s.all, s.bare)} |`,
      `| filter change → ready, ${label(n)}: p50 / p95 of ${s.changes.length} | ${s.changes.length ? `${ms(quantile(s.changes, 0.5))} / ${ms(quantile(s.changes, 0.95))}` : 'n/a'} | | |`,
      `| … of which ran queries (not a view seen before): p50 / p95 of ${s.queried.length} | ${s.queried.length ? `${ms(quantile(s.queried, 0.5))} / ${ms(quantile(s.queried, 0.95))}` : 'n/a'} | | |`,
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
- **Drop → first view ready**: from picking the five files (meetings, roster, accounts, goals, outcomes) to
  the page being ready: read, record count, reconciliation, recognition, mapping, normalization, the canonical
  tables and the visible view. **All views ready** adds visiting every other view until each is ready.
- **Filter change**: timed in the page from the change to the page being ready and painted, over
  ${CHANGES} different changes (window, manager, team, CSM, segment, kind) per run, pooled over the runs. A change
  back to a view seen before (clearing a filter just set) is answered from the page's cache of recent
  results and timed to its last change to the page; the row after it counts only the changes that queried.
- **Memory**: proportional set size of every Chromium process (browser, renderer, utility, workers),
  peak during the load above the idle page just before it.

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${chromium}, Node ${process.version}.
Run: ${new Date().toISOString().slice(0, 10)}. Reproduce: \`npm run bench\`.

| figure | Cadence | bare engine | ratio |
|---|---|---|---|
${rows.join('\n')}

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
