#!/usr/bin/env node
/**
 * Decoding query results: apache-arrow (what DuckDB-WASM hands the page) against @uwdata/flechette, on the
 * Arrow IPC bytes the engine's worker sends for results of the sizes the views fetch (a few hundred to a
 * few hundred thousand rows of text, dates, integers and decimals). Each side decodes the bytes and turns
 * them into the plain row objects the views use. Median of 7 after 2 warm-ups, same bytes for both.
 *
 *   node scripts/bench-arrow.js [meetings.csv]   (prints a Markdown table; `npm run bench` includes it)
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tableFromIPC as flechetteFromIPC } from '@uwdata/flechette';
import { tableFromIPC as arrowFromIPC } from 'apache-arrow';

const require = createRequire(import.meta.url);
const { createDuckDB, NODE_RUNTIME, VoidLogger } = await import('@duckdb/duckdb-wasm/blocking');

export async function benchArrow(csv) {
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await createDuckDB({ mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } }, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false, castTimestampToDate: false } });
  const conn = db.connect();
  const source = csv
    ? `read_csv('${csv.replace(/'/g, "''")}', all_varchar = true)`
    : `(SELECT 'Account ' || (i % 3000) AS a, TIMESTAMP '2025-01-01' + INTERVAL (i) MINUTE AS s, i::VARCHAR AS t FROM range(300000) r(i))`;
  conn.query(`CREATE TABLE r AS SELECT row_number() OVER () AS i, * FROM ${source}`);
  // Result shapes like the views': text, a date, a timestamp, counts, a decimal and a double.
  const shape = (n) => `SELECT 'Account ' || (i % 3000) AS account, DATE '2025-01-06' + (i % 700)::INTEGER AS week,
      TIMESTAMP '2025-01-06 09:00' + INTERVAL (i) MINUTE AS start, (i % 17)::INTEGER AS meetings, (i * 7)::BIGINT AS touches,
      ((i % 1000) / 10.0)::DECIMAL(9, 1) AS progress, (i % 97) / 97.0 AS rate, CASE WHEN i % 5 = 0 THEN NULL ELSE 'held' END AS status
    FROM r WHERE i <= ${n}`;
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (fn) => {
    for (let i = 0; i < 2; i++) fn();
    const ts = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      fn();
      ts.push(performance.now() - t0);
    }
    return median(ts);
  };
  // The app's own conversion (src/lib/engine/values.ts does the same per cell, by type).
  const arrowRows = (bytes) => {
    const t = arrowFromIPC(bytes);
    const cols = t.schema.fields.map((_, i) => t.getChildAt(i));
    const names = t.schema.fields.map((f) => f.name);
    const rows = new Array(t.numRows);
    for (let r = 0; r < t.numRows; r++) {
      const row = {};
      for (let c = 0; c < cols.length; c++) {
        const v = cols[c].get(r);
        row[names[c]] = typeof v === 'bigint' ? Number(v) : v;
      }
      rows[r] = row;
    }
    return rows;
  };
  const flechetteRows = (bytes) => flechetteFromIPC(bytes, { useDate: false, useBigInt: false }).toArray();
  const out = [];
  const total = Number(conn.query('SELECT count(*) AS n FROM r').getChildAt(0).get(0));
  for (const n of [300, 3000, 20000, 200000].filter((n) => n <= total)) {
    // The blocking bindings return tables of Arrow's CommonJS copy: its own writer makes the IPC bytes.
    const bytes = require('apache-arrow').tableToIPC(conn.query(shape(n)), 'stream');
    const a = time(() => arrowRows(bytes));
    const f = time(() => flechetteRows(bytes));
    if (flechetteRows(bytes).length !== n || arrowRows(bytes).length !== n) throw new Error(`row counts differ: ${n} asked, flechette ${flechetteRows(bytes).length}, apache-arrow ${arrowRows(bytes).length}`);
    out.push({ rows: n, bytes: bytes.length, arrow: a, flechette: f });
  }
  conn.close();
  return out;
}

export function arrowTable(results) {
  const ms = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
  return [
    '| rows in the result (8 columns) | IPC bytes | apache-arrow 17 → rows | flechette 2.6 → rows | ratio |',
    '|---|---|---|---|---|',
    ...results.map((r) => `| ${r.rows.toLocaleString('en-US')} | ${(r.bytes / 1024).toFixed(0)} KiB | ${ms(r.arrow)} | ${ms(r.flechette)} | ${(r.arrow / r.flechette).toFixed(1)}× |`)
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(arrowTable(await benchArrow(process.argv[2])));
