/**
 * The engine on native DuckDB (`@duckdb/node-api`), for publishing large exports: multi-threaded, spilling to
 * disk, without the 4 GiB ceiling of WebAssembly. It offers the part of the AsyncDuckDB surface the app's
 * engine module uses, so the page's own loader, recognition, mapping and model SQL run on it unchanged.
 * Node-only, never imported by the app.
 *
 * Locked down like the page's engine, and more: no extension is installed or loaded, and no file or network
 * location is reachable but the export files it was started with, its own scratch folder and the folders it
 * is told to write to (`enable_external_access = false` with `allowed_paths` and `allowed_directories`).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { mkdtempSync, openAsBlob, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { LOCKDOWN } from './lockdown';
import { ident, literal } from './sql';
import { readerToArrow } from './nativeArrow';

export interface NativeOptions {
  /** Export files SQL may read by path (each made with `diskFile`). */
  inputs?: string[];
  /** Folders SQL may write into (the published data folder). */
  outputs?: string[];
  /** Memory the engine may hold before it spills to its scratch folder, e.g. '2GB'. */
  memoryLimit?: string;
  threads?: number;
}

/** Which File objects are files on disk, so the engine reads them by path instead of through memory. */
const onDisk = new WeakMap<Blob, string>();

/** A File backed by a file on disk: only the parts read (the head, the record count's chunks) come into memory. */
export async function diskFile(path: string, name: string): Promise<File> {
  const full = resolve(path);
  const file = new File([await openAsBlob(full)], name);
  onDisk.set(file, full);
  return file;
}

const dir = (d: string) => (d.endsWith(sep) ? d : d + sep);

async function open(o: NativeOptions, scratch: string): Promise<DuckDBInstance> {
  // A database file in the scratch folder rather than memory: its tables can leave memory when they outgrow it.
  const db = await DuckDBInstance.create(join(scratch, 'publish.duckdb'), {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    ...(o.threads ? { threads: String(o.threads) } : {})
  });
  const conn = await db.connect();
  try {
    const list = (xs: string[]) => `[${xs.map(literal).join(', ')}]`;
    await conn.run(`SET temp_directory = ${literal(join(scratch, 'spill'))}`);
    if (o.memoryLimit) await conn.run(`SET memory_limit = ${literal(o.memoryLimit)}`);
    await conn.run(`SET allowed_directories = ${list([dir(scratch), ...(o.outputs ?? []).map((d) => dir(resolve(d)))])}`);
    await conn.run(`SET allowed_paths = ${list((o.inputs ?? []).map((p) => resolve(p)))}`);
    await conn.run('SET enable_external_access = false');
    // LOCKDOWN ends by locking the configuration: nothing above can be undone by a query.
    for (const sql of LOCKDOWN) await conn.run(sql);
  } finally {
    conn.closeSync();
  }
  return db;
}

/** Stand-in for a streamed result: the statement has run to completion, its count batch is not needed. */
async function* done(): AsyncGenerator<never> {}

/** How to write a table in monthly parts (layout/published.ts decides; this only runs it). */
export interface PartitionSpec {
  table: string;
  /** The select list (types already made restorable). */
  select: string;
  dateColumn: string;
  sortedBy: readonly string[];
  /** The columns whose min and max each row group reports. */
  stats: readonly string[];
  rowGroupRows: number;
}

export interface WrittenPartition {
  key: string;
  path: string;
  rows: number;
  bytes: number;
  rowGroups: { rows: number; min: Record<string, string | null>; max: Record<string, string | null>; allNull?: string[] }[];
}

export interface NativeEngine extends AsyncDuckDB {
  /** Run a query and write its result as Parquet to `path` (zstd), streamed by the engine. */
  copyToParquet(select: string, path: string, options?: { rowGroupSize?: number }): Promise<void>;
  /** A table written as one Parquet file per month, in its scratch folder (see PartitionSpec). */
  writePartitions(spec: PartitionSpec): Promise<WrittenPartition[]>;
  /** Parquet bytes of a query (zstd), as tableToParquet returns them. */
  toParquet(select: string, options?: { rowGroupSize?: number }): Promise<Uint8Array>;
  /** A scratch file path for `name`, inside the folder only this engine writes. */
  scratchPath(name: string): string;
  /** Close the engine and remove its scratch folder. */
  terminate(): Promise<void>;
}

