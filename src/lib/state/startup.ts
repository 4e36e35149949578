/**
 * What the page opens with: files kept on this device if there are any, else the site's own data (the
 * embedded demo, or a publisher's snapshot, which dropped files add to).
 */
import { parseManifest, restoreSnapshot, SnapshotError, type SnapshotManifest } from '$lib/share/snapshot';
import { readStored } from '$lib/share/deviceStore';
import type { Loads } from './loads.svelte';
import type { DataModel } from './model.svelte';

async function siteData(base: string): Promise<SnapshotManifest> {
  const res = await fetch(`${base}/data/manifest.json`);
  if (!res.ok) throw new SnapshotError(`the site's data could not be fetched (HTTP ${res.status})`);
  return parseManifest(await res.json());
}

async function restoreSite(manifest: SnapshotManifest, base: string, loads: Loads, model: DataModel): Promise<void> {
  await restoreSnapshot(manifest, async (name) => {
    const res = await fetch(`${base}/data/${encodeURIComponent(name)}`);
    if (!res.ok) throw new SnapshotError(`${name} could not be fetched (HTTP ${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  });
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

/** Returns when everything is loaded; a load already started by the user (a drop) wins. */
export async function openStartingData(base: string, loads: Loads, model: DataModel): Promise<void> {
  const [manifest, stored] = await Promise.all([loads.track(siteData(base)), loads.track(readStored().catch(() => []))]);
  if (loads.reports.length) return;
  if (manifest.kind === 'published' || !stored.length) await loads.track(restoreSite(manifest, base, loads, model));
  if (stored.length) {
    await loads.addFiles(
      stored.map((s) => s.file),
      { stored: stored.map((s) => s.entry) }
    );
  }
}
