/**
 * Reconciliation: rows loaded + rows rejected must equal the independent count of data records. Anything
 * the count saw that the read did not account for is a finding with line numbers; a mismatch refuses the file.
 */
import type { RecordScan } from './recordScan';
import type { Finding, LoadStatus } from './types';
import type { RejectedLine } from '$lib/engine/csv';
import { LIMITS } from './limits';

export interface ReconcileInput {
  /** Scan of the file from the header line on (preamble and leading blank lines excluded). */
  scan: RecordScan;
  /** Physical lines skipped before the scanned part (added to the scan's line numbers). */
  lineOffset: number;
  header: boolean;
  /** Column count of the staging table. */
  width: number;
  headerFields: number;
  rowsLoaded: number;
  rejected: RejectedLine[];
  blankRowsDropped: number;
}

export interface Reconciled {
  status: LoadStatus;
  expected: number;
  rejectedLines: number;
  findings: Finding[];
}

const MAX_LINES_SHOWN = 10;

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function lineList(lines: number[], total: number): Pick<Finding, 'lines' | 'moreLines'> {
  const shown = lines.slice(0, MAX_LINES_SHOWN);
  return { lines: shown, moreLines: Math.max(0, total - shown.length) };
}

export function reconcile(r: ReconcileInput): Reconciled {
  const { scan } = r;
  const findings: Finding[] = [];
  const expected = Math.max(0, scan.records - (r.header ? 1 : 0));
  const rejectedLineSet = [...new Set(r.rejected.map((x) => x.line))].sort((a, b) => a - b);
  const balance = r.rowsLoaded + rejectedLineSet.length;

  if (balance !== expected) {
    findings.push({
      severity: 'error',
      message:
        `Counts do not add up: the file holds ${plural(expected, 'record')} but ${plural(r.rowsLoaded, 'row')} ` +
        `were read and ${plural(rejectedLineSet.length, 'line')} rejected. Nothing was loaded, so no row is lost silently. ` +
        `Check the delimiter and quote settings below and read the file again.`
    });
    return { status: 'refused', expected, rejectedLines: rejectedLineSet.length, findings };
  }

  if (rejectedLineSet.length) {
    const causes = [...new Set(r.rejected.map((x) => x.errorType.toLowerCase().replaceAll('_', ' ')))].join(', ');
    findings.push({
      severity: 'warning',
      message: `${plural(rejectedLineSet.length, 'line')} could not be read (${causes}) and ${rejectedLineSet.length === 1 ? 'is' : 'are'} listed as rejected:`,
      ...lineList(rejectedLineSet, rejectedLineSet.length)
    });
    // The engine's record limit is also the limit on one value: say which, and how to get past it.
    if (r.rejected.some((x) => /line.size/i.test(x.errorType))) {
      findings.push({
        severity: 'warning',
        message: `A row over ${LIMITS.maxLineBytes.toLocaleString('en-US')} bytes (line breaks inside its quoted values included) is more than one row may hold. Export without the column holding the long text, or shorten it.`
      });
    }
  }

  // Ragged records, relative to the header (or first record) width.
  const base = r.headerFields;
  let fewer = 0;
  let more = 0;
  for (const [k, v] of Object.entries(scan.fieldCounts)) {
    if (Number(k) < base) fewer += v;
    if (Number(k) > base) more += v;
  }
  const at = (pred: (f: number) => boolean) => scan.ragged.filter((x) => pred(x.fields)).map((x) => x.line + r.lineOffset);
  if (fewer) {
    findings.push({
      severity: 'warning',
      message: `${plural(fewer, 'line')} ${fewer === 1 ? 'has' : 'have'} fewer values than the ${base} columns; the missing values were left empty:`,
      ...lineList(at((f) => f < base), fewer)
    });
  }
  if (more) {
    const extra = r.width - base;
    findings.push({
      severity: 'warning',
      message: `${plural(more, 'line')} ${more === 1 ? 'has' : 'have'} more values than the ${base} column names; the extra values were kept in ${plural(extra, 'added column')} at the end:`,
      ...lineList(at((f) => f > base), more)
    });
  }
  if (r.blankRowsDropped || scan.blankLines) {
    findings.push({ severity: 'info', message: `${plural(Math.max(scan.blankLines, r.blankRowsDropped), 'blank line')} between rows skipped.` });
  }
  if (expected === 0) {
    findings.push({ severity: 'info', message: 'The file has column names but no data rows.' });
  }

  const status: LoadStatus = findings.some((f) => f.severity === 'warning') ? 'partial' : 'loaded';
  return { status, expected, rejectedLines: rejectedLineSet.length, findings };
}

/** Problems the count finds that make a file unreadable as CSV; checked before any reconciliation. */
export function structuralRefusal(scan: RecordScan, lineOffset: number, maxLineBytes: number): Finding | null {
  if (scan.invalidUtf8Line !== null) {
    return {
      severity: 'error',
      message: `Not UTF-8, line ${scan.invalidUtf8Line + lineOffset}: the file uses another text encoding. Pick the encoding it was saved in (often Windows-1252 for Excel exports) and read it again.`,
      lines: [scan.invalidUtf8Line + lineOffset]
    };
  }
  if (scan.unterminatedQuoteLine !== null) {
    return {
      severity: 'error',
      message: `Unterminated quote, line ${scan.unterminatedQuoteLine + lineOffset}: a quoted value opens there and is never closed, so the rest of the file would be swallowed into it.`,
      lines: [scan.unterminatedQuoteLine + lineOffset]
    };
  }
  if (scan.longLine) {
    return {
      severity: 'error',
      message: `Line longer than ${maxLineBytes.toLocaleString('en-US')} bytes, line ${scan.longLine.line + lineOffset}: this does not look like a CSV export (or a quote is missing). If one value really is that long, export without its column, or split the export.`,
      lines: [scan.longLine.line + lineOffset]
    };
  }
  if (scan.nulLine !== null) {
    return {
      severity: 'error',
      message: `NUL byte, line ${scan.nulLine + lineOffset}: the file holds binary data, which a CSV export never does. Re-export it as CSV.`,
      lines: [scan.nulLine + lineOffset]
    };
  }
  return null;
}
