#!/usr/bin/env node
/**
 * Publish a folder of CSV exports as a static site that opens with them already loaded.
 *
 *   npm run publish -- <folder> [--out site]
 *
 * Every file goes through the page's own loader, recognition, mapping and model build (the same code and
 * SQL, in Node, on native DuckDB: multi-threaded and spilling to disk, so files larger than a browser tab
 * holds publish too), and is written as Parquet into <out>/data, so the published page reads no CSV. A file
 * the page would refuse for anything but its size stops the build with the page's message. Mappings
 * remembered in a browser can be used by putting the `cadence-mappings.json` the data tab downloads into
 * the folder.
 *
 * The meetings and their day-level facts are written one Parquet file per month (data/meetings/2025-03.parquet),
 * which the page fetches in parts as its views need them; every other table whole. Each file's staging table
 * (its rows as exported) is left out unless `--with-staging`: without it the page cannot re-map the files or
 * add dropped files to them (they replace the published data instead), and the site is far smaller.
 *
 * `--data-only <dir>` writes only the data folder (the build uses it for the embedded demo, with staging).
 * `--wasm` runs the page's own DuckDB-WASM build instead (same checks, the browser's size limit, whole tables).
 */
import { copyFileSync, renameSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXPORT_FILE = /\.((csv|tsv|txt)(\.gz)?|parquet)$/i;
export const MAPPINGS_FILE = 'cadence-mappings.json';

function parseArgs(argv) {
  const args = { folder: null, out: join(ROOT, 'site'), dataOnly: null, kind: 'published', wasm: false, staging: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.out = resolve(argv[++i]);
    else if (a === '--data-only') args.dataOnly = resolve(argv[++i]);
    else if (a === '--demo') args.kind = 'demo';
    else if (a === '--wasm') args.wasm = true;
    else if (a === '--with-staging') args.staging = true;
    else if (!args.folder) args.folder = resolve(a);
    else throw new Error(`unexpected argument: ${a}`);
  }
  if (!args.folder) throw new Error('usage: npm run publish -- <folder of CSV exports> [--out site] [--with-staging]');
  // The demo shows the Data tab's re-mapping, so it keeps its staging tables.
  if (args.kind === 'demo') args.staging = true;
  return args;
}

function describe(r) {
  const counts = r.status === 'refused' ? 'not loaded' : `${r.rows} rows${r.rejected ? `, ${r.rejected} rejected` : ''} (${r.counted ?? '?'} counted)`;
  const lines = [`  ${r.status === 'refused' ? '✗' : r.status === 'partial' ? '!' : '✓'} ${r.file} → ${r.table}: ${counts}`];
  for (const f of r.findings) if (f.severity !== 'info') lines.push(`      ${f.severity}: ${f.message}`);
  return lines.join('\n');
}

const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const seconds = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** Progress lines for long runs: each file's bytes read every few seconds, then each step as it starts. */
function progressPrinter(t0) {
  let last = 0;
  return (p) => {
    if (p.step === 'reading') {
      if (p.total < 32 * 1024 * 1024 || performance.now() - last < 5000) return;
      last = performance.now();
      console.log(`  … ${p.file}: ${mb(p.bytes)} of ${mb(p.total)} read (${seconds(t0)})`);
    } else if (p.step === 'loaded') {
      console.log(`  ${p.report.file}: ${p.report.status}, ${p.report.rows.toLocaleString('en-US')} rows (${seconds(t0)})`);
    } else console.log(`  ${p.step === 'model' ? 'building the model' : p.step === 'snapshot' ? 'writing Parquet' : 'computing the opening view'} (${seconds(t0)})`);
  };
}

/**
 * Snapshot the folder with the app's own modules, loaded through Vite so `$lib` and `?worker` resolve, and
 * hand it to `persist` while the engine's scratch folder (which holds the monthly parts) still exists.
 */
async function snapshotFolder(folder, kind, { wasm, staging, t0, persist }) {
  const names = readdirSync(folder).filter((n) => EXPORT_FILE.test(n) && statSync(join(folder, n)).isFile()).sort();
  if (!names.length) throw new Error(`no exports (.csv, .tsv, .txt, .gz, .parquet) in ${folder}`);
  const mappingsPath = join(folder, MAPPINGS_FILE);
  const store = new Map();
  if (existsSync(mappingsPath)) store.set('cadence.mappings.v1', readFileSync(mappingsPath, 'utf8'));
  // The mapping memory reads localStorage; in Node it is this folder's mappings file.
  globalThis.localStorage = {
    getItem: (k) => store.get(k) ?? null,
    setItem: (k, v) => store.set(k, String(v)),
    removeItem: (k) => store.delete(k)
  };
  const { createServer } = await import('vite');
  const vite = await createServer({ root: ROOT, logLevel: 'error', server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom' });
  try {
    const publish = await vite.ssrLoadModule('/src/lib/share/node.ts');
    const paths = names.map((n) => join(folder, n));
    let files;
    let engine = null;
    if (wasm) {
      publish.useWasmEngine();
      files = names.map((n, i) => new File([readFileSync(paths[i])], n));
    } else {
      engine = publish.useNativeEngine({ inputs: paths, memoryLimit: process.env.CADENCE_MEMORY_LIMIT ?? '2GB' });
      files = await Promise.all(names.map((n, i) => publish.diskFile(paths[i], n)));
    }
    try {
      const outcome = await publish.buildSnapshot(files, kind, { staging, onProgress: progressPrinter(t0) });
      if (outcome.snapshot) await persist(outcome);
      return outcome;
    } finally {
      if (engine) await (await engine()).terminate();
    }
  } finally {
    await vite.close();
  }
}

/** The data folder: the manifest, the whole tables' Parquet and each partitioned table's folder of months. */
export function writeData(dir, snapshot) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of snapshot.blobs) writeFileSync(join(dir, name), bytes);
  for (const [name, path] of snapshot.written) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    copyFileSync(path, join(dir, name));
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(snapshot.manifest));
}

