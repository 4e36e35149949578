/**
 * A snapshot is a loaded dashboard frozen as files: each file's report and mapping, the canonical and derived
 * tables as Parquet (the largest in monthly parts, read on demand: layout/published.ts), the build result,
 * and, unless left out, each file's staging table. Publishing writes one at build time; opening one skips
 * reading CSV and rebuilding the model. With the staging tables a re-mapping still works and dropped files
 * join the data; without them (a publisher's default: they are as large as the exports) the data is
 * "sealed": shown as published, replaced by files dropped on it, re-mapped only by publishing again.
 */
import { parquetToTable, tableColumns, tableToParquet, tableToPartitions, type ColumnType } from '$lib/engine/parquet';
import { attachPartitioned } from '$lib/engine/partitions';
import {
  isPartitioned,
  partitionedProblem,
  partitionFile,
  PARTITIONED_LAYOUT,
  safeDataFile,
  type PartitionedName,
  type TableEntry
} from '$lib/layout/published';
import type { FileReport } from '$lib/ingest/types';
import type { FileModel } from '$lib/model/analyse';
import type { BuildResult } from '$lib/model/build';
import type { AgendaWords } from '$lib/normalize/vocab';
import { DERIVED_TABLES } from '$lib/metrics/derived';

export const SNAPSHOT_FORMAT = 'cadence-snapshot';
/**
 * 2: the derived tables the views count from (meeting_facts, one_on_ones, csm_seen, outcome_snapshots).
 * 3: meetings and meeting_facts may come in monthly parts; staging tables may be left out; meeting_people.
 * 4: the 1:1s as one_on_one_days (per pair and day, counted by status), not one row per 1:1.
 */
export const SNAPSHOT_VERSION = 4;
/** The canonical and derived tables the views read (the rest of a build is intermediate). */
export const SNAPSHOT_TABLES = ['meetings', 'goals', 'outcomes', 'people', 'accounts', 'person_names', ...DERIVED_TABLES] as const;

export type SnapshotKind = 'demo' | 'published' | 'device';

export interface SnapshotManifest {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  kind: SnapshotKind;
  created: string;
  /** Each file; `parquet` is its staging table, absent when the snapshot was made without them (sealed). */
  files: { report: FileReport; model: FileModel; parquet?: string; bytes: number; columns: ColumnType[] }[];
  tables: TableEntry[];
  agendaWords: AgendaWords;
  result: BuildResult;
  /**
   * The opening view's results (filter options, and the meetings view with the default filters), computed
   * when the snapshot was made: the page shows them while the engine starts, and queries for anything else.
   */
  firstView?: FirstView;
}

export interface FirstView {
  options: Record<string, unknown>;
  meetings: Record<string, unknown>;
  /** The Overview (the opening tab) with the default filters; absent in snapshots made before it. */
  overview?: Record<string, unknown>;
}

export interface Snapshot {
  manifest: SnapshotManifest;
  /** Parquet bytes by the file name the manifest gives. */
  blobs: Map<string, Uint8Array>;
  /** Parquet files the engine wrote to disk (the monthly parts), by the name the manifest gives: the publish script copies them. */
  written: Map<string, string>;
}

export interface SnapshotInput {
  kind: SnapshotKind;
  files: { report: FileReport; model: FileModel }[];
  result: BuildResult;
  agendaWords: AgendaWords;
  /** Keep each file's staging table (re-mapping, adding files). Default: yes. */
  staging?: boolean;
  /** Rows per row group of the monthly parts (tests make them small to have many). */
  rowGroupRows?: number;
}

/** Whether a snapshot's data is sealed: made without its staging tables (see the top of this file). */
export const isSealed = (m: SnapshotManifest) => m.files.some((f) => !f.parquet);

