/**
 * Parquet in and out of the engine. DuckDB-WASM reads and writes Parquet only through an extension it would
 * download from DuckDB's servers, which this site never contacts; parquet-wasm (Arrow's Rust Parquet, built
 * for WebAssembly and served from this site) converts between Parquet and the Arrow the engine speaks.
 */
import { tableToIPC } from 'apache-arrow';
import { query, startEngine } from './index';
import { ident, literal } from './sql';
import { ensureWhole } from './partitions';
import type { PartitionSpec, WrittenPartition } from './native';
import type { ColumnType } from '$lib/layout/published';

type ParquetWasm = typeof import('parquet-wasm/esm');

export type { ColumnType };

let loader: () => Promise<ParquetWasm> = async () => {
  const [m, wasm] = await Promise.all([import('parquet-wasm/esm'), import('parquet-wasm/esm/parquet_wasm_bg.wasm?url')]);
  await m.default({ module_or_path: wasm.default });
  return m;
};
let loaded: Promise<ParquetWasm> | null = null;

/** Load the codec another way (Node, for publishing). */
export function useParquetLoader(load: () => Promise<ParquetWasm>): void {
  loader = load;
  loaded = null;
}

/** Start loading the codec now (it loads in parallel with the engine when a page opens baked data). */
export function preloadParquet(): void {
  void parquet().catch(() => {});
}

/** The codec, loaded once (the partitioned tables' reader uses it too). */
export function parquet(): Promise<ParquetWasm> {
  loaded ??= loader();
  loaded.catch(() => (loaded = null));
  return loaded;
}

/** Column names and DuckDB types, so a restored table gets exactly its types back. */
export async function tableColumns(table: string): Promise<ColumnType[]> {
  const rows = await query(`SELECT column_name, column_type FROM (DESCRIBE ${ident(table)})`);
  return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
}

/**
 * The select list that writes `table`. Arrow JS writes a boolean batch that is all null with an empty values
 * buffer, which Arrow's Rust reader rejects, so booleans are written as 0/1 integers (a restore casts them
 * back from the column list).
 */
function selectList(columns: ColumnType[]): string {
  return columns.map((c) => (c.type === 'BOOLEAN' ? `${ident(c.name)}::TINYINT AS ${ident(c.name)}` : ident(c.name))).join(', ');
}

/**
 * Rows per row group of a whole table written as Parquet (a published page restores these files). The codec
 * decodes a row group's column chunks whole, so its memory, which never shrinks, follows the largest group:
 * the 10M benchmark's tables in one group each took it to 38 MiB, in groups of 8,192 rows to 13 MiB (files
 * 17% larger, decoded as fast).
 */
export const TABLE_ROW_GROUP_ROWS = 8192;

/** The page's writer settings for a whole table: zstd, row groups of TABLE_ROW_GROUP_ROWS. */
export function tableWriterProperties(pq: ParquetWasm) {
  return new pq.WriterPropertiesBuilder().setCompression(pq.Compression.ZSTD).setMaxRowGroupSize(TABLE_ROW_GROUP_ROWS).build();
}

/** A table as Parquet bytes, zstd-compressed, in row groups of TABLE_ROW_GROUP_ROWS. */
export async function tableToParquet(table: string): Promise<Uint8Array> {
  await ensureWhole(table); // a table a published page reads in parts: all of it first
  const select = selectList(await tableColumns(table));
  const db = await startEngine();
  // The native engine (publishing) writes Parquet itself, without passing the table through memory as Arrow.
  const native = db as unknown as { toParquet?: (sql: string, options: { rowGroupSize: number }) => Promise<Uint8Array> };
  if (native.toParquet) return native.toParquet(`SELECT ${select} FROM ${ident(table)}`, { rowGroupSize: TABLE_ROW_GROUP_ROWS });
  const pq = await parquet();
  const conn = await db.connect();
  let arrow;
  try {
    arrow = await conn.query(`SELECT ${select} FROM ${ident(table)}`);
  } finally {
    await conn.close();
  }
  try {
    return pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(arrow, 'stream')), tableWriterProperties(pq));
  } catch (e) {
    throw new Error(`${table} could not be written as Parquet: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A Parquet export as a raw staging table, every value as text (as a CSV's are): read by the native engine
 * from its path, or in the page by the codec from its bytes. The row count comes from the file's footer,
 * written by whatever wrote the file, so the read can be reconciled against it. `source` is the name SQL
 * reads the registered file by (native) and `bytes` the file (the page).
 */
export async function parquetToStaging(source: string, bytes: () => Promise<Uint8Array>, table: string): Promise<{ footerRows: number; columns: ColumnType[] }> {
  const db = await startEngine();
  const native = db as unknown as { copyToParquet?: unknown };
  const asText = (columns: ColumnType[], from: string) =>
    `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${columns.map((c) => `${ident(c.name)}::VARCHAR AS ${ident(c.name)}`).join(', ')} FROM ${from}`;
  if (native.copyToParquet) {
    const from = `read_parquet(${literal(source)})`;
    const columns = (await query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${from})`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    const [{ n }] = await query(`SELECT num_rows AS n FROM parquet_file_metadata(${literal(source)})`);
    await query(asText(columns, from));
    return { footerRows: Number(n), columns };
  }
  const [pq, data] = await Promise.all([parquet(), bytes()]);
  const file = await pq.ParquetFile.fromFile(new Blob([data as Uint8Array<ArrayBuffer>]));
  const footerRows = file.metadata().fileMetadata().numRows();
  file.free();
  const loading = `${table}__parquet`;
  await parquetToTable(data, loading);
  const columns = await tableColumns(loading);
  await query(asText(columns, ident(loading)));
  await query(`DROP TABLE ${ident(loading)}`);
  return { footerRows: Number(footerRows), columns };
}

