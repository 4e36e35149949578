/**
 * The same DuckDB-WASM build the browser uses, run in Node for unit tests of SQL (blocking bindings).
 * Test-only: nothing in the app imports this file.
 */
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tableToRows, type Row } from '$lib/engine/values';

let instance: Promise<DuckDBBindings> | null = null;

export function testDb(): Promise<DuckDBBindings> {
  instance ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
    const db = await createDuckDB(
      { mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } },
      new VoidLogger(),
      NODE_RUNTIME
    );
    await db.instantiate();
    db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false, castTimestampToDate: false } });
    return db;
  })();
  return instance;
}

/** Run SQL (several statements allowed) and return the last statement's rows as plain values. */
export async function sql(text: string): Promise<Row[]> {
  const db = await testDb();
  const conn = db.connect();
  try {
    return tableToRows(conn.query(text));
  } finally {
    conn.close();
  }
}
