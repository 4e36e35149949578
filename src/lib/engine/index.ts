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
  idle.length = 0;
}

/** Start the engine (idempotent). Call it after the shell has painted; every query awaits the same promise. */
export function startEngine(): Promise<AsyncDuckDB> {
  dbPromise ??= starter();
  dbPromise.catch(() => (dbPromise = null)); // a failed start may be retried
  return dbPromise;
}

type Connection = Awaited<ReturnType<AsyncDuckDB['connect']>>;

/**
 * Every request to the engine's worker is one round trip; the benchmark counts them per drop and per filter
 * change from these measures (`cadence:engine-call`, and `cadence:engine-statement` for each SQL statement).
 */
async function call<T>(work: () => Promise<T>, statement?: string): Promise<T> {
  const t0 = typeof performance !== 'undefined' ? performance.now() : 0;
  try {
    return await alive(work());
  } finally {
    if (typeof performance !== 'undefined' && performance.measure) {
      // A statement's measure names its first words, for a profile of the page (the benchmark only counts).
      performance.measure(statement ? 'cadence:engine-statement' : 'cadence:engine-call', { start: t0, detail: statement?.slice(0, 160) });
    }
  }
}

/** One connection's statements, counted: `run` a query, `send` one streamed, `cancel` the running one. */
export interface Session {
  run: (sql: string) => ReturnType<Connection['query']>;
  send: (sql: string) => ReturnType<Connection['send']>;
  cancel: () => void;
}

/** For the engine's own modules (csv.ts): a connection for `fn`, closed after it. */
export async function withSession<T>(fn: (s: Session) => Promise<T>): Promise<T> {
  const db = await alive(startEngine());
  const conn = await call(() => db.connect());
  const session: Session = {
    run: (sql) => call(() => conn.query(sql), sql),
    send: (sql) => call(() => conn.send(sql, true), sql),
    cancel: () => void conn.cancelSent()
  };
  try {
    return await alive(fn(session));
  } finally {
    // A stopped engine answers nothing, not even a close.
    await call(() => conn.close()).catch(() => {});
  }
}

/**
 * Connections kept open between statements (`query`, `exec`, `queryBatch`): opening and closing one per
 * statement was two of every three round trips to the worker. CSV reads get a fresh connection of their own
 * (their rejects tables are the connection's). A connection whose statement failed is closed, not reused.
 */
const idle: Connection[] = [];

async function withConnection<T>(fn: (run: Session['run']) => Promise<T>): Promise<T> {
  const db = await alive(startEngine());
  const conn = idle.pop() ?? (await call(() => db.connect()));
  let reusable = false;
  try {
    const out = await alive(fn((sql) => call(() => conn.query(sql), sql)));
    reusable = true;
    return out;
  } finally {
    if (reusable && dbPromise) idle.push(conn);
    else await call(() => conn.close()).catch(() => {});
  }
}

/** Run a query and return its rows as plain values (see values.ts for how types are converted). */
export function query(sql: string): Promise<Row[]> {
  return withConnection(async (run) => tableToRows(await run(sql)));
}

/**
 * Run queries on one connection after `setup` statements, typically temporary tables the queries share
 * (they belong to the connection, so concurrent batches never see each other's). The setup statements
 * must replace what they make (`CREATE OR REPLACE TEMP TABLE`): connections are reused. The setup and the
 * first query go to the worker as one request (the engine runs a script's statements in order and answers
 * with the last one's rows), so a view's change costs one round trip per query, not per statement.
 */
export function queryBatch(setup: string[], queries: string[]): Promise<Row[][]> {
  for (const sql of setup) if (!/^\s*CREATE OR REPLACE TEMP TABLE /i.test(sql)) throw new Error(`a batch's setup must replace a temporary table: ${sql.slice(0, 60)}`);
  return withConnection(async (run) => {
    const out: Row[][] = [];
    for (const [i, sql] of queries.entries()) out.push(tableToRows(await run(i === 0 ? [...setup, sql].join(';\n') : sql)));
    if (!queries.length && setup.length) await run(setup.join(';\n'));
    return out;
  });
}

/** Run a statement whose result is not needed. */
export async function exec(sql: string): Promise<void> {
  await withConnection((run) => run(sql));
}

export function abortError(): DOMException {
  return new DOMException('The load was cancelled.', 'AbortError');
}

/**
 * The name SQL reads a registered file by: `name` in the browser; the native engine (publishing) answers
 * with a path of its own, since it reads only the paths it was allowed.
 */
const sqlName = (name: string, answer: unknown) => (typeof answer === 'string' ? answer : name);

/** Make a picked or dropped File readable by SQL, without copying it into memory; returns the name SQL reads it by. */
export async function registerFile(name: string, file: File): Promise<string> {
  const db = await alive(startEngine());
  // 2 is DuckDBDataProtocol.BROWSER_FILEREADER (a literal, so this module never loads DuckDB's code itself).
  return sqlName(name, await call(() => db.registerFileHandle(name, file, 2, true)));
}

/** Register bytes we produced ourselves (a decompressed or re-encoded file); returns the name SQL reads it by. */
export async function registerBytes(name: string, bytes: Uint8Array): Promise<string> {
  const db = await alive(startEngine());
  return sqlName(name, await call(() => db.registerFileBuffer(name, bytes)));
}

export async function dropFile(name: string): Promise<void> {
  const db = await alive(startEngine());
  await call(() => db.dropFile(name));
}

/** The engine's answer, or its failure once it has stopped. */
function alive<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, failure]);
}
