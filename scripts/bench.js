#!/usr/bin/env node
/**
 * `npm run bench`: timings of the production build in headless Chromium, a fresh browser per run,
 * medians (min–max) of several runs, each load set beside the bare engine's read of the same file
 * (the project's own /bare/ page: register the file, one read_csv, nothing else). Writes BENCHMARKS.md.
 *
 *   npm run build && node scripts/bench.js [--runs 5] [--sizes 10000,100000]
 *
 * Not yet measured (issue 6): filter change → ready p50/p95, peak memory, 1M and 5M rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { startSite, launchBrowser, waitReady } from '../tests/e2e/harness.js';
import { mulberry32 } from './generate-demo.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('runs', 5));
const SIZES = arg('sizes', '10000,100000').split(',').map(Number);

/** A HubSpot-style meetings export of n rows (deterministic). */
function meetingsCsv(n) {
  const rand = mulberry32(n);
  const lines = ['Record ID,Meeting name,Meeting start time,Meeting end time,Meeting outcome,Activity assigned to,Associated Company'];
  const outcomes = ['Completed', 'Completed', 'Completed', 'Canceled', 'Rescheduled', 'No show'];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const t = new Date(start + Math.floor(rand() * 730) * 86400000 + (8 + Math.floor(rand() * 9)) * 3600000);
    const iso = t.toISOString().slice(0, 16).replace('T', ' ');
    const end = new Date(t.getTime() + 1800000).toISOString().slice(0, 16).replace('T', ' ');
    lines.push(`${25000000000 + i},Check-in ${i % 97},${iso},${end},${outcomes[i % outcomes.length]},csm${i % 200}@example.com,Account ${i % 3000}`);
  }
  return lines.join('\n') + '\n';
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `${Math.round(median(xs))} ms (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`;

const site = await startSite();
const dir = mkdtempSync(join(tmpdir(), 'cadence-bench-'));
const results = { firstPaint: [], coldReady: [], bare: {}, cadence: {} };

async function fresh(fn) {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    return await fn(page);
  } finally {
    await browser.close();
  }
}

for (let r = 0; r < RUNS; r++) {
  await fresh(async (page) => {
    const t0 = Date.now();
    await page.goto(site.url);
    await waitReady(page, 180_000);
    results.coldReady.push(Date.now() - t0);
    results.firstPaint.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
  });
}

for (const n of SIZES) {
  const file = join(dir, `meetings_${n}.csv`);
  writeFileSync(file, meetingsCsv(n));
  results.bare[n] = [];
  results.cadence[n] = [];
  for (let r = 0; r < RUNS; r++) {
    await fresh(async (page) => {
      await page.goto(`${site.url}bare/`);
      await page.waitForSelector('main[data-status="ready"]', { timeout: 60_000 });
      await page.setInputFiles('input[type="file"]', file);
      await page.waitForFunction(() => /rows in/.test(document.querySelector('[data-testid="bare-result"]')?.textContent ?? ''), null, { timeout: 300_000 });
      const text = await page.textContent('[data-testid="bare-result"]');
      results.bare[n].push(Number(text.match(/in (\d+) ms/)[1]));
    });
    await fresh(async (page) => {
      await page.goto(site.url);
      await waitReady(page, 180_000);
      const t0 = Date.now();
      await page.setInputFiles('input[type="file"]', file);
      await page.waitForFunction(
        (name) => {
          const r = document.querySelector(`[data-testid="file-report"][data-file="${name}"]`);
          return r && r.getAttribute('data-status') !== 'loading' && document.querySelector('[data-testid="app"]')?.getAttribute('data-status') === 'ready';
        },
        `meetings_${n}.csv`,
        { timeout: 300_000, polling: 50 }
      );
      results.cadence[n].push(Date.now() - t0);
    });
  }
}
await site.close();
rmSync(dir, { recursive: true, force: true });

const chromium = execSync('/usr/bin/chromium --version 2>/dev/null || echo chromium').toString().trim();
const rows = [
  `| first contentful paint (demo page) | ${fmt(results.firstPaint)} | | |`,
  `| cold load → demo dashboard ready (8 exports, 27.7k rows) | ${fmt(results.coldReady)} | | |`,
  ...SIZES.map((n) => `| drop → ready, ${n.toLocaleString('en-US')} meetings | ${fmt(results.cadence[n])} | ${fmt(results.bare[n])} | ${(median(results.cadence[n]) / median(results.bare[n])).toFixed(1)}× |`)
];
const report = `# Benchmarks

Measured by \`npm run bench\` (\`scripts/bench.js\`): the production build served on 127.0.0.1, headless
Chromium, a fresh browser per run, median (min–max) of ${RUNS} runs. "Bare engine" is the project's own
\`/bare/\` page: register the same file and run one \`CREATE TABLE t AS SELECT * FROM read_csv(...)\`.
Cadence's figure is from picking the file to the page being ready: read, record count, reconciliation,
recognition, mapping, normalization and the visible view recomputed.

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${chromium}, Node ${process.version}.
Run: ${new Date().toISOString().slice(0, 10)}.

| figure | Cadence | bare engine | ratio |
|---|---|---|---|
${rows.join('\n')}

Not measured yet (issue 6): filter change → ready (p50/p95), peak memory, 1M and 5M rows.
`;
writeFileSync('BENCHMARKS.md', report);
console.log(report);