/** Freeze what the engine holds now. Only loaded files (with a staging table) are kept. */
export async function captureSnapshot(input: SnapshotInput, created = new Date()): Promise<Snapshot> {
  const blobs = new Map<string, Uint8Array>();
  const written = new Map<string, string>();
  const files: SnapshotManifest['files'] = [];
  for (const { report, model } of input.files) {
    if (!report.stagingTable) continue;
    const columns = await tableColumns(report.stagingTable);
    if (input.staging === false) {
      files.push({ report: { ...report, progress: 0 }, model, bytes: 0, columns });
      continue;
    }
    const parquet = `${report.stagingTable}.parquet`;
    const bytes = await tableToParquet(report.stagingTable);
    blobs.set(parquet, bytes);
    files.push({ report: { ...report, progress: 0 }, model, parquet, bytes: bytes.byteLength, columns });
  }
  const tables: SnapshotManifest['tables'] = [];
  for (const name of SNAPSHOT_TABLES) {
    const layout = name in PARTITIONED_LAYOUT ? PARTITIONED_LAYOUT[name as PartitionedName] : null;
    const parted = layout ? await tableToPartitions(name, { ...layout, rowGroupRows: input.rowGroupRows ?? layout.rowGroupRows }) : null;
    if (layout && parted) {
      const partitions = parted.parts.map(({ path, ...p }) => {
        const parquet = partitionFile(name, p.key);
        written.set(parquet, path);
        return { ...p, parquet };
      });
      tables.push({ name, columns: parted.columns, dateColumn: layout.dateColumn, sortedBy: [...layout.sortedBy], partitions });
      continue;
    }
    const parquet = `table_${name}.parquet`;
    const bytes = await tableToParquet(name);
    blobs.set(parquet, bytes);
    tables.push({ name, parquet, bytes: bytes.byteLength, columns: await tableColumns(name) });
  }
  const manifest: SnapshotManifest = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    kind: input.kind,
    created: created.toISOString(),
    files,
    tables,
    agendaWords: input.agendaWords,
    result: input.result
  };
  return { manifest, blobs, written };
}

export class SnapshotError extends Error {}

/** Check a manifest read from a file or the network before anything trusts it. */
export function parseManifest(json: unknown): SnapshotManifest {
  const m = json as Partial<SnapshotManifest> | null;
  if (!m || typeof m !== 'object' || m.format !== SNAPSHOT_FORMAT) throw new SnapshotError('not a Cadence data manifest');
  if (m.version !== SNAPSHOT_VERSION) throw new SnapshotError(`data format version ${String(m.version)}; this page reads version ${SNAPSHOT_VERSION}. Publish the data again with this version of Cadence.`);
  if (!Array.isArray(m.files) || !Array.isArray(m.tables) || !m.result || !m.agendaWords) throw new SnapshotError('the data manifest is incomplete');
  const whole = m.tables.filter((t) => !isPartitioned(t));
  if (![...m.files.filter((f) => f.parquet !== undefined), ...whole].every((f) => safeDataFile((f as { parquet?: unknown }).parquet))) throw new SnapshotError('the data manifest names a file outside its folder');
  const typesOk = (cs: unknown) => Array.isArray(cs) && cs.every((c) => typeof c?.name === 'string' && typeof c?.type === 'string' && /^[A-Z0-9_(), [\]]+$/.test(c.type));
  if (![...m.files, ...m.tables].every((f) => typesOk(f.columns))) throw new SnapshotError('the data manifest describes its columns wrongly');
  const known = new Set<string>(SNAPSHOT_TABLES);
  if (!m.tables.every((t) => known.has(t.name))) throw new SnapshotError('the data manifest names an unknown table');
  for (const t of m.tables) {
    const problem = isPartitioned(t) ? partitionedProblem(t) : null;
    if (problem) throw new SnapshotError(`the data manifest is wrong: ${problem}`);
  }
  // The opening view is an optimisation: when it is malformed, the page queries instead.
  const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  const rowsIn = (v: Record<string, unknown>, keys: string[]) => keys.every((k) => Array.isArray(v[k]) && (v[k] as unknown[]).every(isRecord));
  const fv = m.firstView;
  if (fv !== undefined && !(isRecord(fv) && isRecord(fv.options) && isRecord(fv.meetings) && rowsIn(fv.options, ['managers', 'csms', 'teams', 'segments']) && rowsIn(fv.meetings, ['accounts', 'correlation', 'lagged', 'weekly']))) {
    delete m.firstView;
  } else if (fv?.overview !== undefined && !(isRecord(fv.overview) && isRecord(fv.overview.now) && rowsIn(fv.overview.now, ['accounts', 'managers', 'outcomeSegments', 'goalTeams']) && rowsIn(fv.overview, ['correlation', 'outcomeAccounts']))) {
    delete fv.overview;
  }
  return m as SnapshotManifest;
}

/**
 * Put a snapshot's tables back into the engine. `read` fetches one Parquet file by name (the downloads may
 * all be under way); `url` gives the address of a file a partitioned table fetches parts of later. One table
 * at a time: the engine's worker takes them one by one anyway, and decoding them all first held every table
 * at once as Arrow in the page and again in the worker's queue.
 */
export async function restoreSnapshot(manifest: SnapshotManifest, read: (name: string) => Promise<Uint8Array>, url: (name: string) => string): Promise<void> {
  for (const t of manifest.tables) {
    if (isPartitioned(t)) await attachPartitioned(t, url);
    else await parquetToTable(await read(t.parquet), t.name, t.columns);
  }
  for (const f of manifest.files) if (f.parquet) await parquetToTable(await read(f.parquet), f.report.stagingTable!, f.columns);
}