/** Bytes of a folder's files, its subfolders' too. */
const dataBytes = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? dataBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  process.env.CADENCE_OUT = args.out; // read by svelte.config.js when the site is built
  const t0 = performance.now();
  console.log(`Publishing ${args.folder} on ${args.wasm ? 'DuckDB-WASM' : 'native DuckDB'}:`);
  // The data is written before the engine closes (its scratch folder holds the monthly parts), beside the
  // site's folder: the site's build empties that folder.
  const staged = args.dataOnly ?? `${args.out}.data-${process.pid}`;
  const persist = ({ snapshot }) => writeData(staged, snapshot);
  const { reports, snapshot } = await snapshotFolder(args.folder, args.kind, { wasm: args.wasm, staging: args.staging, t0, persist });
  console.log(`Read ${reports.length} file(s) from ${args.folder}:`);
  for (const r of reports) console.log(describe(r));
  if (!snapshot) {
    const refused = reports.filter((r) => r.status === 'refused').map((r) => r.file);
    console.error(`\nNot published: the page would refuse ${refused.join(', ')} (see above). Fix or remove the file and run again.`);
    process.exit(1);
  }
  if (args.dataOnly) {
    console.log(`Data written to ${args.dataOnly} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    return;
  }
  // Asset paths are relative, so the one build works at a domain's root and under any sub-path.
  const { build } = await import('vite');
  await build({ root: ROOT, logLevel: 'warn' });
  // The published site carries the publisher's data only: no demo.
  rmSync(join(args.out, 'demo'), { recursive: true, force: true });
  rmSync(join(args.out, 'data'), { recursive: true, force: true });
  renameSync(staged, join(args.out, 'data'));
  const total = dataBytes(join(args.out, 'data'));
  console.log(`\nPublished to ${args.out} (${(total / 1024 / 1024).toFixed(1)} MB of data) in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  console.log('Copy the folder to any static web server, at its root or under a sub-path (see the README).');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`publish: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
