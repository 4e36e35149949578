/**
 * The same DuckDB-WASM build the browser uses, run in Node for unit tests of SQL (blocking bindings).
 * Test-only: nothing in the app imports this file.
 */
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { openNodeBindings } from '$lib/engine/node';
import { tableToRows, type Row } from '$lib/engine/values';

let instance: Promise<DuckDBBindings> | null = null;

export function testDb(): Promise<DuckDBBindings> {
  instance ??= openNodeBindings();
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

/** The build functions' database interface, on the Node engine. */
export const nodeDb = {
  query: (text: string) => sql(text),
  exec: async (text: string) => {
    await sql(text);
  }
};

/** Load CSV text into an all-text staging table, as the loader does in the browser. */
export async function stageCsv(table: string, name: string, text: string, delimiter?: string): Promise<string[]> {
  const db = await testDb();
  db.registerFileText(name, text);
  const delim = delimiter ? `, delim = '${delimiter === '\t' ? '\t' : delimiter}'` : '';
  await sql(`CREATE OR REPLACE TABLE "${table}" AS SELECT * FROM read_csv('${name}', all_varchar = true, header = true${delim})`);
  return (await sql(`SELECT column_name FROM (DESCRIBE "${table}")`)).map((r) => String(r.column_name));
}

/**
 * After a test has created the canonical tables it needs: the others, empty, then the derived tables the
 * build makes (as the build does), so metric SQL runs on exactly what it runs on in the app.
 */
export async function deriveForTests(): Promise<void> {
  const { DERIVED_SQL } = await import('$lib/metrics/derived');
  await sql(`
    CREATE TABLE IF NOT EXISTS meetings (start_at TIMESTAMP, status VARCHAR, kind VARCHAR, account VARCHAR, csm VARCHAR);
    CREATE TABLE IF NOT EXISTS outcomes (account VARCHAR, segment VARCHAR, csm VARCHAR, as_of DATE);
    CREATE TABLE IF NOT EXISTS goals (start_date DATE, updated_at TIMESTAMP);
    CREATE TABLE IF NOT EXISTS accounts (account VARCHAR, segment VARCHAR, csm VARCHAR);
    ALTER TABLE meetings ADD COLUMN IF NOT EXISTS account VARCHAR;
    ALTER TABLE meetings ADD COLUMN IF NOT EXISTS kind VARCHAR;
    ALTER TABLE meetings ADD COLUMN IF NOT EXISTS csm VARCHAR;
    ALTER TABLE outcomes ADD COLUMN IF NOT EXISTS account VARCHAR;
    ALTER TABLE outcomes ADD COLUMN IF NOT EXISTS segment VARCHAR;
    ALTER TABLE outcomes ADD COLUMN IF NOT EXISTS csm VARCHAR;
    ${[
      ['meetings', 'manager VARCHAR', 'channel VARCHAR', 'agenda_goals BOOLEAN', 'agenda_bottlenecks BOOLEAN', 'agenda_customers BOOLEAN', 'agenda_coaching BOOLEAN', 'agenda_career BOOLEAN', 'prepared_by_report BOOLEAN'],
      ['outcomes', 'outcome_id VARCHAR', 'progress_pct DOUBLE', 'due_date DATE', 'source_id INTEGER', 'source_row INTEGER', 'arr DOUBLE'],
      ['accounts', 'arr DOUBLE', 'renewal_date DATE']
    ]
      .flatMap(([table, ...cols]) => cols.map((c) => `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${c};`))
      .join('\n')}
    ${DERIVED_SQL.join(';\n')}`);
}
