/** What the loader knows about one file, shown to people in the load report and to tests through its hooks. */

export type TableKind = 'meetings' | 'goals' | 'outcomes' | 'people' | 'accounts' | 'unknown';
export type LoadStatus = 'loading' | 'loaded' | 'partial' | 'refused';
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-2' | 'shift_jis';

/** How the file is read. Every field can be overridden by the user and the file re-read. */
export interface Dialect {
  delimiter: string;
  quote: string; // '' = no quoting
  escape: string; // '' = none; equal to quote = doubled quotes
  header: boolean;
  skip: number; // physical lines skipped before the header (blank lines, a title line)
  encoding: Encoding;
  decimalComma: boolean;
}

export interface ColumnInfo {
  name: string;
  /** The type DuckDB's sniffer saw in a sample; the staging table keeps every value as text regardless. */
  detectedType: string;
}

/** One problem in plain words, with the lines it concerns (1-based, as in a text editor). */
export interface Finding {
  severity: 'error' | 'warning' | 'info';
  message: string;
  lines?: number[];
  moreLines?: number;
}

/**
 * An export recognised by its family (an attendance report, a Salesforce object export…) and read the way
 * that tool means it: what it became, in a CS leader's words.
 */
export interface FamilyReading {
  /** Which family and variant, e.g. `attendance-sections`, `salesforce-event`. */
  id: string;
  /** What the file is, e.g. "Attendance report (sections: summary, participants, activities)". */
  label: string;
  /** What it became, e.g. "1 meeting (“Scrum Meeting”, …) with 7 attendees". */
  summary: string;
  /** How each part of the file was used. */
  notes: string[];
  /** The canonical table it feeds (unknown: a family Cadence recognises and does not count). */
  table: TableKind;
}

export interface FileReport {
  id: number;
  file: string;
  bytes: number;
  table: TableKind;
  status: LoadStatus;
  /** Name of the raw staging table in the engine, when anything was loaded. */
  stagingTable: string | null;
  rows: number;
  rejected: number;
  /** The independent count of data records (quote-aware pass in a worker). */
  counted: number | null;
  blankLines: number;
  dialect: Dialect | null;
  columns: ColumnInfo[];
  dateFormat: string | null;
  timestampFormat: string | null;
  findings: Finding[];
  /** Set when the file was recognised as an export family and reshaped by its reader. */
  family?: FamilyReading;
  /** Bytes processed so far by the record count, for the progress bar. */
  progress: number;
  millis: number;
}

export const ENCODINGS: { value: Encoding; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8 (standard)' },
  { value: 'utf-16le', label: 'UTF-16 LE (Windows “Unicode”)' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'windows-1252', label: 'Windows-1252 / Latin-1 (Western Europe)' },
  { value: 'iso-8859-2', label: 'ISO-8859-2 (Central Europe)' },
  { value: 'shift_jis', label: 'Shift-JIS (Japanese)' }
];
