/**
 * A snapshot is a loaded dashboard frozen as files: each file's report and mapping, its staging table and the
 * canonical tables as Parquet, and the build result. Publishing writes one at build time, the device store
 * keeps one in the browser; opening one skips reading CSV and rebuilding the model, and a re-mapping still
 * works because the staging tables come back too.
 */
import { parquetToTable, tableColumns, tableToParquet, type ColumnType } from '$lib/engine/parquet';
import type { FileReport } from '$lib/ingest/types';
import type { FileModel } from '$lib/model/analyse';
import type { BuildResult } from '$lib/model/build';
import type { AgendaWords } from '$lib/normalize/vocab';
import { DERIVED_TABLES } from '$lib/metrics/derived';

export const SNAPSHOT_FORMAT = 'cadence-snapshot';
/** 2: the derived tables the views count from (meeting_facts, one_on_ones, csm_seen, outcome_snapshots). */
export const SNAPSHOT_VERSION = 2;
/** The canonical and derived tables the views read (the rest of a build is intermediate). */
export const SNAPSHOT_TABLES = ['meetings', 'goals', 'outcomes', 'people', 'accounts', 'person_names', ...DERIVED_TABLES] as const;

export type SnapshotKind = 'demo' | 'published' | 'device';

export interface SnapshotManifest {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  kind: SnapshotKind;
  created: string;
  files: { report: FileReport; model: FileModel; parquet: string; bytes: number; columns: ColumnType[] }[];
  tables: { name: string; parquet: string; bytes: number; columns: ColumnType[] }[];
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
}

export interface SnapshotInput {
  kind: SnapshotKind;
  files: { report: FileReport; model: FileModel }[];
  result: BuildResult;
  agendaWords: AgendaWords;
}

/** Freeze what the engine holds now. Only loaded files (with a staging table) are kept. */
export async function captureSnapshot(input: SnapshotInput, created = new Date()): Promise<Snapshot> {
  const blobs = new Map<string, Uint8Array>();
  const files: SnapshotManifest['files'] = [];
  for (const { report, model } of input.files) {
    if (!report.stagingTable) continue;
    const parquet = `${report.stagingTable}.parquet`;
    const bytes = await tableToParquet(report.stagingTable);
    blobs.set(parquet, bytes);
    files.push({ report: { ...report, progress: 0 }, model, parquet, bytes: bytes.byteLength, columns: await tableColumns(report.stagingTable) });
  }
  const tables: SnapshotManifest['tables'] = [];
  for (const name of SNAPSHOT_TABLES) {
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
  return { manifest, blobs };
}

export class SnapshotError extends Error {}

/** Check a manifest read from a file or the network before anything trusts it. */
export function parseManifest(json: unknown): SnapshotManifest {
  const m = json as Partial<SnapshotManifest> | null;
  if (!m || typeof m !== 'object' || m.format !== SNAPSHOT_FORMAT) throw new SnapshotError('not a Cadence data manifest');
  if (m.version !== SNAPSHOT_VERSION) throw new SnapshotError(`data format version ${String(m.version)}; this page reads version ${SNAPSHOT_VERSION}. Publish the data again with this version of Cadence.`);
  if (!Array.isArray(m.files) || !Array.isArray(m.tables) || !m.result || !m.agendaWords) throw new SnapshotError('the data manifest is incomplete');
  const safeName = (n: unknown) => typeof n === 'string' && /^[A-Za-z0-9_.-]+\.parquet$/.test(n);
  if (![...m.files, ...m.tables].every((f) => safeName(f.parquet))) throw new SnapshotError('the data manifest names a file outside its folder');
  const typesOk = (cs: unknown) => Array.isArray(cs) && cs.every((c) => typeof c?.name === 'string' && typeof c?.type === 'string' && /^[A-Z0-9_(), [\]]+$/.test(c.type));
  if (![...m.files, ...m.tables].every((f) => typesOk(f.columns))) throw new SnapshotError('the data manifest describes its columns wrongly');
  const known = new Set<string>(SNAPSHOT_TABLES);
  if (!m.tables.every((t) => known.has(t.name))) throw new SnapshotError('the data manifest names an unknown table');
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
 * all be under way). One table at a time: the engine's worker takes them one by one anyway, and decoding
 * them all first held every table at once as Arrow in the page and again in the worker's queue.
 */
export async function restoreSnapshot(manifest: SnapshotManifest, read: (name: string) => Promise<Uint8Array>): Promise<void> {
  for (const t of manifest.tables) await parquetToTable(await read(t.parquet), t.name, t.columns);
  for (const f of manifest.files) await parquetToTable(await read(f.parquet), f.report.stagingTable!, f.columns);
}
