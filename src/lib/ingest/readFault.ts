/**
 * A file that could be picked but not read: moved, deleted, changed or on a drive that went away after it
 * was picked. The File API says so with NotReadableError or NotFoundError; across a worker (the engine's,
 * the record count's) only the message survives, so both are recognised.
 */
const UNREADABLE_NAMES = new Set(['NotReadableError', 'NotFoundError']);
const UNREADABLE_TEXT = /NotReadableError|NotFoundError|could not be read|could not be found|file not found/i;

export function isUnreadable(e: unknown): boolean {
  if (e && typeof e === 'object' && 'name' in e && UNREADABLE_NAMES.has(String((e as { name: unknown }).name))) return true;
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return UNREADABLE_TEXT.test(text);
}

export function unreadableMessage(fileName: string): string {
  return `${fileName} could not be read any more: it was moved, deleted or changed since it was picked, or is on a drive that went away. Pick it again; nothing from it was loaded.`;
}
