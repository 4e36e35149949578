/**
 * The engine: one DuckDB-WASM instance per page, started once (one init promise) and used through a
 * fresh connection per query. The rest of the app goes through these functions and never sees Arrow.
 */
import type { AsyncDuckDB } from './duckdb';
import { tableToRows, type Row } from './values';

export type { Row, Plain } from './values';
export { ident, literal } from './sql';

let dbPromise: Promise<AsyncDuckDB> | null = null;
/** Rejects once the engine has stopped for good (its worker crashed): every query races it, so none hangs. */
let failure: Promise<never> = new Promise<never>(() => {});
/** How the engine starts: DuckDB-WASM in a worker in the browser; the same build in-process when publishing from Node. */
let starter: () => Promise<AsyncDuckDB> = () =>
  import('./duckdb').then((m) => {
    failure = m.engineStopped;
    return m.startDuckDB();
  });

/** Run the app's SQL on another engine instance (the publish script's, in Node). Call before any query. */
export function useEngine(start: () => Promise<AsyncDuckDB>): void {
  starter = start;
  dbPromise = null;
}

/** Start the engine (idempotent). Call it after the shell has painted; every query awaits the same promise. */
export function startEngine(): Promise<AsyncDuckDB> {
  dbPromise ??= starter();
  dbPromise.catch(() => (dbPromise = null)); // a failed start may be retried
  return dbPromise;
}

async function withConnection<T>(fn: (conn: Awaited<ReturnType<AsyncDuckDB['connect']>>) => Promise<T>): Promise<T> {
  const db = await alive(startEngine());
  const conn = await alive(db.connect());
  try {
    return await alive(fn(conn));
  } finally {
    // A stopped engine answers nothing, not even a close.
    await alive(conn.close()).catch(() => {});
  }
}

/** Run a query and return its rows as plain values (see values.ts for how types are converted). */
export function query(sql: string): Promise<Row[]> {
  return withConnection(async (conn) => tableToRows(await conn.query(sql)));
}

/**
 * Run queries on one connection after `setup` statements, typically temporary tables the queries share
 * (they belong to the connection, so concurrent batches never see each other's, and go when it closes).
 */
export function queryBatch(setup: string[], queries: string[]): Promise<Row[][]> {
  return withConnection(async (conn) => {
    for (const sql of setup) await conn.query(sql);
    const out: Row[][] = [];
    for (const sql of queries) out.push(tableToRows(await conn.query(sql)));
    return out;
  });
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
  const db = await alive(startEngine());
  // 2 is DuckDBDataProtocol.BROWSER_FILEREADER (a literal, so this module never loads DuckDB's code itself).
  await alive(db.registerFileHandle(name, file, 2, true));
}

/** Register bytes we produced ourselves (a decompressed or re-encoded file). */
export async function registerBytes(name: string, bytes: Uint8Array): Promise<void> {
  const db = await alive(startEngine());
  await alive(db.registerFileBuffer(name, bytes));
}

export async function dropFile(name: string): Promise<void> {
  const db = await alive(startEngine());
  await alive(db.dropFile(name));
}

/** The engine's answer, or its failure once it has stopped. */
function alive<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, failure]);
}
