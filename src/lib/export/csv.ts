/**
 * Tables as CSV (RFC 4180: CRLF line ends, fields quoted when they hold `"`, `,`, CR or LF), safe to open
 * in a spreadsheet: a cell that a spreadsheet would read as a formula gets a leading `'` (OWASP's advice
 * against CSV injection), except plain numbers, so numbers re-import as numbers. Headers are cells too.
 *
 * The text has no byte order mark; `csvBlob` adds one, because Excel reads a UTF-8 file without it in the
 * local code page (names with accents come out garbled), and every other reader we expect (Cadence itself,
 * LibreOffice, Google Sheets, pandas, DuckDB) skips it.
 */

export interface CsvColumn {
  key: string;
  label: string;
}

const FORMULA_START = /^[=+\-@\t\r\0]/;
/** A number as a spreadsheet reads it: optional sign, digits with an optional fraction, optional exponent. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text);
}

/** True when a spreadsheet could run the cell as a formula (or a DDE command). */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !isPlainNumber(text);
}

export function escapeFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** A value as text in a stable machine format: full-precision numbers, ISO dates, nothing locale-bound. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}

/** One field: formula-escaped, NUL replaced (many readers, Cadence's included, refuse or cut at NUL), quoted if needed. */
export function csvField(value: unknown): string {
  const text = escapeFormula(cellText(value)).replaceAll('\0', '\uFFFD');
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(columns: CsvColumn[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map((c) => csvField(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.key])).join(','));
  return lines.join('\r\n') + '\r\n';
}

export const CSV_BOM = '\uFEFF';

export function csvBlob(text: string): Blob {
  return new Blob([CSV_BOM, text], { type: 'text/csv;charset=utf-8' });
}