/** An AsyncDuckDB look-alike over native DuckDB (only what src/lib uses). */
export async function startNativeEngine(options: NativeOptions = {}): Promise<NativeEngine> {
  const scratch = mkdtempSync(join(tmpdir(), 'cadence-engine-'));
  const db = await open(options, scratch);
  const inScratch = (name: string) => join(scratch, name.replace(/[^A-Za-z0-9_.-]/g, '_'));
  const connections = new Set<DuckDBConnection>();
  let exports = 0;
  const facade = {
    async connect() {
      const conn = await db.connect();
      connections.add(conn);
      return {
        query: async (sql: string) => readerToArrow(await conn.runAndReadAll(sql)),
        send: async (sql: string) => {
          await conn.run(sql);
          return done();
        },
        cancelSent: async () => {
          conn.interrupt();
          return true;
        },
        insertArrowFromIPCStream: async () => {
          throw new Error('the native engine restores no Arrow (it publishes; the page restores)');
        },
        close: async () => {
          connections.delete(conn);
          conn.closeSync();
        }
      };
    },
    /** A file on disk is read where it is (it must be one of `inputs`); any other is written to scratch first. */
    async registerFileHandle(name: string, file: Blob) {
      const path = onDisk.get(file);
      if (path) return path;
      const target = inScratch(name);
      writeFileSync(target, new Uint8Array(await file.arrayBuffer()));
      return target;
    },
    async registerFileBuffer(name: string, bytes: Uint8Array) {
      const target = inScratch(name);
      writeFileSync(target, bytes);
      return target;
    },
    async copyFileToBuffer(name: string) {
      return new Uint8Array(readFileSync(inScratch(name)));
    },
    async dropFile(name: string) {
      // Only what this engine wrote is removed; export files stay where they are.
      if (resolve(name).startsWith(dir(scratch))) rmSync(name, { force: true });
    },
    async copyToParquet(select: string, path: string, o: { rowGroupSize?: number } = {}) {
      const conn = await db.connect();
      try {
        const opts = ['FORMAT parquet', 'COMPRESSION zstd', ...(o.rowGroupSize ? [`ROW_GROUP_SIZE ${Math.trunc(o.rowGroupSize)}`] : [])];
        await conn.run(`COPY (${select}) TO ${literal(path)} (${opts.join(', ')})`);
      } finally {
        conn.closeSync();
      }
    },
    /**
     * One file per month of the date column (rows without one in `undated`), each sorted as the layout says,
     * with each row group's size and the min and max of the stats columns as the Parquet footer records them.
     */
    async writePartitions(spec: PartitionSpec): Promise<WrittenPartition[]> {
      const conn = await db.connect();
      const key = `coalesce(strftime(CAST(${ident(spec.dateColumn)} AS DATE), '%Y-%m'), 'undated')`;
      const order = spec.sortedBy.map((c) => `${ident(c)} NULLS FIRST`).join(', ');
      try {
        const keys = (await conn.runAndReadAll(`SELECT DISTINCT ${key} AS k FROM ${ident(spec.table)} ORDER BY k`)).getRows().map((r) => String(r[0]));
        const written: WrittenPartition[] = [];
        for (const k of keys) {
          const path = inScratch(`part_${spec.table}_${k}.parquet`);
          await conn.run(
            `COPY (SELECT ${spec.select} FROM ${ident(spec.table)} WHERE ${key} = ${literal(k)} ORDER BY ${order}) TO ${literal(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${Math.trunc(spec.rowGroupRows)})`
          );
          const meta = (
            await conn.runAndReadAll(
              `SELECT row_group_id AS g, row_group_num_rows AS n, path_in_schema AS c, stats_min_value AS lo, stats_max_value AS hi, stats_null_count AS nulls
               FROM parquet_metadata(${literal(path)}) ORDER BY row_group_id, column_id`
            )
          ).getRowObjectsJS();
          const rowGroups: WrittenPartition['rowGroups'] = [];
          for (const r of meta) {
            const g = Number(r.g);
            rowGroups[g] ??= { rows: Number(r.n), min: Object.fromEntries(spec.stats.map((c) => [c, null])), max: Object.fromEntries(spec.stats.map((c) => [c, null])) };
            const c = String(r.c);
            if (!spec.stats.includes(c)) continue;
            rowGroups[g].min[c] = r.lo === null ? null : String(r.lo);
            rowGroups[g].max[c] = r.hi === null ? null : String(r.hi);
            // A column with no value in the group (a 1:1's account) can hold no value asked for.
            if (r.nulls !== null && Number(r.nulls) === Number(r.n)) (rowGroups[g].allNull ??= []).push(c);
          }
          written.push({ key: k, path, rows: rowGroups.reduce((n, g) => n + g.rows, 0), bytes: statSync(path).size, rowGroups });
        }
        return written;
      } finally {
        conn.closeSync();
      }
    },
    /** Parquet bytes of a query, through a scratch file (the snapshot format carries bytes). */
    async toParquet(select: string, options: { rowGroupSize?: number } = {}) {
      const path = inScratch(`export_${++exports}.parquet`);
      await facade.copyToParquet(select, path, options);
      try {
        return new Uint8Array(readFileSync(path));
      } finally {
        unlinkSync(path);
      }
    },
    scratchPath: inScratch,
    async terminate() {
      for (const c of connections) c.closeSync();
      connections.clear();
      db.closeSync();
      rmSync(scratch, { recursive: true, force: true });
    }
  };
  return facade as unknown as NativeEngine;
}
