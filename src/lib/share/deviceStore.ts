/**
 * Dropped files kept on this device, in the origin-private file system (OPFS): the files exactly as given,
 * plus a small index with the dialect each was last read with. A reload reads them again through the same
 * loader (mappings and date answers come back from the mapping memory), so nothing differs from the first
 * load. Nothing here ever leaves the browser.
 */
import type { Dialect } from '$lib/ingest/types';

const DIR = 'cadence-files';
const INDEX = 'index.json';
const INDEX_VERSION = 1;

export interface StoredFile {
  /** Name inside the store (unique); `name` is the file's own name. */
  stored: string;
  name: string;
  bytes: number;
  lastModified: number;
  overrides?: Partial<Dialect>;
}

interface Index {
  version: number;
  files: StoredFile[];
}

export function deviceStoreAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
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

async function readIndex(d: FileSystemDirectoryHandle): Promise<Index> {
  try {
    const text = await (await (await d.getFileHandle(INDEX)).getFile()).text();
    const index = JSON.parse(text) as Index;
    if (index.version === INDEX_VERSION && Array.isArray(index.files)) return index;
  } catch {
    // no index, or an unreadable one: nothing stored
  }
  return { version: INDEX_VERSION, files: [] };
}

async function writeIndex(d: FileSystemDirectoryHandle, index: Index): Promise<void> {
  const w = await (await d.getFileHandle(INDEX, { create: true })).createWritable();
  await w.write(JSON.stringify(index));
  await w.close();
}

/** What is stored, in the order it was added. */
export async function storedFiles(): Promise<StoredFile[]> {
  const d = await dir(false);
  return d ? (await readIndex(d)).files : [];
}

/** Keep a file; returns its entry (its `stored` name identifies it later). */
export async function storeFile(file: File, overrides?: Partial<Dialect>): Promise<StoredFile | null> {
  const d = await dir(true);
  if (!d) return null;
  const index = await readIndex(d);
  const stored = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.bin`;
  const w = await (await d.getFileHandle(stored, { create: true })).createWritable();
  await w.write(file); // streamed by the browser, not copied into script memory
  await w.close();
  const entry: StoredFile = { stored, name: file.name, bytes: file.size, lastModified: file.lastModified, overrides };
  await writeIndex(d, { ...index, files: [...index.files, entry] });
  return entry;
}

export async function updateStored(stored: string, overrides: Partial<Dialect>): Promise<void> {
  const d = await dir(false);
  if (!d) return;
  const index = await readIndex(d);
  await writeIndex(d, { ...index, files: index.files.map((f) => (f.stored === stored ? { ...f, overrides } : f)) });
}

export async function removeStored(stored: string): Promise<void> {
  const d = await dir(false);
  if (!d) return;
  const index = await readIndex(d);
  await writeIndex(d, { ...index, files: index.files.filter((f) => f.stored !== stored) });
  await d.removeEntry(stored).catch(() => {});
}

/** The stored files as File objects, ready for the loader. Entries whose bytes are missing are skipped. */
export async function readStored(): Promise<{ entry: StoredFile; file: File }[]> {
  const d = await dir(false);
  if (!d) return [];
  const out: { entry: StoredFile; file: File }[] = [];
  for (const entry of (await readIndex(d)).files) {
    try {
      const blob = await (await d.getFileHandle(entry.stored)).getFile();
      out.push({ entry, file: new File([blob], entry.name, { lastModified: entry.lastModified }) });
    } catch {
      // the browser evicted it: the file is simply not restored
    }
  }
  return out;
}

/** Remove every stored file and the store itself. */
export async function forgetStored(): Promise<void> {
  if (!deviceStoreAvailable()) return;
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(DIR, { recursive: true }).catch(() => {});
}
