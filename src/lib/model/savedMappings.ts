/**
 * Mappings the user confirmed, remembered on this device per export layout (header signature), so next
 * month's export of the same report maps with no question. Stored in localStorage under a versioned key.
 */
import type { FileMapping } from '$lib/normalize/views';
import { PLANS_KEY } from '$lib/state/savedPlans';

const KEY = 'cadence.mappings.v1';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): Store | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame): mappings are simply not remembered
  }
}

function readAll(store: Store | null): Record<string, FileMapping> {
  try {
    const parsed = JSON.parse(store?.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

export function savedMapping(signature: string, store = storage()): FileMapping | null {
  const m = readAll(store)[signature];
  return m && typeof m.table === 'string' && m.fields && m.options ? m : null;
}

export function saveMapping(signature: string, mapping: FileMapping, store = storage()): void {
  const all = readAll(store);
  all[signature] = mapping;
  try {
    store?.setItem(KEY, JSON.stringify(all));
  } catch {
    // quota or blocked storage: not remembered, nothing else breaks
  }
}

export function forgetMappings(store = storage()): void {
  store?.removeItem(KEY);
  store?.removeItem('cadence.agenda-words.v1');
}

const AGENDA_KEY = 'cadence.agenda-words.v1';

/** The user's agenda keyword lists, if edited (else the defaults apply). */
export function savedAgendaWords<T>(store = storage()): T | null {
  try {
    const v = JSON.parse(store?.getItem(AGENDA_KEY) ?? 'null');
    return v && typeof v === 'object' ? (v as T) : null;
  } catch {
    return null;
  }
}

export function saveAgendaWords(words: unknown, store = storage()): void {
  try {
    store?.setItem(AGENDA_KEY, JSON.stringify(words));
  } catch {
    // not remembered
  }
}

/** Forget every mapping, keyword list and expected cadence remembered on this device (all of Cadence's localStorage keys). */
export function forgetSavedMappings(store = storage()): void {
  if (!store) return;
  for (const key of [KEY, AGENDA_KEY, PLANS_KEY]) store.removeItem(key);
}

/** The remembered mappings as a file, for publishing with the same mappings (see the README). */
export function savedMappingsJson(store = storage()): string {
  return JSON.stringify(readAll(store), null, 2);
}
