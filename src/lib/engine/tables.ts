/** Queries over loaded tables for the first views: previews and weekly counts. */
import { query, exec } from './index';
import { ident, literal } from './sql';
import type { Row } from './values';

/** Drop a table, or the view a restored Parquet file is attached as. */
export function dropTable(table: string): Promise<void> {
  return dropTables([table]);
}

/** Drop several at once: two round trips for the lot (one script of drops), not a pair per table. */
export async function dropTables(tables: string[]): Promise<void> {
  if (!tables.length) return;
  const found = await query(`SELECT view_name FROM duckdb_views() WHERE NOT internal AND view_name IN (${tables.map((t) => literal(t)).join(', ')})`);
  const views = new Set(found.map((r) => String(r.view_name)));
  await exec(tables.map((t) => `DROP ${views.has(t) ? 'VIEW' : 'TABLE'} IF EXISTS ${ident(t)}`).join(';\n'));
}


export function previewRows(table: string, limit = 20): Promise<Row[]> {
  return query(`SELECT * FROM ${ident(table)} LIMIT ${Math.trunc(limit)}`);
}

export interface WeekCount {
  week: string; // ISO week start (Monday), YYYY-MM-DD
  rows: number;
}

/**
 * Rows per ISO week on a text column holding dates, parsed with the format the sniffer detected when there
 * is one, else with DuckDB's own date cast. Values that do not parse are counted, not hidden.
 */
export async function rowsPerWeek(table: string, column: string, format: string | null): Promise<{ weeks: WeekCount[]; unparsed: number }> {
  const col = ident(column);
  const parsed = format
    ? `coalesce(try_strptime(${col}, ${literal(format)})::DATE, TRY_CAST(${col} AS DATE))`
    : `TRY_CAST(${col} AS DATE)`;
  const rows = await query(`
    WITH d AS (SELECT ${parsed} AS day, ${col} AS raw FROM ${ident(table)})
    SELECT date_trunc('week', day)::DATE AS week, count(*)::INTEGER AS rows
    FROM d WHERE day IS NOT NULL GROUP BY ALL ORDER BY week`);
  const [{ n }] = await query(`
    SELECT count(*)::INTEGER AS n FROM ${ident(table)}
    WHERE ${col} IS NOT NULL AND trim(${col}) <> '' AND (${parsed}) IS NULL`);
  return { weeks: rows.map((r) => ({ week: String(r.week), rows: Number(r.rows) })), unparsed: Number(n) };
}

/** Every record of a small staging table, cell by cell in column order (a family reader's input). */
export async function tableRecords(table: string, columns: string[], limit: number): Promise<(string | null)[][]> {
  const rows = await query(`SELECT * FROM ${ident(table)} ORDER BY rowid LIMIT ${Math.trunc(limit)}`);
  return rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? null : String(r[c]))));
}

/** Replace a table by text rows under the given column names (a family reader's output, a few rows). */
export async function replaceWithTextRows(table: string, columns: readonly string[], rows: string[][]): Promise<void> {
  const cols = columns.map((c) => `${ident(c)} VARCHAR`).join(', ');
  await exec(`DROP TABLE IF EXISTS ${ident(table)}`);
  await exec(`CREATE TABLE ${ident(table)} (${cols})`);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => `(${columns.map((_, k) => literal(r[k] === '' || r[k] === undefined ? null : r[k])).join(', ')})`);
    await exec(`INSERT INTO ${ident(table)} VALUES ${chunk.join(', ')}`);
  }
}
