/**
 * The same exports through both engines the publish script can run: the page's DuckDB-WASM and native DuckDB.
 * A published file must pass or fail exactly the checks a dropped one does, so the load reports (status,
 * rows, rejected, counted, findings, dialect, columns) and the tables built from them must be the same.
 * Rows are compared as sorted multisets (native DuckDB is multi-threaded: the order of rows a query does not
 * sort is its own) and doubles to 12 significant digits (a parallel sum adds in another order); the opening view
 * within 1e-9 of each value (a ρ near 0 differs in its 13th digit, so rounding would put it either side of an edge).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { query, useEngine, ident } from '$lib/engine';
import { startNodeEngine } from '$lib/engine/node';
import { diskFile, type NativeEngine } from '$lib/engine/native';
import { loadFile } from '$lib/ingest/loadFile';
import { LIMITS } from '$lib/ingest/limits';
import type { FileReport } from '$lib/ingest/types';
import { buildSnapshot } from './build';
import { useNativeEngine } from './node';
import { SNAPSHOT_TABLES } from './snapshot';
import { writeBenchSet } from '../../../scripts/bench-data.js';
import { differsAt } from '$lib/testing/canon';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const FIXTURES = process.env.CADENCE_FIXTURES_ROOT ?? resolve(ROOT, '../shared/fixtures');
const EXPORT_FILE = /\.(csv|tsv|txt)(\.gz)?$/i;

function exportsUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? exportsUnder(p) : EXPORT_FILE.test(n) ? [p] : [];
    });
}

const hostile = exportsUnder(join(FIXTURES, 'hostile-csv'));
const realFolders = readdirSync(join(FIXTURES, 'real-exports')).map((n) => join(FIXTURES, 'real-exports', n)).filter((p) => statSync(p).isDirectory()).sort();
const benchDir = mkdtempSync(join(tmpdir(), 'cadence-engines-'));
let bench: string[] = [];

/** A value as compared: doubles to 12 significant digits, the rest as is. */
const canon = (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v);
const canonRows = (rows: Record<string, unknown>[]) =>
  rows.map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, canon(v)]))).sort();

/** A report without what differs by machine and run (timings). */
function comparable(r: FileReport) {
  const { millis: _m, progress: _p, ...rest } = r;
  return rest;
}

async function tableRows(table: string) {
  return canonRows(await query(`SELECT * FROM ${ident(table)}`));
}

type Engine = 'wasm' | 'native';
interface Run {
  hostile: { report: ReturnType<typeof comparable>; rows: string[] | null }[];
  real: { reports: ReturnType<typeof comparable>[]; tables: Record<string, string[]> | null; result: unknown }[];
  bench: { reports: ReturnType<typeof comparable>[]; tables: Record<string, string[]>; firstView: unknown };
}

const fileFor = (engine: Engine, path: string) =>
  engine === 'native' ? diskFile(path, path.split('/').pop()!) : Promise.resolve(new File([readFileSync(path)], path.split('/').pop()!));

async function snapshotTables(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of SNAPSHOT_TABLES) out[t] = await tableRows(t);
  return out;
}

async function runAll(engine: Engine): Promise<Run> {
  const maxFileBytes = LIMITS.maxFileBytes;
  let native: (() => Promise<NativeEngine>) | null = null;
  if (engine === 'native') native = useNativeEngine({ inputs: [...hostile, ...realFolders.flatMap(exportsUnder), ...bench] });
  else useEngine(startNodeEngine);
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, String(v)), removeItem: (k: string) => void store.delete(k) } as Storage;
  try {
    const run: Run = { hostile: [], real: [], bench: null as unknown as Run['bench'] };
    for (const [i, path] of hostile.entries()) {
      const report = await loadFile({ id: i + 1, file: await fileFor(engine, path) });
      run.hostile.push({ report: { ...comparable(report), file: relative(FIXTURES, path) }, rows: report.stagingTable ? await tableRows(report.stagingTable) : null });
    }
    for (const folder of realFolders) {
      const files = await Promise.all(exportsUnder(folder).map((p) => fileFor(engine, p)));
      const { reports, snapshot } = await buildSnapshot(files, 'published');
      run.real.push({ reports: reports.map(comparable), tables: snapshot ? await snapshotTables() : null, result: snapshot?.manifest.result ?? null });
    }
    const { reports, snapshot } = await buildSnapshot(await Promise.all(bench.map((p) => fileFor(engine, p))), 'published');
    const fv = snapshot?.manifest.firstView ?? null;
    run.bench = { reports: reports.map(comparable), tables: await snapshotTables(), firstView: fv };
    return run;
  } finally {
    LIMITS.maxFileBytes = maxFileBytes;
    if (native) await (await native()).terminate();
  }
}

let wasm: Run;
let native: Run;

beforeAll(async () => {
  await writeBenchSet(benchDir, 20_000);
  bench = readdirSync(benchDir).filter((n) => EXPORT_FILE.test(n)).sort().map((n) => join(benchDir, n));
  wasm = await runAll('wasm');
  native = await runAll('native');
}, 120_000);

afterAll(() => rmSync(benchDir, { recursive: true, force: true }));

describe('the page engine (DuckDB-WASM) and the publish engine (native DuckDB) agree', () => {
  it('reads the fixtures it is given', () => {
    expect(hostile.length).toBeGreaterThan(50);
    expect(realFolders.length).toBeGreaterThan(5);
    expect(bench.length).toBeGreaterThan(3);
    expect(wasm.hostile.filter((h) => h.report.status === 'refused').length).toBeGreaterThan(5);
    expect(wasm.hostile.filter((h) => h.report.status !== 'refused').length).toBeGreaterThan(20);
  });

  it('on every hostile CSV: the same report, and the same staging rows', () => {
    for (const [i, w] of wasm.hostile.entries()) {
      expect.soft(native.hostile[i].report, w.report.file).toEqual(w.report);
      expect.soft(native.hostile[i].rows, w.report.file).toEqual(w.rows);
    }
  });

  it('on every real export: the same reports, canonical and derived tables, and build result', () => {
    for (const [i, w] of wasm.real.entries()) {
      const folder = relative(FIXTURES, realFolders[i]);
      expect.soft(native.real[i].reports, folder).toEqual(w.reports);
      expect.soft(native.real[i].tables, folder).toEqual(w.tables);
      expect.soft(native.real[i].result, folder).toEqual(w.result);
    }
  });

  it('on a generated export set: the same tables and the same baked opening view', () => {
    expect(wasm.bench.tables.meetings.length).toBe(20_000);
    expect(native.bench.reports).toEqual(wasm.bench.reports);
    for (const t of SNAPSHOT_TABLES) expect.soft(native.bench.tables[t], t).toEqual(wasm.bench.tables[t]);
    expect(wasm.bench.firstView).not.toBeNull();
    expect(differsAt(native.bench.firstView, wasm.bench.firstView)).toBeNull();
  });
});
