#!/usr/bin/env node
/**
 * Publish a folder of CSV exports as a static site that opens with them already loaded.
 *
 *   npm run publish -- <folder> [--out site] [--base /repo-name]
 *
 * Every file goes through the page's own loader, recognition, mapping and model build (the same code, on
 * the same DuckDB-WASM build, in Node), and is written as Parquet into <out>/data, so the published page
 * reads no CSV. A file the page would refuse stops the build with the page's message. Mappings remembered
 * in a browser can be used by putting the `cadence-mappings.json` the data tab downloads into the folder.
 *
 * `--data-only <dir>` writes only the data folder (the build uses it for the embedded demo).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXPORT_FILE = /\.(csv|tsv|txt)(\.gz)?$/i;
export const MAPPINGS_FILE = 'cadence-mappings.json';

function parseArgs(argv) {
  const args = { folder: null, out: join(ROOT, 'build'), base: process.env.BASE_PATH ?? '', dataOnly: null, kind: 'published' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.out = resolve(argv[++i]);
    else if (a === '--base') args.base = argv[++i];
    else if (a === '--data-only') args.dataOnly = resolve(argv[++i]);
    else if (a === '--demo') args.kind = 'demo';
    else if (!args.folder) args.folder = resolve(a);
    else throw new Error(`unexpected argument: ${a}`);
  }
  if (!args.folder) throw new Error('usage: npm run publish -- <folder of CSV exports> [--out site] [--base /sub-path]');
  if (args.base && !/^\/[A-Za-z0-9._~/-]*[^/]$/.test(args.base)) throw new Error(`--base must look like /my-repo (got ${args.base})`);
  return args;
}

function describe(r) {
  const counts = r.status === 'refused' ? 'not loaded' : `${r.rows} rows${r.rejected ? `, ${r.rejected} rejected` : ''} (${r.counted ?? '?'} counted)`;
  const lines = [`  ${r.status === 'refused' ? '✗' : r.status === 'partial' ? '!' : '✓'} ${r.file} → ${r.table}: ${counts}`];
  for (const f of r.findings) if (f.severity !== 'info') lines.push(`      ${f.severity}: ${f.message}`);
  return lines.join('\n');
}

/** Snapshot the folder with the app's own modules, loaded through Vite so `$lib` and `?worker` resolve. */
async function snapshotFolder(folder, kind) {
  const names = readdirSync(folder).filter((n) => EXPORT_FILE.test(n) && statSync(join(folder, n)).isFile()).sort();
  if (!names.length) throw new Error(`no CSV exports (.csv, .tsv, .txt, .gz) in ${folder}`);
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
    const { buildSnapshot } = await vite.ssrLoadModule('/src/lib/share/node.ts');
    const files = names.map((n) => new File([readFileSync(join(folder, n))], n));
    return await buildSnapshot(files, kind);
  } finally {
    await vite.close();
  }
}

function writeData(dir, snapshot) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of snapshot.blobs) writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(snapshot.manifest));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const { reports, snapshot } = await snapshotFolder(args.folder, args.kind);
  console.log(`Read ${reports.length} file(s) from ${args.folder}:`);
  for (const r of reports) console.log(describe(r));
  if (!snapshot) {
    const refused = reports.filter((r) => r.status === 'refused').map((r) => r.file);
    console.error(`\nNot published: the page would refuse ${refused.join(', ')} (see above). Fix or remove the file and run again.`);
    process.exit(1);
  }
  if (args.dataOnly) {
    writeData(args.dataOnly, snapshot);
    console.log(`Data written to ${args.dataOnly} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    return;
  }
  const { build } = await import('vite');
  process.env.BASE_PATH = args.base;
  await build({ root: ROOT, logLevel: 'warn' });
  const built = join(ROOT, 'build');
  if (resolve(args.out) !== built) {
    rmSync(args.out, { recursive: true, force: true });
    mkdirSync(dirname(args.out), { recursive: true });
    (await import('node:fs')).cpSync(built, args.out, { recursive: true });
  }
  // The published site carries the publisher's data only: no demo.
  rmSync(join(args.out, 'demo'), { recursive: true, force: true });
  writeData(join(args.out, 'data'), snapshot);
  const total = [...snapshot.blobs.values()].reduce((n, b) => n + b.byteLength, 0);
  console.log(`\nPublished to ${args.out} (${(total / 1024 / 1024).toFixed(1)} MB of data) in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  console.log(args.base ? `Serve it under ${args.base}/ (e.g. GitHub Pages for a repository of that name).` : 'Copy the folder to any static web server.');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`publish: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
