/**
 * The engine: one DuckDB-WASM instance per page, started once (one init promise) and used through a
 * fresh connection per query. The rest of the app goes through these functions and never sees Arrow.
 */
import type { AsyncDuckDB } from './duckdb';
import { tableToRows, type Row } from './values';

export type { Row, Plain } from './values';
export { ident, literal } from './sql';

let dbPromise: Promise<AsyncDuckDB> | null = null;

/** Start the engine (idempotent). Call it after the shell has painted; every query awaits the same promise. */
export function startEngine(): Promise<AsyncDuckDB> {
  dbPromise ??= import('./duckdb').then((m) => m.startDuckDB());
  dbPromise.catch(() => (dbPromise = null)); // a failed start may be retried
  return dbPromise;
}

async function withConnection<T>(fn: (conn: Awaited<ReturnType<AsyncDuckDB['connect']>>) => Promise<T>): Promise<T> {
  const db = await startEngine();
  const conn = await db.connect();
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}

/** Run a query and return its rows as plain values (see values.ts for how types are converted). */
export function query(sql: string): Promise<Row[]> {
  return withConnection(async (conn) => tableToRows(await conn.query(sql)));
}

/** Run a statement whose result is not needed. */
export async function exec(sql: string): Promise<void> {
  await withConnection((conn) => conn.query(sql));
}

export function abortError(): DOMException {
  return new DOMException('The load was cancelled.', 'AbortError');
}

/** Make a picked or dropped File readable by SQL under `name`, without copying it into memory. */
export async function registerFile(name: string, file: File): Promise<void> {
  const db = await startEngine();
  const { DuckDBDataProtocol } = await import('./duckdb');
  await db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
}

/** Register bytes we produced ourselves (a decompressed or re-encoded file). */
export async function registerBytes(name: string, bytes: Uint8Array): Promise<void> {
  const db = await startEngine();
  await db.registerFileBuffer(name, bytes);
}

export async function dropFile(name: string): Promise<void> {
  const db = await startEngine();
  await db.dropFile(name);
}
