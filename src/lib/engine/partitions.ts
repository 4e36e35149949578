/**
 * Tables a published page reads in parts. Each starts empty in the engine, with its published columns; a
 * query first names what it needs (rowNeeds.ts), and the row groups that may hold those rows are fetched by
 * HTTP range request (parquet-wasm reads a file's footer, then only the byte ranges of the groups asked for)
 * and appended, each once. Rows are never fetched twice and never dropped while the data is shown, so a table
 * holds exactly the published rows of every group fetched so far, and a query that reads only rows it named
 * sees what the whole table would show it.
 */
import { startEngine } from './index';
import { parquet, readIpcBatches, type ColumnType } from './parquet';
import { ident } from './sql';
import { pickRowGroups, type Partition, type PartitionedTable, type RowNeed } from '$lib/layout/published';

type ParquetFile = Awaited<ReturnType<Awaited<ReturnType<typeof parquet>>['ParquetFile']['fromUrl']>>;

interface Attached {
  entry: PartitionedTable;
  url: (file: string) => string;
  /** Row groups fetched or on their way, by `part#group`. */
  groups: Map<string, Promise<void>>;
  /** Each part opened once (its footer read once), and read one request batch at a time. */
  parts: Map<string, { file: Promise<ParquetFile>; reads: Promise<unknown> }>;
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
  attached.set(entry.name, { entry, url, groups: new Map(), parts: new Map(), queue: Promise.resolve() });
}

/** Forget every partitioned table (a rebuild or a clear replaces them whole). */
export function detachPartitioned(): void {
  for (const a of attached.values()) for (const p of a.parts.values()) void p.file.then((f) => f.free(), () => {});
  attached.clear();
}

/** Fetch what the needs name that is not in the engine yet. Needs of tables that are whole are met already. */
export async function ensureRows(needs: readonly RowNeed[]): Promise<void> {
  const waits: Promise<void>[] = [];
  for (const need of needs) {
    const a = attached.get(need.table);
    if (a) for (const { partition, rowGroups } of pickRowGroups(a.entry, need)) waits.push(...fetchGroups(a, partition, rowGroups));
  }
  if (!waits.length) return;
  const t0 = performance.now();
  await Promise.all(waits);
  performance.measure('cadence:fetch-parts', { start: t0 }); // read by the benchmark's profile
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

/**
 * Read row groups of a part: fetched and decoded at once (the parts of a window download side by side),
 * appended to the table one batch after another.
 */
function append(a: Attached, partition: Partition, rowGroups: number[]): Promise<void> {
  const t0 = performance.now();
  const decoded = readGroups(a, partition, rowGroups);
  decoded.catch(() => {}); // observed by the append below
  const insert = async () => {
    const batches = await decoded;
    performance.measure('cadence:part-read', { start: t0 });
    if (!batches.length) return;
    const loading = `${a.entry.name}__part`;
    const conn = await (await startEngine()).connect();
    try {
      await conn.query(`DROP TABLE IF EXISTS ${ident(loading)}`);
      for (const [i, ipc] of batches.entries()) await conn.insertArrowFromIPCStream(ipc, { name: loading, create: i === 0 });
      const select = a.entry.columns.map((c) => `${ident(c.name)}::${c.type}`).join(', ');
      await conn.query(`INSERT INTO ${ident(a.entry.name)} SELECT ${select} FROM ${ident(loading)}`);
      await conn.query(`DROP TABLE ${ident(loading)}`);
      // Compress the rows now (the page's database compresses at checkpoints), not never: at 10 million meetings
      // the tables after a 52-week window took 20 MiB of the engine's memory, not 31. Skipped if another load is writing.
      await conn.query('CHECKPOINT').catch(() => {});
    } finally {
      await conn.close();
    }
    performance.measure('cadence:part-appended', { start: t0 });
  };
  const next = a.queue.then(insert, insert);
  a.queue = next.catch(() => {});
  return next;
}

/** The row groups as Arrow IPC batches, from the part's file (opened once: its footer is fetched once). */
function readGroups(a: Attached, partition: Partition, rowGroups: number[]): Promise<Uint8Array[]> {
  let part = a.parts.get(partition.key);
  if (!part) {
    const url = a.url(partition.parquet);
    const file = parquet().then((pq) =>
      pq.ParquetFile.fromUrl(url).catch((e: unknown) => {
        a.parts.delete(partition.key); // the next query tries again
        throw new Error(`The published ${a.entry.name} of ${partition.key} could not be fetched (${e instanceof Error ? e.message : String(e)}); reload the page to try again.`);
      })
    );
    part = { file, reads: Promise.resolve() };
    a.parts.set(partition.key, part);
  }
  const p = part;
  // One read of a file at a time (the codec's file object is not shared between reads in flight).
  const read = p.reads.then(async () => {
    const batches: Uint8Array[] = [];
    await readIpcBatches(await p.file, rowGroups, (ipc) => void batches.push(ipc));
    return batches;
  });
  p.reads = read.catch(() => {});
  return read;
}
