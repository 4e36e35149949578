/**
 * What the page opens with: files kept on this device if there are any, else the site's own data (the
 * embedded demo, or a publisher's snapshot, which dropped files add to).
 */
import { parseManifest, restoreSnapshot, SnapshotError, type SnapshotManifest } from '$lib/share/snapshot';
import { readStored } from '$lib/share/deviceStore';
import { preloadParquet } from '$lib/engine/parquet';
import type { Loads } from './loads.svelte';
import type { DataModel } from './model.svelte';

interface SiteData {
  manifest: SnapshotManifest;
  /** Each Parquet file, fetched as soon as the manifest names it. */
  blobs: Map<string, Promise<Uint8Array>>;
}

/**
 * Fetch the site's data (manifest, then every file at once) and the Parquet codec, without waiting for the
 * engine: the downloads overlap the engine's start.
 */
export async function fetchSiteData(base: string): Promise<SiteData> {
  preloadParquet();
  const res = await fetch(`${base}/data/manifest.json`);
  if (!res.ok) throw new SnapshotError(`the site's data could not be fetched (HTTP ${res.status})`);
  const manifest = parseManifest(await res.json());
  const blobs = new Map<string, Promise<Uint8Array>>();
  for (const f of [...manifest.tables, ...manifest.files]) {
    const bytes = fetch(`${base}/data/${encodeURIComponent(f.parquet)}`).then(async (r) => {
      if (!r.ok) throw new SnapshotError(`${f.parquet} could not be fetched (HTTP ${r.status})`);
      return new Uint8Array(await r.arrayBuffer());
    });
    bytes.catch(() => {}); // observed when restored
    blobs.set(f.parquet, bytes);
  }
  return { manifest, blobs };
}

async function restoreSite({ manifest, blobs }: SiteData, loads: Loads, model: DataModel): Promise<void> {
  const t0 = performance.now();
  await restoreSnapshot(manifest, (name) => blobs.get(name) ?? Promise.reject(new SnapshotError(`${name} is not in the manifest`)));
  performance.measure('cadence:restore', { start: t0 }); // read by the benchmark's profile
  loads.restore(
    manifest.files.map((f) => f.report),
    manifest.kind === 'published' ? 'published' : 'demo'
  );
  await model.restore(
    manifest.files.map((f) => f.model),
    manifest.result,
    manifest.agendaWords
  );
}

/**
 * Returns when everything is loaded; a load already started by the user (a drop) wins. `site` is the
 * site's data, fetched early (see fetchSiteData).
 */
export async function openStartingData(site: Promise<SiteData>, loads: Loads, model: DataModel): Promise<void> {
  const [data, stored] = await Promise.all([loads.track(site), loads.track(readStored().catch(() => []))]);
  if (loads.reports.length) return;
  if (data.manifest.kind === 'published' || !stored.length) await loads.track(restoreSite(data, loads, model));
  if (stored.length) {
    await loads.addFiles(
      stored.map((s) => s.file),
      { stored: stored.map((s) => s.entry) }
    );
  }
}
