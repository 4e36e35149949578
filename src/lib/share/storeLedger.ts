/**
 * The device store's bookkeeping, as pure functions: what each name in the store's folder is, and what a
 * listing of the folder means on restore (which entries come back, which were not kept whole, which names
 * are leftovers to clear). Each entry is two files, `<id>.json` (what it is) and `<id>.bin` (its bytes), so
 * no file is shared between two saves and no save can overwrite another's entry.
 */
import type { Dialect } from '$lib/ingest/types';

export const META_VERSION = 2;

export interface StoredFile {
  /** The entry's id inside the store (unique); `name` is the file's own name. */
  stored: string;
  name: string;
  bytes: number;
  lastModified: number;
  overrides?: Partial<Dialect>;
}

/** An entry's description: `saving` is written before its bytes, `kept` once they are complete. */
export interface EntryMeta extends StoredFile {
  version: number;
  state: 'saving' | 'kept';
  /** When it was added (ms), so entries come back in the order they were dropped. */
  added: number;
}

/** Why an entry does not come back. */
export type NotKeptReason = 'unfinished' | 'damaged';

export interface NotKept {
  stored: string;
  name: string;
  bytes: number;
  reason: NotKeptReason;
}

export interface RestorePlan {
  /** Entries whose bytes are complete, in the order they were added. */
  restore: EntryMeta[];
  /** Entries that were being saved when their page closed, or whose bytes are missing or cut short. */
  notKept: NotKept[];
  /** Names to remove: bytes without a description, a browser's swap files, descriptions that cannot be read. */
  leftovers: string[];
}

export const metaName = (id: string) => `${id}.json`;
export const bytesName = (id: string) => `${id}.bin`;

/** The entry id a name in the folder belongs to (`abc.bin`, `abc.json`, `abc.bin.crswap` → `abc`). */
export function entryOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

export function newEntryId(now: number, random: number): string {
  return `${now.toString(36)}-${Math.floor(random * 36 ** 6).toString(36).padStart(6, '0')}`;
}

/** A description read from the store, or null when it is not one this version wrote. */
export function parseMeta(text: string): EntryMeta | null {
  try {
    const m = JSON.parse(text) as Partial<EntryMeta>;
    const ok =
      m.version === META_VERSION &&
      typeof m.stored === 'string' &&
      typeof m.name === 'string' &&
      typeof m.bytes === 'number' &&
      typeof m.lastModified === 'number' &&
      typeof m.added === 'number' &&
      (m.state === 'saving' || m.state === 'kept');
    return ok ? (m as EntryMeta) : null;
  } catch {
    return null;
  }
}

/**
 * What a listing of the store means. `metas` are the descriptions read (null when unreadable), `sizes` the
 * size of every `.bin`, `busy` the entries another page is saving right now (held locks): those are left
 * alone, neither restored nor reported, until that page finishes.
 */
export function planRestore(names: string[], metas: Map<string, EntryMeta | null>, sizes: Map<string, number>, busy: Set<string>): RestorePlan {
  const restore: EntryMeta[] = [];
  const notKept: NotKept[] = [];
  const leftovers: string[] = [];
  const described = new Set<string>();
  for (const [name, meta] of metas) {
    const id = entryOf(name);
    if (busy.has(id)) {
      described.add(id);
      continue;
    }
    if (!meta || meta.stored !== id) {
      leftovers.push(name);
      continue;
    }
    described.add(id);
    const size = sizes.get(bytesName(id));
    if (meta.state === 'kept' && size === meta.bytes) restore.push(meta);
    else notKept.push({ stored: id, name: meta.name, bytes: meta.bytes, reason: meta.state === 'saving' ? 'unfinished' : 'damaged' });
  }
  for (const name of names) {
    if (name.endsWith('.json')) continue;
    const id = entryOf(name);
    const ownBytes = name === bytesName(id);
    if (busy.has(id)) continue;
    // A described entry's own bytes go with it (restored, or removed with its description); anything else is a leftover.
    if (!(ownBytes && described.has(id))) leftovers.push(name);
  }
  restore.sort((a, b) => a.added - b.added || a.stored.localeCompare(b.stored));
  return { restore, notKept, leftovers };
}

/** What the page says about entries that did not come back. */
export function notKeptMessage(notKept: NotKept[], formatBytes: (n: number) => string): string | null {
  if (!notKept.length) return null;
  const list = notKept
    .map((n) => `${n.name} (${formatBytes(n.bytes)}, ${n.reason === 'unfinished' ? 'still being saved when the page closed' : 'its stored copy was incomplete'})`)
    .join(', ');
  return `${notKept.length} ${notKept.length === 1 ? 'file was' : 'files were'} not kept: drop ${notKept.length === 1 ? 'it' : 'them'} again. ${list}.`;
}
