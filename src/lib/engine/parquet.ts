/**
 * Parquet in and out of the engine. DuckDB-WASM reads and writes Parquet only through an extension it would
 * download from DuckDB's servers, which this site never contacts; parquet-wasm (Arrow's Rust Parquet, built
 * for WebAssembly and served from this site) converts between Parquet and the Arrow the engine speaks.
 */
import { tableToIPC } from 'apache-arrow';
import { startEngine } from './index';
import { ident } from './sql';

type ParquetWasm = typeof import('parquet-wasm/esm');

/** The canonical tables a user can export, in the order the page lists them. */
export const EXPORTABLE_TABLES = ['meetings', 'goals', 'outcomes', 'people', 'accounts'] as const;

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

function parquet(): Promise<ParquetWasm> {
  loaded ??= loader();
  loaded.catch(() => (loaded = null));
  return loaded;
}

/** A table (or any relation) as Parquet bytes, zstd-compressed. */
export async function tableToParquet(table: string): Promise<Uint8Array> {
  const [pq, db] = await Promise.all([parquet(), startEngine()]);
  const conn = await db.connect();
  let arrow;
  try {
    arrow = await conn.query(`SELECT * FROM ${ident(table)}`);
  } finally {
    await conn.close();
  }
  const props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.ZSTD).build();
  const wasmTable = pq.Table.fromIPCStream(tableToIPC(arrow, 'stream'));
  return pq.writeParquet(wasmTable, props);
}

/** Parquet bytes as a new engine table (replacing one of that name). */
export async function parquetToTable(bytes: Uint8Array, table: string): Promise<void> {
  const [pq, db] = await Promise.all([parquet(), startEngine()]);
  const ipc = pq.readParquet(bytes).intoIPCStream();
  const conn = await db.connect();
  try {
    await conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
    await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
  } finally {
    await conn.close();
  }
}
