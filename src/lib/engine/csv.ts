/**
 * CSV reading in the engine: the sniffer, the first record, and the staging read with explicit options.
 * Every value lands as text in a raw staging table, so nothing is lost to a type guess (leading zeros,
 * 20-digit numbers, a string on line 10,002); typing happens later in SQL views.
 */
import { withSession, abortError } from './index';
import { ident, literal } from './sql';
import { tableToRows, type Row } from './values';

export interface CsvReadOptions {
  delimiter: string;
  quote: string;
  escape: string;
  header: boolean;
  skip: number;
  /** Column names for the staging table, all read as VARCHAR. Width may exceed the header (ragged rows). */
  columns: string[];
  maxLineBytes: number;
}

export interface SniffResult {
  delimiter: string;
  quote: string;
  escape: string;
  hasHeader: boolean;
  skipRows: number;
  columns: { name: string; type: string }[];
  dateFormat: string | null;
  timestampFormat: string | null;
}

export interface RejectedLine {
  line: number;
  column: string | null;
  errorType: string;
  message: string;
  csvLine: string | null;
}

// The JSON extension is not loaded (no extension downloads), so the column list comes back as two joined strings.
function zipColumns(names: string, types: string): { name: string; type: string }[] {
  const t = types.split('\x1e');
  return names === '' ? [] : names.split('\x1e').map((name, i) => ({ name, type: t[i] ?? 'VARCHAR' }));
}

const empty = (v: unknown) => (v === '(empty)' || v === null || v === undefined ? '' : String(v));

/**
 * DuckDB's sniffer over a sample of `sampleLines`. `force` pins options we decided ourselves (delimiter,
 * quote). Its cost grows with the sample: a sniff of 20,480 lines took as long as reading 10,000 rows.
 */
export async function sniffCsv(file: string, force: { delimiter?: string; quote?: string; skip?: number } = {}, sampleLines = 20480): Promise<SniffResult> {
  const opts = [`sample_size = ${Math.trunc(sampleLines)}`];
  if (force.delimiter !== undefined) opts.push(`delim = ${literal(force.delimiter)}`);
  if (force.quote !== undefined) opts.push(`quote = ${literal(force.quote)}`);
  if (force.skip !== undefined) opts.push(`skip = ${force.skip}`);
  return withSession(async ({ run }) => {
    const [row] = tableToRows(
      await run(
        `SELECT Delimiter, Quote, Escape, HasHeader, SkipRows, DateFormat, TimestampFormat,
                array_to_string(list_transform(Columns, c -> c.name), chr(30)) AS names,
                array_to_string(list_transform(Columns, c -> c.type), chr(30)) AS types
         FROM sniff_csv(${literal(file)}, ${opts.join(', ')})`
      )
    );
    return {
      delimiter: empty(row.Delimiter),
      quote: empty(row.Quote),
      escape: empty(row.Escape),
      hasHeader: row.HasHeader === true,
      skipRows: Number(row.SkipRows ?? 0),
      columns: zipColumns(String(row.names ?? ''), String(row.types ?? '')),
      dateFormat: row.DateFormat === null ? null : String(row.DateFormat),
      timestampFormat: row.TimestampFormat === null ? null : String(row.TimestampFormat)
    };
  });
}

function readCsvCall(file: string, o: Omit<CsvReadOptions, 'columns'> & { columns: string[] | null }, extra: string[] = []): string {
  const columns = o.columns ? `{${o.columns.map((c) => `${literal(c)}: 'VARCHAR'`).join(', ')}}` : null;
  const args = [
    literal(file),
    'auto_detect = false',
    `delim = ${literal(o.delimiter)}`,
    `quote = ${literal(o.quote)}`,
    `escape = ${literal(o.escape)}`,
    `header = ${o.header}`,
    `skip = ${o.skip}`,
    columns ? `columns = ${columns}` : 'all_varchar = true',
    'null_padding = true', // short rows are padded (and reported per line from our own count)
    'strict_mode = false', // mixed line endings and stray inner quotes are read, not refused
    'allow_quoted_nulls = false', // "" is an empty string, a missing value is NULL
    'parallel = false',
    `max_line_size = ${o.maxLineBytes}`,
    ...extra
  ];
  return `read_csv(${args.join(', ')})`;
}

/** The first `n` records as raw text cells, to decide on the header ourselves. */
export async function firstRecords(file: string, o: Omit<CsvReadOptions, 'columns' | 'header'>, width: number, n = 1): Promise<(string | null)[][]> {
  const columns = Array.from({ length: width }, (_, i) => `c${i}`);
  return withSession(async ({ run }) => {
    const rows = tableToRows(await run(`SELECT * FROM ${readCsvCall(file, { ...o, header: false, columns })} LIMIT ${n}`));
    return rows.map((r) => columns.map((c) => (r[c] === null ? null : String(r[c]))));
  });
}

/**
 * Read the file into `table` (every column VARCHAR) and keep DuckDB's rejected lines with their line
 * number and cause. Rejects live in temporary tables of the connection, so they are read in the same one.
 * Cancellable: the statement is streamed and interrupted on abort.
 */
export async function readCsvToTable(
  file: string,
  table: string,
  o: CsvReadOptions,
  signal?: AbortSignal
): Promise<{ rows: number; rejected: RejectedLine[] }> {
  return withSession(async ({ run, send, cancel }) => {
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      if (signal?.aborted) throw abortError();
      const sql = `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM ${readCsvCall(file, o, [
        'store_rejects = true',
        `rejects_table = 'cadence_rejects'`,
        `rejects_scan = 'cadence_reject_scans'`,
        'rejects_limit = 0'
      ])}`;
      const reader = await send(sql);
      for await (const _ of reader) {
        // CREATE TABLE AS yields a single count batch
      }
      if (signal?.aborted) throw abortError();
      const [{ n }] = tableToRows(await run(`SELECT count(*) AS n FROM ${ident(table)}`));
      const rejectRows = await run(
        `SELECT line, column_name, error_type::VARCHAR AS error_type, error_message, csv_line
         FROM cadence_rejects ORDER BY line, column_idx`
      ).then(tableToRows, () => [] as Row[]); // no rejects table: nothing was rejected
      const rejected = rejectRows.map((r: Row) => ({
        line: Number(r.line),
        column: r.column_name === null ? null : String(r.column_name),
        errorType: String(r.error_type),
        message: String(r.error_message),
        csvLine: r.csv_line === null ? null : String(r.csv_line)
      }));
      return { rows: Number(n), rejected };
    } catch (e) {
      if (signal?.aborted) throw abortError();
      throw e;
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  });
}

/** In a one-column file an empty line reads as a NULL row; those are blank lines, not records. */
export async function dropBlankRows(table: string, column: string): Promise<number> {
  return withSession(async ({ run }) => {
    const [{ n }] = tableToRows(await run(`SELECT count(*) AS n FROM ${ident(table)} WHERE ${ident(column)} IS NULL`));
    if (Number(n) > 0) await run(`DELETE FROM ${ident(table)} WHERE ${ident(column)} IS NULL`);
    return Number(n);
  });
}
