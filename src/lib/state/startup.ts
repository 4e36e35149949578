/**
 * What the page opens with: files kept on this device if there are any, else the site's own data (the
 * embedded demo, or a publisher's snapshot, which dropped files add to).
 */
import { isSealed, parseManifest, restoreSnapshot, SnapshotError, type FirstView, type SnapshotManifest } from '$lib/share/snapshot';
import { isPartitioned } from '$lib/layout/published';
import { viewKey } from './resultCache';
import { DEFAULT_FILTERS, toFilters } from './view.svelte';
import { readStored } from '$lib/share/deviceStore';
import { notKeptMessage } from '$lib/share/storeLedger';
import { formatBytes } from '$lib/ingest/limits';
import { preloadParquet } from '$lib/engine/parquet';
import type { Loads } from './loads.svelte';
import type { DataModel } from './model.svelte';

interface SiteData {
  manifest: SnapshotManifest;
  /** The address of a file in the data folder (the parts of a partitioned table are fetched from it later). */
  url: (name: string) => string;
  /** Each Parquet file, fetched as soon as the manifest names it. */
  blobs: Map<string, Promise<Uint8Array>>;
}

/**
 * Fetch the site's data (manifest, then every file at once) and the Parquet codec, without waiting for the
 * engine: the downloads overlap the engine's start.
 */
export async function fetchSiteData(base: string): Promise<SiteData> {
  preloadParquet();
  const res = await fetch(`${base}/data/manifest.json`).catch(() => {
    throw new SnapshotError('the network or the site did not answer when its data was fetched; reload the page to try again');
  });
  if (!res.ok) throw new SnapshotError(`the site's data could not be fetched (HTTP ${res.status})`);
  const manifest = parseManifest(await res.json());
  const blobs = new Map<string, Promise<Uint8Array>>();
  const url = (name: string) => new URL(`${base}/data/${name.split('/').map(encodeURIComponent).join('/')}`, location.href).href;
  // Whole tables and staging tables now; the parts of a partitioned table when a query needs them.
  const whole = [...manifest.tables.flatMap((t) => (isPartitioned(t) ? [] : [t.parquet])), ...manifest.files.flatMap((f) => (f.parquet ? [f.parquet] : []))];
  for (const parquet of whole) {
    const bytes = fetch(url(parquet)).then(async (r) => {
      if (!r.ok) throw new SnapshotError(`${parquet} could not be fetched (HTTP ${r.status})`);
      return new Uint8Array(await r.arrayBuffer());
    });
    bytes.catch(() => {}); // observed when restored
    blobs.set(parquet, bytes);
  }
  return { manifest, blobs, url };
}

async function restoreSite(data: SiteData, loads: Loads, model: DataModel): Promise<void> {
  const { manifest } = data;
  await restoreTables(data);
  loads.restore(
    manifest.files.map((f) => f.report),
    manifest.kind === 'published' ? 'published' : 'demo',
    isSealed(manifest)
  );
  await model.restore(
    manifest.files.map((f) => f.model),
    manifest.result,
    manifest.agendaWords
  );
}

async function restoreTables({ manifest, blobs, url }: SiteData): Promise<void> {
  const t0 = performance.now();
  await restoreSnapshot(manifest, (name) => blobs.get(name) ?? Promise.reject(new SnapshotError(`${name} is not in the manifest`)), url);
  performance.measure('cadence:restore', { start: t0 }); // read by the benchmark's profile
  performance.mark('cadence:tables-ready');
}

/**
 * Open the site's data on the results its snapshot carries (the opening view), before the engine has
 * started: the tables follow in the background (loads.restoring), and any other view waits for them.
 */
function showSite(data: SiteData, firstView: FirstView, engine: Promise<unknown>, loads: Loads, model: DataModel): void {
  const { manifest } = data;
  loads.restoring = engine.then(() => restoreTables(data));
  loads.restore(
    manifest.files.map((f) => f.report),
    manifest.kind === 'published' ? 'published' : 'demo',
    isSealed(manifest)
  );
  model.show(
    manifest.files.map((f) => f.model),
    manifest.result,
    manifest.agendaWords
  );
  const options = firstView.options as { asOf: string; firstDay: string | null };
  model.results.seed(viewKey('options', model.revision), firstView.options);
  const filters = toFilters(DEFAULT_FILTERS, options.asOf, options.firstDay ?? options.asOf);
  model.results.seed(viewKey('meetings', model.revision, 'week', filters), firstView.meetings);
  if (firstView.overview) model.results.seed(viewKey('overview', model.revision, '', filters), firstView.overview);
}

/**
 * Returns when the page can show its starting data (a load already started by the user, a drop, wins).
 * `site` is the site's data and `engine` the engine's start, both begun early. The site's own data opens on
 * its baked opening view when it has one and no files are kept on this device; the tables then arrive in
 * the background, and a failure there goes to `onLateError`.
 */
export async function openStartingData(
  site: Promise<SiteData>,
  engine: Promise<unknown>,
  loads: Loads,
  model: DataModel,
  onLateError: (e: unknown) => void = () => {}
): Promise<void> {
  const [data, kept] = await Promise.all([loads.track(site), loads.track(readStored().catch(() => ({ files: [], notKept: [] })))]);
  loads.storeNotice = notKeptMessage(kept.notKept, formatBytes);
  const stored = kept.files;
  if (loads.reports.length) return;
  const firstView = data.manifest.firstView;
  if (firstView && !stored.length) {
    showSite(data, firstView, engine, loads, model);
    loads.restoring.catch(onLateError);
    return;
  }
  await loads.track(engine);
  // Files kept on this device join a publisher's data, unless it is sealed: then, as with the demo, they replace it.
  if ((data.manifest.kind === 'published' && !isSealed(data.manifest)) || !stored.length) await loads.track(restoreSite(data, loads, model));
  if (stored.length) {
    await loads.addFiles(
      stored.map((s) => s.file),
      { stored: stored.map((s) => s.entry) }
    );
  }
}