/**
 * A table as one Parquet file per month (see layout/published.ts), written by the native engine into its scratch
 * folder for the publish script to copy; null on an engine that cannot (the page's: it keeps tables whole).
 */
export async function tableToPartitions(table: string, layout: Omit<PartitionSpec, 'table' | 'select'>): Promise<{ columns: ColumnType[]; parts: WrittenPartition[] } | null> {
  const db = await startEngine();
  const native = db as unknown as { writePartitions?: (spec: PartitionSpec) => Promise<WrittenPartition[]> };
  if (!native.writePartitions) return null;
  const columns = await tableColumns(table);
  return { columns, parts: await native.writePartitions({ ...layout, table, select: selectList(columns) }) };
}

/** Rows per Arrow batch decoded from Parquet: WebAssembly memory never shrinks, so the codec's peak stays with
 *  the page. A whole row group at once took the codec to 124 MiB for a 72,000-row outcomes table of 24 text
 *  columns (26 MiB as Arrow); batches of 8,192 rows keep it near 38 MiB, at the same speed. */
export const DECODE_BATCH_ROWS = 8192;

type ParquetFileOf = ParquetWasm['ParquetFile']['prototype'];

/**
 * The row groups of a file as Arrow IPC streams of at most DECODE_BATCH_ROWS rows, each handed to `each` in
 * order before the next is decoded. Returns how many were handed over (none for groups with no rows).
 */
export async function readIpcBatches(file: ParquetFileOf, rowGroups: number[], each: (ipc: Uint8Array) => Promise<void> | void): Promise<number> {
  let count = 0;
  for (const g of rowGroups) {
    const reader = (await file.stream({ rowGroups: [g], batchSize: DECODE_BATCH_ROWS })).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      await each((value as { intoIPCStream: () => Uint8Array }).intoIPCStream());
      count++;
    }
  }
  return count;
}

/**
 * Parquet bytes as a new engine table (replacing one of that name), cast back to `columns` when given.
 * Decoded a batch of rows at a time (readIpcBatches): a large table is never held whole as Arrow beside its
 * copy in the engine.
 */
export async function parquetToTable(bytes: Uint8Array, table: string, columns?: ColumnType[]): Promise<void> {
  const [pq, db] = await Promise.all([parquet(), startEngine()]);
  const file = await pq.ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const groups = file.metadata().numRowGroups();
  const loading = `${table}__parquet`;
  const conn = await db.connect();
  try {
    await conn.query(`DROP TABLE IF EXISTS ${ident(loading)}`);
    let created = false;
    await readIpcBatches(file, [...Array(groups).keys()], async (ipc) => {
      await conn.insertArrowFromIPCStream(ipc, { name: loading, create: !created });
      created = true;
    });
    // No rows at all: the empty table still gets its columns, from the file's schema.
    if (!created) await conn.insertArrowFromIPCStream(pq.readParquet(bytes).intoIPCStream(), { name: loading, create: true });
    const select = columns ? columns.map((c) => `${ident(c.name)}::${c.type} AS ${ident(c.name)}`).join(', ') : '*';
    await conn.query(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${select} FROM ${ident(loading)}`);
    await conn.query(`DROP TABLE ${ident(loading)}`);
    // Compress the table now (the page's database compresses at checkpoints) rather than with the next tables
    // beside it as is: a published page's restore peaked 11 MiB lower at 1M. Skipped if another load is writing.
    await conn.query('CHECKPOINT').catch(() => {});
  } finally {
    file.free();
    await conn.close();
  }
}
