/**
 * Tables a published page reads in parts. Each starts empty in the engine, with its published columns; a
 * query first names what it needs (rowNeeds.ts), and the row groups that may hold those rows are fetched by
 * HTTP range request (parquet-wasm reads a file's footer, then only the byte ranges of the groups asked for)
 * and appended, each once. Rows are never fetched twice and never dropped while the data is shown, so a table
 * holds exactly the published rows of every group fetched so far, and a query that reads only rows it named
 * sees what the whole table would show it.
 */
import { startEngine } from './index';
import { parquet, type ColumnType } from './parquet';
import { ident } from './sql';
import { pickRowGroups, type Partition, type PartitionedTable, type RowNeed } from '$lib/layout/published';

interface Attached {
  entry: PartitionedTable;
  url: (file: string) => string;
  /** Row groups fetched or on their way, by `part#group`. */
  groups: Map<string, Promise<void>>;
  /** Appends run one after another (one engine thread; a failed fetch must not leave half a batch counted). */
  queue: Promise<unknown>;
}

const attached = new Map<string, Attached>();

/** What has been fetched so far, for the benchmark and the tests: row groups and their rows, per table. */
export function fetchedRows(): Record<string, { groups: number; rows: number }> {
  const out: Record<string, { groups: number; rows: number }> = {};
  for (const [name, a] of attached) {
    let rows = 0;
    for (const key of a.groups.keys()) {
      const [part, g] = key.split('#');
      rows += a.entry.partitions.find((p) => p.key === part)?.rowGroups[Number(g)]?.rows ?? 0;
    }
    out[name] = { groups: a.groups.size, rows };
  }
  return out;
}

const columnList = (columns: ColumnType[]) => columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');

/** Create the table empty, to be filled on demand from the files `url` names. */
export async function attachPartitioned(entry: PartitionedTable, url: (file: string) => string): Promise<void> {
  const db = await startEngine();
  const conn = await db.connect();
  try {
    await conn.query(`CREATE OR REPLACE TABLE ${ident(entry.name)} (${columnList(entry.columns)})`);
  } finally {
    await conn.close();
  }
  attached.set(entry.name, { entry, url, groups: new Map(), queue: Promise.resolve() });
}

/** Forget every partitioned table (a rebuild or a clear replaces them whole). */
export function detachPartitioned(): void {
  attached.clear();
}

export const hasPartitionedTables = () => attached.size > 0;

/** Fetch what the needs name that is not in the engine yet. Needs of tables that are whole are met already. */
export async function ensureRows(needs: readonly RowNeed[]): Promise<void> {
  const waits: Promise<void>[] = [];
  for (const need of needs) {
    const a = attached.get(need.table);
    if (a) for (const { partition, rowGroups } of pickRowGroups(a.entry, need)) waits.push(...fetchGroups(a, partition, rowGroups));
  }
  await Promise.all(waits);
}

/** The row groups of a part, each fetched once: those not asked for yet go in one request batch. */
function fetchGroups(a: Attached, partition: Partition, rowGroups: number[]): Promise<void>[] {
  const key = (g: number) => `${partition.key}#${g}`;
  const missing = rowGroups.filter((g) => !a.groups.has(key(g)));
  if (missing.length) {
    const load = append(a, partition, missing);
    for (const g of missing) a.groups.set(key(g), load);
    // A failed fetch is not counted as fetched: the next query asks again.
    load.catch(() => missing.forEach((g) => a.groups.delete(key(g))));
  }
  return rowGroups.map((g) => a.groups.get(key(g))!);
}

/** Rows a tab may fetch to hold a partitioned table whole (a Parquet download of it). */
export const WHOLE_TABLE_ROWS = 2_000_000;

/** Fetch every part of a table (rows with no date too), when that fits in a tab; else say where its files are. */
export async function ensureWhole(table: string): Promise<void> {
  const a = attached.get(table);
  if (!a) return;
  const rows = a.entry.partitions.reduce((n, p) => n + p.rows, 0);
  if (rows > WHOLE_TABLE_ROWS) {
    throw new Error(
      `it has ${rows.toLocaleString('en-US')} rows, published in monthly parts that this page reads as a view needs them; take its Parquet files from the site's data/${table}/ folder instead`
    );
  }
  await Promise.all(a.entry.partitions.flatMap((p) => fetchGroups(a, p, p.rowGroups.map((_, g) => g))));
}

function append(a: Attached, partition: Partition, rowGroups: number[]): Promise<void> {
  const run = async () => {
    const [pq, db] = await Promise.all([parquet(), startEngine()]);
    let file;
    try {
      file = await pq.ParquetFile.fromUrl(a.url(partition.parquet));
    } catch (e) {
      throw new Error(`The published ${a.entry.name} of ${partition.key} could not be fetched (${e instanceof Error ? e.message : String(e)}); reload the page to try again.`);
    }
    const loading = `${a.entry.name}__part`;
    const conn = await db.connect();
    try {
      const ipc = (await file.read({ rowGroups })).intoIPCStream();
      await conn.query(`DROP TABLE IF EXISTS ${ident(loading)}`);
      await conn.insertArrowFromIPCStream(ipc, { name: loading, create: true });
      const select = a.entry.columns.map((c) => `${ident(c.name)}::${c.type}`).join(', ');
      await conn.query(`INSERT INTO ${ident(a.entry.name)} SELECT ${select} FROM ${ident(loading)}`);
      await conn.query(`DROP TABLE ${ident(loading)}`);
    } finally {
      file.free();
      await conn.close();
    }
  };
  const next = a.queue.then(run, run);
  a.queue = next.catch(() => {});
  return next;
}
