/**
 * Values leave the engine here, converted on purpose rather than by accident:
 * - 64-bit integers become numbers only when exactly representable, else decimal strings;
 * - dates become `YYYY-MM-DD` strings (calendar dates, no time-zone shift);
 * - timestamps become ISO strings in UTC (`YYYY-MM-DDTHH:MM:SS.sssZ`);
 * - decimals and anything else unusual become strings, so no precision is lost on the way to the page.
 */
import { DataType, type Table } from 'apache-arrow';

export type Plain = string | number | boolean | null;
export type Row = Record<string, Plain>;

export function bigintToPlain(v: bigint): number | string {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v.toString();
}

/** Days or milliseconds since the epoch → `YYYY-MM-DD` (UTC, so no zone shift). */
export function epochMsToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function epochMsToIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Arrow decimals arrive as 32-bit words; render them with their scale as an exact decimal string. */
export function decimalToString(words: Uint32Array, scale: number): string {
  let big = 0n;
  for (let i = words.length - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i]);
  const bits = BigInt(words.length * 32);
  if (big >> (bits - 1n)) big -= 1n << bits; // two's complement
  const neg = big < 0n;
  let digits = (neg ? -big : big).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return neg ? `-${digits}` : digits;
}

export function toPlain(value: unknown, type: DataType): Plain {
  if (value === null || value === undefined) return null;
  if (DataType.isDate(type)) return epochMsToDate(Number(value));
  if (DataType.isTimestamp(type)) return epochMsToIso(Number(value));
  if (DataType.isDecimal(type)) {
    const words = value instanceof Uint32Array ? value : new Uint32Array((value as { buffer: ArrayBuffer }).buffer ?? []);
    return decimalToString(words, (type as unknown as { scale: number }).scale);
  }
  if (typeof value === 'bigint') return bigintToPlain(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** An Arrow result table as plain rows with the conversions above. */
export function tableToRows(table: Table): Row[] {
  const fields = table.schema.fields;
  const columns = fields.map((_, i) => table.getChildAt(i)!);
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < fields.length; c++) row[fields[c].name] = toPlain(columns[c].get(r), fields[c].type);
    rows[r] = row;
  }
  return rows;
}
