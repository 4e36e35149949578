/**
 * The published data's layout: which tables come whole and which in parts. A table too large to restore
 * whole (the meetings and their day-level facts) is written as one Parquet file per month of its date
 * column, sorted inside so that each row group covers a narrow range of the columns a drill-down picks by,
 * and the manifest gives each row group's row count and the min and max of those columns. The page then
 * fetches, by HTTP range request, only the row groups a query can need (rowNeeds.ts).
 *
 * This is the contract a warehouse export must meet too (docs/PUBLISHED_LAYOUT.md): plain types and
 * functions, imported by the engine, the metrics and the snapshot code alike.
 */
/** A column's name and DuckDB type, so a restored table gets exactly its types back. */
export interface ColumnType {
  name: string;
  type: string;
}

/** A table restored whole. */
export interface WholeTable {
  name: string;
  parquet: string;
  bytes: number;
  columns: ColumnType[];
}

/** The min and max of the listed columns in one row group, as DuckDB writes Parquet statistics (text); null: no statistics. */
export interface RowGroupStats {
  rows: number;
  min: Record<string, string | null>;
  max: Record<string, string | null>;
  /** Columns with no value at all in the group (absent: none known). */
  allNull?: string[];
}

/** One month of a partitioned table (`key` is `YYYY-MM`, or `undated` for rows with no date). */
export interface Partition {
  key: string;
  parquet: string;
  rows: number;
  bytes: number;
  rowGroups: RowGroupStats[];
}

/** A table published in monthly parts, read on demand. */
export interface PartitionedTable {
  name: string;
  columns: ColumnType[];
  /** The date (or timestamp) column the months are of. */
  dateColumn: string;
  /** The order of the rows inside each part (so the row groups' ranges are narrow). */
  sortedBy: string[];
  partitions: Partition[];
}

export type TableEntry = WholeTable | PartitionedTable;

export const isPartitioned = (t: TableEntry): t is PartitionedTable => Array.isArray((t as PartitionedTable).partitions);

/**
 * How each large table is laid out. The meetings are sorted so that an account's customer touches and a
 * pair's 1:1s sit in few row groups (the drill-downs pick by them); the facts by day (the views read edge days).
 */
export const PARTITIONED_LAYOUT = {
  meetings: { dateColumn: 'start_at', sortedBy: ['kind', 'account', 'manager', 'csm', 'start_at'], stats: ['start_at', 'account', 'manager', 'csm'], rowGroupRows: 4_096 },
  meeting_facts: { dateColumn: 'd', sortedBy: ['d', 'kind', 'account'], stats: ['d', 'account', 'manager', 'csm'], rowGroupRows: 16_384 }
} as const satisfies Record<string, { dateColumn: string; sortedBy: string[]; stats: string[]; rowGroupRows: number }>;
export type PartitionedName = keyof typeof PARTITIONED_LAYOUT;
export const PARTITIONED_TABLES = Object.keys(PARTITIONED_LAYOUT) as PartitionedName[];

/*
 * Rows per row group (above): the meetings are wide (notes, agenda) and read for one account or pair at a
 * time, so their groups are small, and one account's month is one group of a few tens of KB; the facts are
 * narrow and read by whole days, so theirs are larger (fewer statistics in the manifest).
 */

export const UNDATED = 'undated';
/** The file of one month of a table: `meetings/2025-03.parquet`. */
export const partitionFile = (table: string, key: string) => `${table}/${key}.parquet`;

/** What a query needs of a partitioned table: its rows dated in [from, to] (ISO days), and where given, with these values. */
export interface RowNeed {
  table: string;
  from: string;
  to: string;
  equals?: Record<string, string>;
}

/** Compare two strings as DuckDB orders VARCHAR (by UTF-8 bytes), not as JavaScript does (by UTF-16 units). */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Whether a row group may hold `value` in `column` (no statistics: it may). */
function mayHold(g: RowGroupStats, column: string, value: string): boolean {
  if (g.allNull?.includes(column)) return false;
  const lo = g.min[column];
  const hi = g.max[column];
  if (lo === null || lo === undefined || hi === null || hi === undefined) return true;
  return compareUtf8(lo, value) <= 0 && compareUtf8(value, hi) <= 0;
}

/** Whether a row group's dates may fall in [from, to] (statistics of a timestamp compare by their day). */
function mayBeDated(g: RowGroupStats, column: string, from: string, to: string): boolean {
  const lo = g.min[column];
  const hi = g.max[column];
  if (lo === null || lo === undefined || hi === null || hi === undefined) return true;
  return lo.slice(0, 10) <= to && hi.slice(0, 10) >= from;
}

/**
 * The row groups of each part that may hold rows the need asks for: parts by month, then row groups by
 * their statistics. Never fewer than needed (a group without statistics is taken); rows with no date are
 * never needed (no window holds them).
 */
export function pickRowGroups(table: PartitionedTable, need: RowNeed): { partition: Partition; rowGroups: number[] }[] {
  if (need.from > need.to) return [];
  const first = need.from.slice(0, 7);
  const last = need.to.slice(0, 7);
  const picks: { partition: Partition; rowGroups: number[] }[] = [];
  for (const partition of table.partitions) {
    if (partition.key === UNDATED || partition.key < first || partition.key > last) continue;
    const rowGroups: number[] = [];
    partition.rowGroups.forEach((g, i) => {
      if (!mayBeDated(g, table.dateColumn, need.from, need.to)) return;
      if (Object.entries(need.equals ?? {}).every(([c, v]) => mayHold(g, c, v))) rowGroups.push(i);
    });
    if (rowGroups.length) picks.push({ partition, rowGroups });
  }
  return picks;
}

const SAFE_FILE = /^[A-Za-z0-9_.-]+\.parquet$/;
const SAFE_PART = /^[A-Za-z0-9_]+\/(\d{4}-\d{2}|undated)\.parquet$/;
/** A file name the manifest may give: in the data folder, or one month of a table in its own folder. */
export const safeDataFile = (name: unknown, partitioned = false): boolean =>
  typeof name === 'string' && !name.includes('..') && (partitioned ? SAFE_PART : SAFE_FILE).test(name);

/** Check a partitioned table's entry as read from a manifest; the reason it is wrong, or null. */
export function partitionedProblem(t: PartitionedTable): string | null {
  if (!(t.name in PARTITIONED_LAYOUT)) return `${t.name} cannot be read in parts`;
  if (typeof t.dateColumn !== 'string' || !t.columns.some((c) => c.name === t.dateColumn)) return `${t.name} has no date column to read its months by`;
  for (const p of t.partitions) {
    if (!p || typeof p.key !== 'string' || !safeDataFile(p.parquet, true) || p.parquet !== partitionFile(t.name, p.key)) return `${t.name} names a part outside its folder`;
    if (!Number.isInteger(p.rows) || !Array.isArray(p.rowGroups)) return `${t.name}'s part ${p.key} is described incompletely`;
    const ok = p.rowGroups.every(
      (g) => g && Number.isInteger(g.rows) && isStats(g.min) && isStats(g.max) && (g.allNull === undefined || (Array.isArray(g.allNull) && g.allNull.every((c) => typeof c === 'string')))
    );
    if (!ok || p.rowGroups.reduce((n, g) => n + g.rows, 0) !== p.rows) return `${t.name}'s part ${p.key} describes its row groups wrongly`;
  }
  return null;
}

const isStats = (v: unknown): v is Record<string, string | null> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => x === null || typeof x === 'string');
