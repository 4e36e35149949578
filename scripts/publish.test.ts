/**
 * What `npm run publish` writes is what the published page reads: run the script itself (native engine) on a
 * small generated export set and hold its data folder to the page's contract (docs/PUBLISHED_LAYOUT.md). The
 * manifest passes the page's own check (parseManifest), every file it names is there with the size it gives
 * and nothing else is, each canonical and derived table the views read is listed, the rows it records are
 * the rows in the Parquet, each month's part holds only that month, and the row groups' statistics the page
 * prunes by are true of the rows (read back by an engine of its own, not from the footer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseManifest, SNAPSHOT_TABLES, type SnapshotManifest } from '../src/lib/share/snapshot';
import { isPartitioned, type PartitionedTable, type WholeTable } from '../src/lib/layout/published';
import { writeBenchSet } from './bench-data.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const work = mkdtempSync(join(tmpdir(), 'cadence-publish-'));
const data = join(work, 'data');
let manifest: SnapshotManifest;
let stdout = '';
const withStaging = join(work, 'with-staging');

const publish = (...args: string[]) => spawnSync('node', [join(ROOT, 'scripts/publish.js'), join(work, 'exports'), ...args], { encoding: 'utf8' });

beforeAll(async () => {
  await writeBenchSet(join(work, 'exports'), 5000);
  const run = publish('--data-only', data);
  stdout = run.stdout;
  expect(run.status, run.stderr).toBe(0);
  manifest = parseManifest(JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')));
}, 120_000);

const whole = () => manifest.tables.filter((t): t is WholeTable => !isPartitioned(t));
const parted = () => manifest.tables.filter(isPartitioned);
const filesUnder = (dir: string, prefix = ''): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));

async function sqlRows(text: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(text)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
const at = (file: string) => `'${join(data, file).replace(/'/g, "''")}'`;

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

  it('holds exactly the files its manifest names, each of the size it gives, and no staging table', () => {
    const entries = [...whole(), ...parted().flatMap((t) => t.partitions)];
    expect(filesUnder(data).sort()).toEqual([...entries.map((f) => f.parquet), 'manifest.json'].sort());
    for (const f of entries) expect(statSync(join(data, f.parquet)).size, f.parquet).toBe(f.bytes);
    expect(manifest.files.length).toBe(5);
    expect(manifest.files.every((f) => f.parquet === undefined)).toBe(true);
  });

  it('writes the meetings and their facts one file per month, each month holding only its own days', async () => {
    expect(parted().map((t) => t.name).sort()).toEqual(['meeting_facts', 'meetings']);
    for (const t of parted()) {
      expect(t.partitions.length, t.name).toBeGreaterThanOrEqual(24); // the generated set spans two years
      expect(t.partitions.reduce((n, p) => n + p.rows, 0), t.name).toBe(5000);
      for (const p of t.partitions) {
        const [r] = await sqlRows(`SELECT count(*)::INTEGER AS n, count(*) FILTER (strftime(CAST(${t.dateColumn} AS DATE), '%Y-%m') IS DISTINCT FROM '${p.key}')::INTEGER AS other FROM read_parquet(${at(p.parquet)})`);
        expect(r, `${t.name} ${p.key}`).toEqual({ n: p.rows, other: 0 });
      }
    }
  });

  it('describes each row group truly: its rows, and the min and max of the columns the page picks by', async () => {
    const check = async (t: PartitionedTable) => {
      for (const p of t.partitions) {
        const columns = Object.keys(p.rowGroups[0].min);
        // Row groups by position: the rows before each group's first row are the groups before it.
        const starts = p.rowGroups.map((_, i) => p.rowGroups.slice(0, i).reduce((n, g) => n + g.rows, 0));
        const rows = await sqlRows(`
          WITH r AS (SELECT *, file_row_number AS i FROM read_parquet(${at(p.parquet)}, file_row_number = true)),
          g AS (SELECT unnest(${JSON.stringify(starts)}::BIGINT[]) AS s, generate_subscripts(${JSON.stringify(starts)}::BIGINT[], 1) - 1 AS g)
          SELECT g.g, count(*)::INTEGER AS rows, ${columns.map((c) => `min(${c})::VARCHAR AS "min_${c}", max(${c})::VARCHAR AS "max_${c}"`).join(', ')}
          FROM r ASOF JOIN g ON r.i >= g.s GROUP BY g.g ORDER BY g.g`);
        expect(rows.length, `${t.name} ${p.key}`).toBe(p.rowGroups.length);
        for (const [i, g] of p.rowGroups.entries()) {
          expect(rows[i].rows).toBe(g.rows);
          for (const c of columns) {
            // A statistic may be missing (then the group is always read), never narrower than the rows.
            if (g.min[c] !== null) expect(String(rows[i][`min_${c}`]) >= g.min[c]!, `${t.name} ${p.key} #${i} min ${c}`).toBe(true);
            if (g.max[c] !== null) expect(String(rows[i][`max_${c}`]) <= g.max[c]!, `${t.name} ${p.key} #${i} max ${c}`).toBe(true);
            if (rows[i][`min_${c}`] !== null) expect(g.min[c], `${t.name} ${p.key} #${i} ${c} has statistics`).not.toBeNull();
            // "No value at all" is said only of a column with none (a 1:1's account), which the page then skips.
            expect(g.allNull?.includes(c) ?? false, `${t.name} ${p.key} #${i} ${c} empty`).toBe(rows[i][`min_${c}`] === null);
          }
        }
      }
    };
    for (const t of parted()) await check(t);
  });

  it('keeps the staging tables with --with-staging (re-mapping and adding files on the page)', async () => {
    const run = publish('--data-only', withStaging, '--with-staging');
    expect(run.status, run.stderr).toBe(0);
    const m = parseManifest(JSON.parse(readFileSync(join(withStaging, 'manifest.json'), 'utf8')));
    for (const f of m.files) expect(await parquetRows(join('..', 'with-staging', f.parquet!)), f.parquet).toBe(f.report.rows);
  }, 120_000);

  it('lists every table the views read, once', () => {
    expect(manifest.tables.map((t) => t.name).sort()).toEqual([...SNAPSHOT_TABLES].sort());
    expect(manifest.kind).toBe('published');
  });

  it('records the rows each file loaded, and its Parquet holds them', async () => {
    const meetings = manifest.files.find((f) => f.report.file === 'meetings_5000.csv')!;
    expect(meetings.report).toMatchObject({ status: 'loaded', rows: 5000, counted: 5000, rejected: 0 });
    for (const t of whole()) expect(await parquetRows(t.parquet), t.parquet).toBeGreaterThan(0);
  });
});
