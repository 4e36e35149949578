/**
 * The warehouse path (docs/PUBLISHED_LAYOUT.md): an organisation whose exports outgrow files writes its
 * tables from the warehouse as Parquet (`COPY … TO … (FORMAT parquet)`: typed columns, no CSV dialect) and
 * publishes that folder. The Parquet is read through the same loader rules, recognition, mapping and build as
 * the CSV exports it stands for, so the same rows in either form publish the same data: the same tables, the
 * same canonical and derived rows and the same opening view. Also: the loader's own refusals of bad Parquet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { query, ident } from '$lib/engine';
import { diskFile } from '$lib/engine/native';
import type { FileReport } from '$lib/ingest/types';
import { buildSnapshot } from './build';
import { differsAt } from '$lib/testing/canon';
import { useNativeEngine } from './node';
import { SNAPSHOT_TABLES } from './snapshot';
import { writeBenchSet } from '../../../scripts/bench-data.js';

const work = mkdtempSync(join(tmpdir(), 'cadence-warehouse-'));
const csvDir = join(work, 'csv');
const parquetDir = join(work, 'parquet');
const fieldsDir = join(work, 'fields');

/** The meetings export's columns under Cadence's own field names (docs/PUBLISHED_LAYOUT.md), as a warehouse query would name them. */
const AS_FIELDS = `"Record ID" AS meeting_id, "Meeting name" AS title, "Meeting start time" AS start, "Meeting end time" AS "end",
  "Meeting outcome" AS status, "Activity assigned to" AS organizer, "Attendee emails" AS attendees, "Associated Company" AS account, "Meeting notes" AS notes`;

/** Write each CSV as typed Parquet, as a warehouse holding those rows would export them. */
async function asWarehouseParquet(): Promise<void> {
  mkdirSync(parquetDir);
  mkdirSync(fieldsDir);
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    for (const name of readdirSync(csvDir).filter((n) => n.endsWith('.csv'))) {
      const q = (p: string) => `'${p.replace(/'/g, "''")}'`;
      const out = name.replace(/\.csv$/, '.parquet');
      await conn.run(`COPY (SELECT * FROM read_csv(${q(join(csvDir, name))})) TO ${q(join(parquetDir, out))} (FORMAT parquet)`);
      const select = name.startsWith('meetings') ? AS_FIELDS : '*';
      await conn.run(`COPY (SELECT ${select} FROM read_csv(${q(join(csvDir, name))})) TO ${q(join(fieldsDir, out))} (FORMAT parquet)`);
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}


interface Published {
  reports: FileReport[];
  tables: Record<string, Record<string, unknown>[]>;
  firstView: unknown;
}

/**
 * Publish a folder on the native engine; each table's rows, without what names the source
 * (its file's name, and its layout: the column names, which differ when a warehouse renames them).
 */
async function publishFolder(dir: string): Promise<Published> {
  const paths = readdirSync(dir).sort().map((n) => join(dir, n));
  const native = useNativeEngine({ inputs: paths });
  try {
    const files = await Promise.all(paths.map((p) => diskFile(p, p.split('/').pop()!)));
    const { reports, snapshot } = await buildSnapshot(files, 'published', { staging: false });
    const tables: Published['tables'] = {};
    for (const t of SNAPSHOT_TABLES) {
      const cols = (await query(`SELECT column_name FROM (DESCRIBE ${ident(t)})`)).map((r) => String(r.column_name)).filter((c) => c !== 'source_file' && c !== 'source_layout');
      tables[t] = await query(`SELECT ${cols.map(ident).join(', ')} FROM ${ident(t)}`);
    }
    return { reports, tables, firstView: snapshot?.manifest.firstView ?? null };
  } finally {
    await (await native()).terminate();
  }
}

let fromCsv: Published;
let fromParquet: Published;
let fromFields: Published;
beforeAll(async () => {
  globalThis.localStorage = (() => {
    const store = new Map<string, string>();
    return { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, String(v)), removeItem: (k: string) => void store.delete(k) } as Storage;
  })();
  await writeBenchSet(csvDir, 3000);
  await asWarehouseParquet();
  fromCsv = await publishFolder(csvDir);
  fromParquet = await publishFolder(parquetDir);
  fromFields = await publishFolder(fieldsDir);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Parquet written by a warehouse publishes as its CSV does', () => {
  it('is recognised as the same tables, every row read and matched with its footer count', () => {
    const shape = (r: FileReport) => ({ file: r.file.replace(/\.(csv|parquet)$/, ''), table: r.table, status: r.status, rows: r.rows, counted: r.counted });
    expect(fromParquet.reports.map(shape)).toEqual(fromCsv.reports.map(shape));
    expect(fromParquet.reports.map((r) => r.table).sort()).toEqual(['accounts', 'goals', 'meetings', 'outcomes', 'people']);
    expect(fromParquet.reports.every((r) => r.status === 'loaded' && r.rows > 0 && r.rows === r.counted)).toBe(true);
  });

  it('builds the same canonical and derived rows, and the same opening view', () => {
    expect(fromCsv.tables.meetings.length).toBe(3000);
    for (const t of SNAPSHOT_TABLES) expect.soft(differsAt(fromParquet.tables[t], fromCsv.tables[t]), t).toBeNull();
    expect(fromCsv.firstView).not.toBeNull();
    expect(differsAt(fromParquet.firstView, fromCsv.firstView)).toBeNull();
  }, 60_000); // every row of every table compared (72,000 outcome snapshots)

  it('reads columns named as Cadence’s fields as it reads the export’s own names', () => {
    expect(fromFields.reports.map((r) => [r.table, r.rows])).toEqual(fromCsv.reports.map((r) => [r.table, r.rows]));
    for (const t of SNAPSHOT_TABLES) expect.soft(differsAt(fromFields.tables[t], fromCsv.tables[t]), t).toBeNull();
  }, 60_000);
});

describe('a Parquet file that cannot be read is refused, naming why', () => {
  const bad = join(work, 'bad');
  it.each([
    ['not Parquet at all', 'meetings.parquet', () => new TextEncoder().encode('Record ID,Meeting name\n1,Kickoff\n'), /not a Parquet file/],
    ['cut off part-way', 'cut.parquet', () => readFileSync(join(parquetDir, readdirSync(parquetDir).find((n) => n.startsWith('meetings'))!)).subarray(0, 5000), /not a Parquet file|cut off/],
    ['empty', 'empty.parquet', () => new Uint8Array(0), /empty/]
  ])('%s', async (_, name, bytes, message) => {
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, name), bytes());
    const native = useNativeEngine({ inputs: [join(bad, name)] });
    try {
      const { reports, snapshot } = await buildSnapshot([await diskFile(join(bad, name), name)], 'published');
      expect(snapshot).toBeNull();
      expect(reports[0]).toMatchObject({ status: 'refused', rows: 0, stagingTable: null });
      expect(reports[0].findings[0].message).toMatch(message);
    } finally {
      await (await native()).terminate();
    }
  });
});
