/**
 * The engine in Node, for the publish and demo scripts: the same DuckDB-WASM build the browser runs, through
 * its blocking bindings, behind the small part of the AsyncDuckDB surface the app uses. With it, the browser's
 * own loader, recognition and model build run unchanged at build time (so a published file passes or fails
 * the same checks as a dropped one). Never imported by the app.
 */
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { tableFromIPC, type Table } from 'apache-arrow';
import { LOCKDOWN } from './lockdown';
import { useParquetLoader } from './parquet';

/** The blocking bindings on the eh build, opened with the page's query settings (unit tests use these too). */
export async function openNodeBindings(): Promise<DuckDBBindings> {
  const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await createDuckDB(
    { mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } },
    new VoidLogger(),
    NODE_RUNTIME
  );
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false, castTimestampToDate: false } });
  return db;
}

async function open(): Promise<DuckDBBindings> {
  const db = await openNodeBindings();
  const conn = db.connect();
  try {
    for (const sql of LOCKDOWN) conn.query(sql);
  } finally {
    conn.close();
  }
  return db;
}

/**
 * The blocking bindings return tables of the CommonJS copy of Arrow; the app's modules use the ES module
 * copy, and Arrow's writers only take their own. One pass through IPC makes the table the app's.
 */
const cjsArrow = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');
function sameArrow(table: Table): Table {
  return tableFromIPC(cjsArrow.tableToIPC(table, 'stream'));
}

/** An AsyncDuckDB look-alike over the blocking bindings (only what src/lib uses). */
export async function startNodeEngine(): Promise<AsyncDuckDB> {
  const db = await open();
  useParquetLoader(async () => {
    const m = await import('parquet-wasm/esm');
    m.initSync({ module: readFileSync(createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')) });
    return m;
  });
  const facade = {
    async connect() {
      const conn = db.connect();
      return {
        query: async (sql: string) => sameArrow(conn.query(sql)),
        send: async (sql: string) => conn.send(sql),
        cancelSent: async () => false,
        insertArrowFromIPCStream: async (buffer: Uint8Array, options: { name: string; create?: boolean }) => conn.insertArrowFromIPCStream(buffer, options),
        close: async () => conn.close()
      };
    },
    async registerFileHandle(name: string, file: Blob) {
      db.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
    },
    async registerFileBuffer(name: string, bytes: Uint8Array) {
      db.registerFileBuffer(name, bytes);
    },
    async copyFileToBuffer(name: string) {
      return db.copyFileToBuffer(name);
    },
    async dropFile(name: string) {
      db.dropFile(name);
    }
  };
  return facade as unknown as AsyncDuckDB;
}
