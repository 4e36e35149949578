/**
 * Dropped files kept on this device, in the origin-private file system (OPFS), exactly as given, with the
 * dialect each was last read with. A reload reads them again through the same loader (mappings and date
 * answers come back from the mapping memory), so nothing differs from the first load. Nothing here ever
 * leaves the browser.
 *
 * One description and one bytes file per entry (see storeLedger.ts), not a shared index: two saves, a save
 * and a removal, or two tabs never read-modify-write the same file, so none can lose another's entry. Web
 * Locks cover what remains shared: each save holds its entry's lock (another tab's restore leaves an entry
 * being saved alone, and a description still `saving` with no lock held was cut off by a closed page), and
 * Forget data takes the whole store exclusively, after the saves in flight.
 */
import {
  META_VERSION,
  bytesName,
  entryOf,
  metaName,
  newEntryId,
  parseMeta,
  planRestore,
  type EntryMeta,
  type NotKept,
  type StoredFile
} from './storeLedger';
import type { Dialect } from '$lib/ingest/types';

export type { StoredFile, NotKept } from './storeLedger';

const DIR = 'cadence-files';
const LEGACY_INDEX = 'index.json';
const STORE_LOCK = 'cadence-store';
const entryLock = (id: string) => `cadence-entry-${id}`;

export function deviceStoreAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

/** Run `fn` holding a Web Lock (where the browser has none, entries are still separate files). */
function locked<T>(name: string, mode: LockMode, fn: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return fn();
  return navigator.locks.request(name, { mode }, fn) as Promise<T>;
}

/** Entries another page of this site is saving now. */
async function busyEntries(): Promise<Set<string>> {
  if (!navigator.locks) return new Set();
  const { held = [] } = await navigator.locks.query();
  const prefix = entryLock('');
  return new Set(held.map((l) => l.name ?? '').filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length)));
}

/** Other pages of this site hear of every change (their Kept on this device list follows). */
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('cadence-store');
const listeners = new Set<() => void>();
function changed(): void {
  channel?.postMessage('changed');
  for (const l of listeners) l();
}
channel?.addEventListener('message', () => listeners.forEach((l) => l()));

/** Call `fn` whenever this page or another page of the site changes the store; returns the unsubscribe. */
export function onStoreChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

async function dir(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  if (!deviceStoreAvailable()) return null;
  const root = await navigator.storage.getDirectory();
  try {
    return await root.getDirectoryHandle(DIR, { create });
  } catch {
    return null; // not there yet
  }
}

async function writeText(d: FileSystemDirectoryHandle, name: string, text: string): Promise<void> {
  const w = await (await d.getFileHandle(name, { create: true })).createWritable();
  await w.write(text);
  await w.close();
}

async function readMeta(d: FileSystemDirectoryHandle, id: string): Promise<EntryMeta | null> {
  try {
    return parseMeta(await (await (await d.getFileHandle(metaName(id))).getFile()).text());
  } catch {
    return null;
  }
}

const remove = (d: FileSystemDirectoryHandle, name: string) => d.removeEntry(name).catch(() => {});

/** Stores written before entries were separate files (one index.json) become separate entries. */
async function migrateIndex(d: FileSystemDirectoryHandle): Promise<void> {
  let text: string;
  try {
    text = await (await (await d.getFileHandle(LEGACY_INDEX)).getFile()).text();
  } catch {
    return; // none
  }
  try {
    const old = JSON.parse(text) as { files?: (StoredFile & { stored: string })[] };
    for (const [i, f] of (old.files ?? []).entries()) {
      const id = entryOf(f.stored);
      if (f.stored !== bytesName(id)) continue; // not a name this store wrote
      await writeText(d, metaName(id), JSON.stringify({ ...f, stored: id, version: META_VERSION, state: 'kept', added: i } satisfies EntryMeta));
    }
  } catch {
    // an unreadable index: its bytes are leftovers
  }
  await remove(d, LEGACY_INDEX);
}

interface Listing {
  names: string[];
  metas: Map<string, EntryMeta | null>;
  sizes: Map<string, number>;
}

async function list(d: FileSystemDirectoryHandle): Promise<Listing> {
  const names: string[] = [];
  const metas = new Map<string, EntryMeta | null>();
  const sizes = new Map<string, number>();
  for await (const [name, handle] of d.entries()) {
    names.push(name);
    if (handle.kind !== 'file') continue;
    if (name.endsWith('.json')) metas.set(name, await readMeta(d, entryOf(name)).then((m) => (m && metaName(m.stored) === name ? m : null)));
    else if (name.endsWith('.bin')) sizes.set(name, await (handle as FileSystemFileHandle).getFile().then((f) => f.size, () => -1));
  }
  return { names, metas, sizes };
}

/** What is kept whole, in the order it was added (entries being saved, or not kept whole, are not). */
export async function storedFiles(): Promise<StoredFile[]> {
  const d = await dir(false);
  if (!d) return [];
  const { names, metas, sizes } = await list(d);
  return planRestore(names, metas, sizes, await busyEntries()).restore.map(toStoredFile);
}

