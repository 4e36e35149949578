/**
 * The one place that imports DuckDB-WASM. Everything else talks to the engine through `./index`.
 *
 * The module is loaded with a dynamic import from the browser only, so the prerendered shell never pulls
 * DuckDB into the server build. Its wasm and worker files are bundled as assets of this site (Vite `?url`)
 * and never fetched from a CDN.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { LOCKDOWN } from './lockdown';

export type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
export { DuckDBDataProtocol } from '@duckdb/duckdb-wasm';

const bundles: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker }
};


/**
 * DuckDB-WASM forgets its pending requests when its worker throws (a crash, or the WebAssembly memory running
 * out), so every query waiting on it would wait for ever. The first uncaught error of the worker is kept here:
 * the engine module fails every waiting and later query with it instead.
 */
export class EngineStopped extends Error {}
let stopped: ((e: EngineStopped) => void) | null = null;
export const engineStopped = new Promise<never>((_, reject) => (stopped = reject));
engineStopped.catch(() => {}); // observed by each query that races it

/**
 * The page's tables live in an in-memory database that DuckDB compresses as it does a database file
 * (dictionary, bit-packing, FSST) when it checkpoints, rather than in the default one, which holds every
 * value as is. WebAssembly memory never shrinks, so what the tables take is what the tab keeps: a published
 * page of 10 million meetings held its opening tables in 121 MiB as is, and in 17 MiB compressed.
 */
const TABLES_DB = 'cadence';

export async function startDuckDB(): Promise<duckdb.AsyncDuckDB> {
  const bundle = await duckdb.selectBundle(bundles);
  const worker = new Worker(bundle.mainWorker!);
  worker.addEventListener('error', (e) => {
    const cause = e.message || 'the engine worker stopped';
    stopped?.(new EngineStopped(`The analysis engine stopped (${cause}). Reload the page: the files kept on this device open again.`));
  });
  const logger = new duckdb.VoidLogger();
  const db = new duckdb.AsyncDuckDB(logger, worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({
    query: {
      // Convert at the edge ourselves (see values.ts) instead of letting Arrow lose precision.
      castBigIntToDouble: false,
      castDecimalToDouble: false,
      castTimestampToDate: false
    },
    allowUnsignedExtensions: false
  });
  const conn = await db.connect();
  try {
    await conn.query(`ATTACH ':memory:' AS ${TABLES_DB} (COMPRESS)`);
    for (const sql of LOCKDOWN) await conn.query(sql);
  } finally {
    await conn.close();
  }
  // Every connection, whoever opens it, creates and reads its tables there.
  const connect = db.connect.bind(db);
  db.connect = async () => {
    const c = await connect();
    await c.query(`USE ${TABLES_DB}`);
    return c;
  };
  return db;
}
