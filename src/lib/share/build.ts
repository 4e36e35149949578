/**
 * Files in, snapshot out, through the browser's own steps: load (sniff, decode, read, reconcile), recognise
 * and map, build the model. The publish script runs it in Node on a folder of exports; its reports are the
 * ones the page would show.
 */
import { loadFile } from '$lib/ingest/loadFile';
import { analyseFile, type FileModel } from '$lib/model/analyse';
import { buildModel } from '$lib/model/build';
import { DEFAULT_AGENDA_WORDS, type AgendaWords } from '$lib/normalize/vocab';
import type { FileMapping } from '$lib/normalize/views';
import type { FileReport } from '$lib/ingest/types';
import { captureSnapshot, type FirstView, type Snapshot, type SnapshotKind } from './snapshot';
import { filterOptions, meetingsOutcomes, overview } from '$lib/metrics/queries';
import { DEFAULT_FILTERS, toFilters } from '$lib/state/view.svelte';

export interface BuildOutcome {
  reports: FileReport[];
  /** Set when every file loaded: what the site will open with. */
  snapshot: Snapshot | null;
}

/**
 * The largest opening view baked into the manifest. Its size follows the accounts and people, not the
 * meetings: 3,000 accounts make about 3.3 MB (0.5 MB gzipped), at 1 million meetings as at 10 million.
 * Past this the manifest would cost more to fetch and parse than the page's own queries take.
 */
const FIRST_VIEW_MAX_CHARS = 8_000_000;

/** Bake the opening view (see FirstView) unless it is large: then the page is better off querying. */
async function openingView(): Promise<FirstView | undefined> {
  const options = await filterOptions();
  if (!options.asOf) return undefined;
  const filters = toFilters(DEFAULT_FILTERS, options.asOf, options.firstDay ?? options.asOf);
  const meetings = await meetingsOutcomes(filters, 'week');
  const view = { options, meetings, overview: await overview(filters, options.asOf, options.firstDay ?? options.asOf) };
  return JSON.stringify(view).length <= FIRST_VIEW_MAX_CHARS ? view : undefined;
}

/** What a long build is doing, for a terminal's progress lines. */
export type BuildProgress =
  | { step: 'reading'; file: string; bytes: number; total: number }
  | { step: 'loaded'; report: FileReport }
  | { step: 'model' | 'snapshot' | 'opening view' };

export interface BuildOptions {
  /** Keep each file's staging table in the snapshot (re-mapping and adding files on the page). Default: yes. */
  staging?: boolean;
  /** Rows per row group of the monthly parts (see SnapshotInput). */
  rowGroupRows?: number;
  locale?: string;
  agendaWords?: AgendaWords;
  onProgress?: (p: BuildProgress) => void;
}

export async function buildSnapshot(files: File[], kind: SnapshotKind, options: BuildOptions = {}): Promise<BuildOutcome> {
  const locale = options.locale ?? 'en-US';
  const agendaWords = options.agendaWords ?? DEFAULT_AGENDA_WORDS;
  const progress = options.onProgress ?? (() => {});
  const reports: FileReport[] = [];
  for (const [i, file] of files.entries()) {
    const report = await loadFile({ id: i + 1, file, onProgress: (bytes) => progress({ step: 'reading', file: file.name, bytes, total: file.size }) });
    progress({ step: 'loaded', report });
    reports.push(report);
  }
  if (reports.some((r) => r.status === 'refused')) return { reports, snapshot: null };
  const models: FileModel[] = [];
  for (const report of reports) models.push(await analyseFile(report, locale));
  progress({ step: 'model' });
  const result = await buildModel(
    models.map((m) => ({ src: { id: m.id, file: m.file, staging: m.staging, layout: m.signature }, mapping: m.mapping as FileMapping })),
    undefined,
    agendaWords
  );
  const withTables = reports.map((r, i) => ({ report: { ...r, table: models[i].mapping.table, ...(models[i].family ? { family: models[i].family } : {}) }, model: models[i] }));
  progress({ step: 'snapshot' });
  const snapshot = await captureSnapshot({ kind, files: withTables, result, agendaWords, staging: options.staging, rowGroupRows: options.rowGroupRows });
  progress({ step: 'opening view' });
  snapshot.manifest.firstView = await openingView();
  return { reports: withTables.map((f) => f.report), snapshot };
}
