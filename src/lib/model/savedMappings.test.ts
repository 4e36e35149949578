import { describe, it, expect } from 'vitest';
import { forgetMappings, saveMapping, savedMapping } from './savedMappings';
import { DEFAULT_OPTIONS } from '$lib/normalize/views';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

describe('saved mappings', () => {
  it('remembers a mapping per header signature and forgets on request', () => {
    const store = memory();
    const mapping = { table: 'meetings' as const, fields: { title: 'Subject' }, options: { ...DEFAULT_OPTIONS, dateOrders: { Date: 'dmy' as const } } };
    expect(savedMapping('a|b', store)).toBeNull();
    saveMapping('a|b', mapping, store);
    expect(savedMapping('a|b', store)).toEqual(mapping);
    expect(savedMapping('a|c', store)).toBeNull();
    forgetMappings(store);
    expect(savedMapping('a|b', store)).toBeNull();
  });
  it('ignores corrupt storage', () => {
    const store = memory();
    store.setItem('cadence.mappings.v1', '{not json');
    expect(savedMapping('x', store)).toBeNull();
    store.setItem('cadence.mappings.v1', JSON.stringify({ x: { table: 'meetings' } }));
    expect(savedMapping('x', store)).toBeNull();
  });
});