const toStoredFile = ({ stored, name, bytes, lastModified, overrides }: EntryMeta): StoredFile => ({ stored, name, bytes, lastModified, ...(overrides ? { overrides } : {}) });

/**
 * Keep a file; returns its entry (its `stored` id identifies it later). The description says `saving`
 * before the bytes are written and `kept` after, so a page closed in between leaves an entry the next
 * load reports. On any failure (a full store, a file that can no longer be read) the entry is removed
 * again and the error thrown.
 */
export async function storeFile(file: File, overrides?: Partial<Dialect>): Promise<StoredFile | null> {
  const d = await dir(true);
  if (!d) return null;
  const id = newEntryId(Date.now(), Math.random());
  const meta: EntryMeta = { version: META_VERSION, stored: id, name: file.name, bytes: file.size, lastModified: file.lastModified, added: Date.now(), state: 'saving', ...(overrides ? { overrides } : {}) };
  return locked(STORE_LOCK, 'shared', () =>
    locked(entryLock(id), 'exclusive', async () => {
      try {
        await writeText(d, metaName(id), JSON.stringify(meta));
        const w = await (await d.getFileHandle(bytesName(id), { create: true })).createWritable();
        try {
          await w.write(file); // streamed by the browser, not copied into script memory
          await w.close();
        } catch (e) {
          await w.abort().catch(() => {});
          throw e;
        }
        const written = (await (await d.getFileHandle(bytesName(id))).getFile()).size;
        if (written !== file.size) throw new Error(`only ${written} of ${file.size} bytes were written`);
        await writeText(d, metaName(id), JSON.stringify({ ...meta, state: 'kept' }));
        return toStoredFile(meta);
      } catch (e) {
        await remove(d, metaName(id));
        await remove(d, bytesName(id));
        throw e;
      } finally {
        changed();
      }
    })
  );
}

export async function updateStored(stored: string, overrides: Partial<Dialect>): Promise<void> {
  const d = await dir(false);
  if (!d) return;
  await locked(STORE_LOCK, 'shared', () =>
    locked(entryLock(stored), 'exclusive', async () => {
      const meta = await readMeta(d, stored);
      if (meta?.state === 'kept') await writeText(d, metaName(stored), JSON.stringify({ ...meta, overrides }));
    })
  );
}

/** Remove one entry: its description first, so a removal cut short leaves only bytes the next load clears. */
export async function removeStored(stored: string): Promise<void> {
  const d = await dir(false);
  if (!d) return;
  await locked(STORE_LOCK, 'shared', () =>
    locked(entryLock(stored), 'exclusive', async () => {
      await remove(d, metaName(stored));
      await remove(d, bytesName(stored));
      changed();
    })
  );
}

/**
 * The kept files as File objects, ready for the loader, each checked against its recorded size, and the
 * entries that did not come back (a page closed mid-save, bytes cut short or evicted): those are reported
 * and removed, with any leftover names. Entries another page is saving now are left to it.
 */
export async function readStored(): Promise<{ files: { entry: StoredFile; file: File }[]; notKept: NotKept[] }> {
  const d = await dir(false);
  if (!d) return { files: [], notKept: [] };
  return locked(STORE_LOCK, 'shared', async () => {
    await migrateIndex(d);
    const { names, metas, sizes } = await list(d);
    const plan = planRestore(names, metas, sizes, await busyEntries());
    const files: { entry: StoredFile; file: File }[] = [];
    const notKept = [...plan.notKept];
    for (const meta of plan.restore) {
      try {
        const blob = await (await d.getFileHandle(bytesName(meta.stored))).getFile();
        if (blob.size !== meta.bytes) throw new Error('size changed');
        files.push({ entry: toStoredFile(meta), file: new File([blob], meta.name, { lastModified: meta.lastModified }) });
      } catch {
        notKept.push({ stored: meta.stored, name: meta.name, bytes: meta.bytes, reason: 'damaged' });
      }
    }
    // Cleared under each entry's lock; one whose save finished between the listing and now is kept (and
    // comes back at the next load).
    const lost: NotKept[] = [];
    for (const n of notKept) {
      await locked(entryLock(n.stored), 'exclusive', async () => {
        if (n.reason === 'unfinished' && (await readMeta(d, n.stored))?.state === 'kept') return;
        await remove(d, metaName(n.stored));
        await remove(d, bytesName(n.stored));
        lost.push(n);
      });
    }
    const busy = await busyEntries();
    for (const name of plan.leftovers) if (!busy.has(entryOf(name))) await remove(d, name);
    if (lost.length || plan.leftovers.length) changed();
    return { files, notKept: lost };
  });
}

/** Remove every stored file and the store itself, once the saves in flight (in any tab) are done. */
export async function forgetStored(): Promise<void> {
  if (!deviceStoreAvailable()) return;
  const root = await navigator.storage.getDirectory();
  await locked(STORE_LOCK, 'exclusive', () => root.removeEntry(DIR, { recursive: true }).catch(() => {}));
  changed();
}
