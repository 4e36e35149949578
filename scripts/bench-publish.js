#!/usr/bin/env node
/**
 * Publishing at scale: for each size, generated exports (scripts/bench-data.js) are published with
 * `scripts/publish.js --data-only` under `/usr/bin/time -v` (wall time, peak resident memory), then the
 * published page (the production build in build/ with that data folder instead of the demo) is opened cold in
 * headless Chromium: when the opening view is ready, when the whole tables are in, the bytes fetched by each
 * (and whether any was a meeting row), then two filter changes and a drill-down into one account (time, bytes,
 * the monthly parts' row groups fetched), and the browser's peak memory above an idle page. The demo's
 * published page is measured the same way first.
 * Prints a Markdown table for BENCHMARKS.md; generated data is removed afterwards.
 *
 *   npm run build && node scripts/bench-publish.js [--sizes 1000000,5000000,10000000]
 *   node scripts/bench-publish.js --open <published data folder>   (only open a folder published before)
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execSync, spawnSync } from 'node:child_process';
import { ROOT, startSite, launchBrowser, waitReady } from '../tests/e2e/harness.js';
import { writeBenchSet } from './bench-data.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const SIZES = arg('sizes', '1000000').split(',').map(Number);
const OPEN = arg('open', null);
const OPEN_TIMEOUT = 300_000;
const mib = (b) => `${Math.round(b / 2 ** 20).toLocaleString('en-US')} MiB`;
const secs = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'n/a');

/** PSS in bytes of every Chromium process descended from this script. */
function chromiumMemory() {
  const table = execSync('ps -eo pid=,ppid=').toString().trim().split('\n').map((l) => l.trim().split(/\s+/));
  const children = new Map();
  for (const [pid, ppid] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const walk = (pid) => {
    for (const c of children.get(pid) ?? []) {
      try {
        const m = readFileSync(`/proc/${c}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
        if (m) total += Number(m[1]) * 1024;
      } catch {
        // the process ended between ps and the read
      }
      walk(c);
    }
  };
  walk(String(process.pid));
  return total;
}

function dirBytes(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

/** A v2 link fragment (the page's link format): the Meetings tab, with one account's drill-down when named. */
const meetingsLink = (account) => `#v2.${Buffer.from(JSON.stringify({ t: 'meetings', ...(account ? { d: ['a', account, account] } : {}) })).toString('base64url')}`;

/** The account the benchmark drills into: present at every size (bench-data.js names accounts 0–2999). */
const DRILL_ACCOUNT = 'Account 1017';

/** Publish a folder's data under /usr/bin/time -v: wall seconds, peak RSS, the published bytes. */
function publish(folder, out) {
  const run = spawnSync('/usr/bin/time', ['-v', 'node', join(ROOT, 'scripts/publish.js'), folder, '--data-only', out], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (run.status !== 0) throw new Error(`publish failed:\n${run.stdout}\n${run.stderr}`);
  const wall = run.stderr.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/);
  const rss = Number(run.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/)[1]) * 1024;
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, rss, bytes: dirBytes(out), log: run.stdout };
}

/** The production build with `data` as its published data folder (no demo). */
function siteWith(data, dir) {
  cpSync(join(ROOT, 'build'), dir, { recursive: true });
  rmSync(join(dir, 'demo'), { recursive: true, force: true });
  rmSync(join(dir, 'data'), { recursive: true, force: true });
  cpSync(data, join(dir, 'data'), { recursive: true });
  return dir;
}

/** The page's own words for a failure, short enough for a table cell. */
function reason(text) {
  const m = text.match(/(The site's own data could not be opened|The analysis engine stopped|[^.]*ran out of memory)[^]*/);
  const words = (m?.[0] ?? 'failed').replace(/[{}"|]/g, ' ').replace(/\s+/g, ' ').trim();
  return words.length > 140 ? `${words.slice(0, 140)}…` : words;
}

/** Open a site cold: ready (opening view), tables in, bytes fetched by each, peak memory above idle. */
async function openCold(dir) {
  const site = await startSite({ dir });
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto('about:blank');
    const idle = chromiumMemory();
    let peak = idle;
    const timer = setInterval(() => (peak = Math.max(peak, chromiumMemory())), 200);
    const cdp = await page.context().newCDPSession(page);
    // Counting bytes needs no response bodies: by default DevTools keeps them (up to 100 MB) in the page's own
    // process, which the memory figure would count as the page's.
    await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
    let bytes = 0;
    let dataBytes = 0;
    let partBytes = 0;
    let partRequests = 0;
    const urls = new Map();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId) ?? '';
      bytes += e.encodedDataLength;
      if (/\/data\//.test(url)) dataBytes += e.encodedDataLength;
      if (/\/data\/meeting(s|_facts)\//.test(url)) {
        partBytes += e.encodedDataLength;
        partRequests++;
      }
    });
    /** A step after opening: its time to ready, and what it fetched of the data and of the monthly parts. */
    const step = async (act) => {
      const before = { dataBytes, partBytes, partRequests };
      const t = Date.now();
      await act();
      await waitReady(page, OPEN_TIMEOUT);
      return { ms: Date.now() - t, dataBytes: dataBytes - before.dataBytes, partBytes: partBytes - before.partBytes, partRequests: partRequests - before.partRequests };
    };
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = Date.now();
    await page.goto(site.url);
    let ready = NaN;
    let tables = NaN;
    let failure = null;
    try {
      await waitReady(page, OPEN_TIMEOUT);
      ready = Date.now() - t0;
      const atReady = { bytes, dataBytes, partBytes };
      await page.waitForFunction(
        () => performance.getEntriesByName('cadence:tables-ready').length > 0 || document.querySelector('[data-testid="app"]')?.textContent?.match(/ran out of memory|engine stopped|could not be/),
        null,
        { timeout: OPEN_TIMEOUT, polling: 250 }
      );
      const done = await page.evaluate(() => performance.getEntriesByName('cadence:tables-ready')[0]?.startTime ?? null);
      if (done === null) failure = reason((await page.textContent('[data-testid="app"]')) ?? '');
      else tables = done;
      const opened = { bytes, dataBytes, partBytes };
      const steps = failure
        ? null
        : {
            week52: await step(() => page.selectOption('[data-testid="filter-window"]', '52w')),
            week4: await step(() => page.selectOption('[data-testid="filter-window"]', '4w')),
            // The Meetings tab at the default 13 weeks first, so the drill-down's own time is measured alone.
            tab: await step(() => page.evaluate((h) => (location.hash = h), meetingsLink(null))),
            drill: await step(async () => {
              await page.evaluate((h) => (location.hash = h), meetingsLink(DRILL_ACCOUNT));
              await page.locator('[data-testid="drill-summary"]').waitFor({ timeout: OPEN_TIMEOUT });
            })
          };
      if (steps) steps.drill.rows = Number(await page.getAttribute('[data-testid="drill-summary"]', 'data-total'));
      return { ready, tables, atReady, opened, steps, bytes, dataBytes, memory: Math.max(peak, chromiumMemory()) - idle, failure: failure ?? errors[0] ?? null };
    } catch (e) {
      return { ready, tables, atReady: { bytes, dataBytes, partBytes }, opened: { bytes, dataBytes, partBytes }, steps: null, bytes, dataBytes, memory: Math.max(peak, chromiumMemory()) - idle, failure: reason(errors[0] ?? String(e).split('\n')[0]) };
    } finally {
      clearInterval(timer);
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

if (!existsSync(join(ROOT, 'build', 'index.html'))) throw new Error('run npm run build first');
const work = mkdtempSync(join(tmpdir(), 'cadence-bench-publish-'));
const rows = [];
try {
  const demo = await openCold(join(ROOT, 'build'));
  rows.push({ label: 'demo', pub: null, open: demo });
  process.stdout.write(`demo: ready ${secs(demo.ready)}, tables ${secs(demo.tables)}\n`);
  if (OPEN) {
    const open = await openCold(siteWith(OPEN, join(work, 'site')));
    rows.push({ label: OPEN.split('/').pop(), pub: null, open });
  }
  for (const n of OPEN ? [] : SIZES) {
    const folder = join(work, `exports-${n}`);
    const files = await writeBenchSet(folder, n);
    const csv = files.reduce((s, f) => s + statSync(f).size, 0);
    const pub = { ...publish(folder, join(work, `data-${n}`)), csv };
    process.stdout.write(`${n}: published in ${pub.seconds.toFixed(1)} s, peak ${mib(pub.rss)}, ${mib(pub.bytes)} of data\n`);
    rmSync(folder, { recursive: true, force: true });
    const open = await openCold(siteWith(join(work, `data-${n}`), join(work, `site-${n}`)));
    process.stdout.write(`${n}: ready ${secs(open.ready)}, tables ${secs(open.tables)}${open.failure ? `, failed: ${open.failure}` : ''}\n`);
    rows.push({ label: `${(n / 1e6).toLocaleString('en-US')}M meetings`, pub, open });
    rmSync(join(work, `site-${n}`), { recursive: true, force: true });
    rmSync(join(work, `data-${n}`), { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
const stepCell = (s) => (s ? `${s.ms.toLocaleString('en-US')} ms, ${kib(s.dataBytes)} (${s.partRequests} part reads, ${kib(s.partBytes)})` : '—');
const lines = [
  '| data | CSV | `npm run publish` (native) | peak RSS | published data | page: opening view ready | page: whole tables in | fetched to open: all (data; meeting parts) | filter → 52 weeks | filter → 4 weeks | Meetings tab, 13 weeks | drill-down into one account (rows) | page memory above idle | page failure |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
];
for (const { label, pub, open } of rows) {
  lines.push(
    `| ${label} | ${pub ? mib(pub.csv) : '—'} | ${pub ? secs(pub.seconds * 1000) : '—'} | ${pub ? mib(pub.rss) : '—'} | ${pub ? mib(pub.bytes) : '—'} | ${secs(open.ready)} | ${secs(open.tables)} | ${mib(open.opened.bytes)} (${mib(open.opened.dataBytes)}; ${kib(open.opened.partBytes)}) | ${stepCell(open.steps?.week52)} | ${stepCell(open.steps?.week4)} | ${stepCell(open.steps?.tab)} | ${stepCell(open.steps?.drill)}${open.steps ? ` (${open.steps.drill.rows})` : ''} | ${mib(open.memory)} | ${open.failure ?? '—'} |`
  );
}
process.stdout.write(`\n${lines.join('\n')}\n`);
