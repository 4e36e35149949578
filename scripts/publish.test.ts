/**
 * What `npm run publish` writes is what the published page reads: run the script itself (native engine) on a
 * small generated export set and hold its data folder to the page's contract. The manifest passes the page's
 * own check (parseManifest), every file it names is there with the size it gives and nothing else is, each
 * canonical and derived table the views read is listed, and the rows it records are the rows in the Parquet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseManifest, SNAPSHOT_TABLES, type SnapshotManifest } from '../src/lib/share/snapshot';
import { writeBenchSet } from './bench-data.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const work = mkdtempSync(join(tmpdir(), 'cadence-publish-'));
const data = join(work, 'data');
let manifest: SnapshotManifest;
let stdout = '';

beforeAll(async () => {
  await writeBenchSet(join(work, 'exports'), 5000);
  const run = spawnSync('node', [join(ROOT, 'scripts/publish.js'), join(work, 'exports'), '--data-only', data], { encoding: 'utf8' });
  stdout = run.stdout;
  expect(run.status, run.stderr).toBe(0);
  manifest = parseManifest(JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')));
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function parquetRows(file: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const reader = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${join(data, file).replace(/'/g, "''")}')`);
    return Number(reader.getRowsJS()[0][0]);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe('the published data folder', () => {
  it('says on the terminal which engine read what, with progress per file', () => {
    expect(stdout).toMatch(/on native DuckDB/);
    expect(stdout).toMatch(/meetings_5000\.csv: loaded, 5,000 rows \(\d+\.\d s\)/);
    expect(stdout).toMatch(/building the model/);
  });

  it('holds exactly the files its manifest names, each of the size it gives', () => {
    const named = [...manifest.tables, ...manifest.files].map((f) => f.parquet);
    expect(readdirSync(data).sort()).toEqual([...named, 'manifest.json'].sort());
    for (const f of [...manifest.tables, ...manifest.files]) expect(statSync(join(data, f.parquet)).size, f.parquet).toBe(f.bytes);
  });

  it('lists every table the views read, once', () => {
    expect(manifest.tables.map((t) => t.name).sort()).toEqual([...SNAPSHOT_TABLES].sort());
    expect(manifest.kind).toBe('published');
  });

  it('records the rows each file loaded, and its Parquet holds them', async () => {
    const meetings = manifest.files.find((f) => f.report.file === 'meetings_5000.csv')!;
    expect(meetings.report).toMatchObject({ status: 'loaded', rows: 5000, counted: 5000, rejected: 0 });
    for (const f of manifest.files) expect(await parquetRows(f.parquet), f.parquet).toBe(f.report.rows);
    expect(await parquetRows(manifest.tables.find((t) => t.name === 'meetings')!.parquet)).toBe(5000);
  });
});
