#!/usr/bin/env node
/**
 * Where the time goes, statement by statement: the page's own load, recognition, model build and view
 * queries on a benchmark set, on the same DuckDB-WASM build in Node (single-threaded, like the page's
 * worker). The browser figures are in BENCHMARKS.md; this says which SQL they are made of.
 *
 *   node scripts/profile.js [--rows 1000000] [--top 15] [--changes 20] [--explain accountsSql,weeklySql [--preset all]]
 */
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchSet } from './bench-data.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROWS = Number(arg('rows', 1_000_000));
const TOP = Number(arg('top', 15));
const CHANGES = Number(arg('changes', 20));

const dir = join(ROOT, 'bench-results', `data-${ROWS}`);
mkdirSync(dir, { recursive: true });
const paths = existsSync(join(dir, `meetings_${ROWS}.csv`))
  ? [`meetings_${ROWS}.csv`, 'roster.csv', 'accounts.csv', 'goals.csv', 'success_plans.csv'].map((n) => join(dir, n))
  : await writeBenchSet(dir, ROWS);

globalThis.localStorage = { getItem: () => null, setItem() {}, removeItem() {} };
const { createServer } = await import('vite');
const vite = await createServer({ root: ROOT, logLevel: 'error', server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom' });
const load = (p) => vite.ssrLoadModule(p);
const engine = await load('/src/lib/engine/index.ts');
const { startNodeEngine } = await load('/src/lib/engine/node.ts');

// Every statement the app sends, timed, under the step that sent it.
const timings = [];
let step = 'start';
let queue = Promise.resolve();
engine.useEngine(async () => {
  const db = await startNodeEngine();
  const connect = db.connect.bind(db);
  db.connect = async () => {
    const conn = await connect();
    const run = conn.query.bind(conn);
    // One statement at a time, so each timing is its own (the views start theirs together).
    conn.query = (sql) => {
      const result = queue.then(async () => {
        const t0 = performance.now();
        try {
          return await run(sql);
        } finally {
          timings.push({ step, ms: performance.now() - t0, sql: String(sql).replace(/\s+/g, ' ').trim() });
        }
      });
      queue = result.catch(() => {});
      return result;
    };
    return conn;
  };
  return db;
});

const { loadFile } = await load('/src/lib/ingest/loadFile.ts');
const { analyseFile } = await load('/src/lib/model/analyse.ts');
const { buildModel } = await load('/src/lib/model/build.ts');
const queries = await load('/src/lib/metrics/queries.ts');
const { toFilters, DEFAULT_FILTERS } = await load('/src/lib/state/view.svelte.ts');

async function timed(name, fn) {
  step = name;
  const t0 = performance.now();
  const out = await fn();
  const ms = performance.now() - t0;
  console.log(`${name.padEnd(28)} ${ms.toFixed(0).padStart(7)} ms`);
  return out;
}

await timed('engine start', () => engine.startEngine());
const reports = [];
for (const [i, p] of paths.entries()) {
  const file = new File([readFileSync(p)], basename(p));
  reports.push(await timed(`load ${basename(p)}`, () => loadFile({ id: i + 1, file })));
}
const models = [];
for (const r of reports) models.push(await timed(`analyse ${r.file}`, () => analyseFile(r, 'en-US')));
await timed('build', () =>
  buildModel(models.map((m) => ({ src: { id: m.id, file: m.file, staging: m.staging, layout: m.signature }, mapping: m.mapping })))
);
const opts = await timed('view options', () => queries.filterOptions());

// The bench's kind of changes: windows, then one person, team or segment at a time.
const plans = [{}];
const presets = ['4w', '13w', '26w', '52w', 'all'];
for (let i = 0; plans.length < CHANGES; i++) {
  const pick = [
    { managers: [opts.managers[i % opts.managers.length]?.value] },
    { teams: [opts.teams[i % opts.teams.length]?.value] },
    { csms: [opts.csms[i % opts.csms.length]?.value] },
    { segments: [opts.segments[i % opts.segments.length]?.value] },
    { kinds: ['customer'] }
  ][i % 5];
  plans.push({ preset: presets[i % presets.length] }, Object.fromEntries(Object.entries(pick).map(([k, v]) => [k, v.filter(Boolean)])));
}
for (const view of ['meetingsOutcomes', 'oneOnOne', 'goalsView', 'outcomesView']) {
  const times = [];
  for (const [i, change] of plans.slice(0, CHANGES).entries()) {
    const f = toFilters({ ...DEFAULT_FILTERS, ...change }, opts.asOf, opts.firstDay);
    const t0 = performance.now();
    step = `view ${view}`;
    const first = timings.length;
    await queries[view](f);
    if (i > 0) times.push(performance.now() - t0);
    timings.slice(first).forEach((t, k) => (t.key = `${view} #${k + 1}`));
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(0);
  console.log(`view ${view.padEnd(23)} p50 ${q(0.5).padStart(5)} ms  p95 ${q(0.95).padStart(5)} ms  (${times.length} changes)`);
}

// Extra statements to try on the built tables (one per paragraph), e.g. a candidate rewrite of a view query.
const extra = arg('sql', null);
if (extra) {
  for (const sql of readFileSync(extra, 'utf8').split(/\n\s*\n/).filter((s) => s.trim())) {
    step = 'extra';
    if (/^\s*EXPLAIN/i.test(sql)) {
      await explainSql(sql.replace(/^\s*EXPLAIN\s*/i, ''), sql.replace(/\s+/g, ' ').slice(8, 80));
      continue;
    }
    const t0 = performance.now();
    const rows = await engine.query(sql);
    console.log(`extra ${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${rows.length} rows  ${sql.replace(/\s+/g, ' ').slice(0, 100)}`);
  }
}

// `--explain <fn>`: the engine's own operator profile of one metric query (e.g. accountsSql) on the default view.
const explain = arg('explain', null);
if (explain) {
  const mod = Object.assign({}, ...(await Promise.all(['oneOnOne', 'meetingsOutcomes', 'goalsOutcomes'].map((m) => load(`/src/lib/metrics/${m}.ts`)))));
  const f = toFilters({ ...DEFAULT_FILTERS, preset: arg('preset', DEFAULT_FILTERS.preset) }, opts.asOf, opts.firstDay);
  for (const name of explain.split(',')) await explainOne(name, mod, f);
}
async function explainOne(explain, mod, f) {
  await explainSql(mod[explain](f), explain);
}
async function explainSql(text, explain) {
  const [row] = await engine.query(`EXPLAIN (ANALYZE, FORMAT json) ${text}`);
  const ops = [];
  const walk = (node, depth) => {
    if (node.operator_name || node.operator_type) ops.push({ depth, name: node.operator_name || node.operator_type, ms: (node.operator_timing ?? 0) * 1000, rows: node.operator_cardinality, extra: JSON.stringify(node.extra_info ?? {}).slice(0, 120) });
    for (const c of node.children ?? []) walk(c, depth + 1);
  };
  const plan = JSON.parse(String(row.explain_value));
  walk(Array.isArray(plan) ? plan[0] : plan, 0);
  console.log(`${explain}: ${ops.reduce((s, o) => s + o.ms, 0).toFixed(0)} ms in operators; the slowest:`);
  for (const o of [...ops].sort((a, b) => b.ms - a.ms).slice(0, 12)) console.log(`${o.ms.toFixed(1).padStart(8)} ms ${String(o.rows).padStart(9)} rows  ${o.name}  ${o.extra}`);
}

console.log(`\nStatements per step (count, time in the engine):`);
const perStep = {};
for (const t of timings) {
  const key = t.step.replace(/ \S+\.csv$/, ' (per file, summed)');
  const s = (perStep[key] ??= { n: 0, ms: 0 });
  s.n++;
  s.ms += t.ms;
}
for (const [k, v] of Object.entries(perStep)) console.log(`${String(v.n).padStart(5)} statements ${v.ms.toFixed(0).padStart(7)} ms  ${k}`);

console.log(`\nSlowest statements:`);
for (const t of [...timings].sort((a, b) => b.ms - a.ms).slice(0, TOP)) console.log(`${t.ms.toFixed(0).padStart(7)} ms  [${t.step}] ${t.sql.slice(0, 150)}`);
const perView = {};
for (const t of timings.filter((t) => t.step.startsWith('view '))) {
  (perView[t.key] ??= { ms: [], sql: t.sql }).ms.push(t.ms);
}
console.log(`\nView statements (median over changes):`);
for (const [k, v] of Object.entries(perView)) {
  const ms = v.ms.sort((a, b) => a - b);
  console.log(`${ms[Math.floor(ms.length / 2)].toFixed(0).padStart(7)} ms  p95 ${ms[Math.floor(ms.length * 0.95)].toFixed(0).padStart(5)}  ${k}: ${v.sql.slice(0, 90)}`);
}
await vite.close();
