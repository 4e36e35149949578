import { describe, expect, it } from 'vitest';
import { META_VERSION, entryOf, newEntryId, notKeptMessage, parseMeta, planRestore, type EntryMeta } from './storeLedger';

const meta = (stored: string, state: EntryMeta['state'], bytes: number, added: number): EntryMeta => ({
  version: META_VERSION,
  stored,
  name: `${stored}.csv`,
  bytes,
  lastModified: 1,
  added,
  state
});

function plan(entries: EntryMeta[], sizes: Record<string, number>, extra: string[] = [], busy: string[] = []) {
  const metas = new Map(entries.map((m) => [`${m.stored}.json`, m] as [string, EntryMeta | null]));
  const names = [...metas.keys(), ...Object.keys(sizes), ...extra];
  return planRestore(names, metas, new Map(Object.entries(sizes)), new Set(busy));
}

describe('planRestore', () => {
  it('restores complete entries in the order they were added, whatever the listing order', () => {
    const p = plan([meta('b', 'kept', 5, 2), meta('a', 'kept', 3, 1)], { 'b.bin': 5, 'a.bin': 3 });
    expect(p.restore.map((m) => m.stored)).toEqual(['a', 'b']);
    expect(p.notKept).toEqual([]);
    expect(p.leftovers).toEqual([]);
  });

  it('reports an entry still being saved when its page closed, and one whose bytes are cut short or gone', () => {
    const p = plan([meta('a', 'saving', 9, 1), meta('b', 'kept', 9, 2), meta('c', 'kept', 9, 3)], { 'a.bin': 4, 'b.bin': 8 });
    expect(p.restore).toEqual([]);
    expect(p.notKept).toEqual([
      { stored: 'a', name: 'a.csv', bytes: 9, reason: 'unfinished' },
      { stored: 'b', name: 'b.csv', bytes: 9, reason: 'damaged' },
      { stored: 'c', name: 'c.csv', bytes: 9, reason: 'damaged' }
    ]);
  });

  it('leaves an entry another page is saving alone: neither restored, reported nor cleared', () => {
    const p = plan([meta('a', 'saving', 9, 1)], { 'a.bin': 0 }, ['a.bin.crswap'], ['a']);
    expect(p).toEqual({ restore: [], notKept: [], leftovers: [] });
  });

  it('clears bytes without a description, swap files, and descriptions it cannot read', () => {
    const metas = new Map<string, EntryMeta | null>([
      ['a.json', meta('a', 'kept', 1, 1)],
      ['x.json', null],
      ['y.json', meta('z', 'kept', 1, 1)] // describes another entry: not trusted
    ]);
    const names = ['a.json', 'a.bin', 'x.json', 'y.json', 'orphan.bin', 'a.bin.crswap'];
    const p = planRestore(names, metas, new Map([['a.bin', 1], ['orphan.bin', 7]]), new Set());
    expect(p.restore.map((m) => m.stored)).toEqual(['a']);
    expect(p.leftovers.sort()).toEqual(['a.bin.crswap', 'orphan.bin', 'x.json', 'y.json']);
  });

  it('two saves that overlap are two entries: both come back', () => {
    const p = plan([meta('big', 'kept', 30_000_000, 1), meta('small', 'kept', 900, 2)], { 'big.bin': 30_000_000, 'small.bin': 900 });
    expect(p.restore.map((m) => m.stored)).toEqual(['big', 'small']);
  });
});

describe('parseMeta', () => {
  it('reads what the store writes and refuses anything else', () => {
    const m = meta('a', 'kept', 3, 1);
    expect(parseMeta(JSON.stringify(m))).toEqual(m);
    expect(parseMeta(JSON.stringify({ ...m, version: 1 }))).toBeNull();
    expect(parseMeta(JSON.stringify({ ...m, state: 'half' }))).toBeNull();
    expect(parseMeta(JSON.stringify({ ...m, bytes: '3' }))).toBeNull();
    expect(parseMeta('{"version":2')).toBeNull();
  });
});

describe('entry names', () => {
  it('ties every name in the folder to its entry', () => {
    expect(entryOf('abc-123.bin')).toBe('abc-123');
    expect(entryOf('abc-123.json')).toBe('abc-123');
    expect(entryOf('abc-123.bin.crswap')).toBe('abc-123');
  });
  it('makes ids without a dot, distinct for distinct draws', () => {
    const a = newEntryId(1000, 0.1);
    const b = newEntryId(1000, 0.2);
    expect(a).not.toBe(b);
    expect(a).not.toContain('.');
    expect(entryOf(`${a}.bin`)).toBe(a);
  });
});

describe('notKeptMessage', () => {
  const fmt = (n: number) => `${n} B`;
  it('says nothing when everything came back', () => {
    expect(notKeptMessage([], fmt)).toBeNull();
  });
  it('names each file, why, and what to do', () => {
    expect(notKeptMessage([{ stored: 'a', name: 'meetings.csv', bytes: 10, reason: 'unfinished' }], fmt)).toBe(
      '1 file was not kept: drop it again. meetings.csv (10 B, still being saved when the page closed).'
    );
    expect(
      notKeptMessage(
        [
          { stored: 'a', name: 'a.csv', bytes: 1, reason: 'unfinished' },
          { stored: 'b', name: 'b.csv', bytes: 2, reason: 'damaged' }
        ],
        fmt
      )
    ).toMatch(/^2 files were not kept: drop them again\. a\.csv .*, b\.csv \(2 B, its stored copy was incomplete\)\.$/);
  });
});
