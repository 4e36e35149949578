/**
 * Dialect decisions the engine's sniffer gets wrong on ragged files (it will pick a delimiter that turns a
 * 3-column file into one text column, or skip rows to reach the widest ones). We decide the structural
 * parts ourselves from field-count consistency over a sample, with the quote-aware scanner, and leave
 * escape, header and type detection to DuckDB's `sniff_csv` run with our delimiter.
 */
import { scanBytes, type RecordScan } from './recordScan';

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'];

export interface DelimiterScore {
  delimiter: string;
  /** The most common field count in the sample. */
  fields: number;
  /** Share of sampled records that have that field count. */
  consistency: number;
  records: number;
}

export function modeOf(fieldCounts: Record<number, number>): { fields: number; count: number } {
  let best = { fields: 0, count: 0 };
  for (const [k, v] of Object.entries(fieldCounts)) {
    const fields = Number(k);
    if (v > best.count || (v === best.count && fields > best.fields)) best = { fields, count: v };
  }
  return best;
}

export function scoreDelimiter(delimiter: string, scan: RecordScan): DelimiterScore {
  const { fields, count } = modeOf(scan.fieldCounts);
  return { delimiter, fields, consistency: scan.records ? count / scan.records : 0, records: scan.records };
}

/**
 * The delimiter that splits the sample into the most consistent number of fields (at least 2).
 * Ties go to the earlier candidate, so list the engine's own guess first. A file where no candidate
 * gives 2+ fields is a one-column file: the first candidate is returned.
 */
export function chooseDelimiter(sample: Uint8Array, candidates: string[], quote = '"'): DelimiterScore {
  const scores = unique(candidates).map((d) => scoreDelimiter(d, scanBytes(sample, { delimiter: d, quote, escape: quote })));
  // A delimiter found only inside date-times (`14/11/22, 09:29:07`) separates nothing: the other one wins.
  const text = new TextDecoder().decode(sample);
  const real = scores.filter((s) => s.fields >= 2 && !onlyInsideDateTimes(text, s.delimiter));
  const multi = real.length ? real : scores.filter((s) => s.fields >= 2);
  if (!multi.length) return scores[0];
  return multi.reduce((best, s) => (s.consistency > best.consistency + 1e-9 ? s : best));
}

/**
 * The one candidate that splits every sampled record into the same 2+ fields, when exactly one does: then
 * no sniffer can improve on it and the engine's is not asked. Null when it is a question (none, or a tie).
 */
export function clearDelimiter(sample: Uint8Array, candidates: string[], quote = '"'): DelimiterScore | null {
  const text = new TextDecoder().decode(sample);
  const perfect = unique(candidates)
    .map((d) => scoreDelimiter(d, scanBytes(sample, { delimiter: d, quote, escape: quote })))
    .filter((s) => s.fields >= 2 && s.records >= 2 && s.consistency === 1 && !onlyInsideDateTimes(text, s.delimiter));
  return perfect.length === 1 ? perfect[0] : null;
}

const DATE_TIME_WITH = (d: string) => new RegExp(String.raw`\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}${d === '\t' ? '\t' : d.replace(/[|]/g, '\\|')} ?\d{1,2}[:.]\d{2}`, 'g');

/** Whether every occurrence of the delimiter in the text sits between a date and a time. */
export function onlyInsideDateTimes(text: string, delimiter: string): boolean {
  if (!/[,;.]/.test(delimiter)) return false;
  const all = text.split(delimiter).length - 1;
  if (!all) return false;
  const inside = text.match(DATE_TIME_WITH(delimiter))?.length ?? 0;
  return inside === all;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Cut a sample at its last line terminator so a record split by the sample's end does not look ragged. */
export function trimToLastLine(sample: Uint8Array, isWholeFile: boolean): Uint8Array {
  if (isWholeFile) return sample;
  for (let i = sample.length - 1; i >= 0; i--) if (sample[i] === 0x0a || sample[i] === 0x0d) return sample.subarray(0, i + 1);
  return sample;
}

/** Empty lines at the very start of the file (they would otherwise be taken as the header). */
export function leadingBlankLines(sample: Uint8Array): number {
  let lines = 0;
  let i = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  while (i < sample.length) {
    if (sample[i] === 0x0d && sample[i + 1] === 0x0a) i += 2;
    else if (sample[i] === 0x0a || sample[i] === 0x0d) i += 1;
    else break;
    lines++;
  }
  return lines;
}

/**
 * A title or note line above the real header (one field where the rest of the file has several):
 * how many records to skip so the header is the first line with the file's usual width. Only looks
 * at the first few lines, and only when the scan of the sample proves the shape.
 */
export function preambleLines(scan: RecordScan, usualFields: number, leadingBlanks: number): number {
  if (usualFields < 2 || scan.firstRecordFields !== 1) return 0;
  const next = scan.ragged[0];
  if (!next || next.fields !== usualFields || next.line > leadingBlanks + 6) return 0;
  return next.line - 1 - leadingBlanks;
}

const NUMBER = /^\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?\s*$/;
const DATE_LIKE = /^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2})?)?\s*$/;

/** Longer than any real column name. */
const MAX_NAME_LENGTH = 200;

/**
 * A first line with a bare number, a date or a very long value in it is data, not column names
 * (exports name their columns with words; a number as a name only shows up in pivot tables).
 */
export function looksLikeData(cells: (string | null)[]): boolean {
  return cells.some((c) => c !== null && c.trim() !== '' && (NUMBER.test(c) || DATE_LIKE.test(c) || c.length > MAX_NAME_LENGTH));
}

/**
 * Whether the first record holds column names. Our own evidence first (a number or date in it says data);
 * a one-column, all-text file gives no evidence either way, so its lines are all kept as data unless it
 * has a single line (then that line can only be a header). Otherwise DuckDB's sniffer decides, which
 * compares the first record's types with the rest of the sample.
 */
export function decideHeader(first: (string | null)[] | null, width: number, records: number, sniffed: { hasHeader: boolean; allText: boolean } | null): boolean {
  if (first && looksLikeData(first)) return false;
  if (width === 1 && records > 1 && (sniffed?.allText ?? true)) return false;
  return sniffed?.hasHeader ?? true;
}

/**
 * Column names from a header line, made unique and non-empty the way DuckDB does it:
 * an empty name becomes `column{i}` (0-based position), a repeated one gets `_1`, `_2`, ….
 * Columns beyond the header (ragged rows that are wider) are named by position too.
 */
export function columnNames(header: (string | null)[] | null, width: number): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < width; i++) {
    const raw = header?.[i]?.replace(/\0/g, '').trim() ?? '';
    let name = raw === '' ? `column${i}` : raw;
    if (seen.has(name.toLowerCase())) {
      let k = 1;
      while (seen.has(`${name}_${k}`.toLowerCase())) k++;
      name = `${name}_${k}`;
    }
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** How a dialect reads to a person. */
export function describeDelimiter(d: string): string {
  const names: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', ' ': 'space' };
  return names[d] ? `${names[d]} (${d === '\t' ? '\\t' : d})` : d;
}

/** Byte offset where physical line `k + 1` starts (after skipping `k` lines), or -1 if the sample is too short. */
export function offsetAfterLines(sample: Uint8Array, k: number): number {
  let i = 0;
  for (let line = 0; line < k; line++) {
    while (i < sample.length && sample[i] !== 0x0a && sample[i] !== 0x0d) i++;
    if (i >= sample.length) return -1;
    i += sample[i] === 0x0d && sample[i + 1] === 0x0a ? 2 : 1;
  }
  return i;
}
