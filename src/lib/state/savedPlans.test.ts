import { describe, expect, it } from 'vitest';
import { PLANS_KEY, savePlans, savedPlans } from './savedPlans';
import type { CadencePlan } from '$lib/metrics/cadencePlan';

function memoryStore() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

describe('plans remembered on the device', () => {
  it('keeps what was saved, and forgets the key when no plan is left', () => {
    const store = memoryStore();
    const plans: CadencePlan[] = [{ level: 'manager', manager: 'tomas@x', every: 'fortnightly' }];
    expect(savedPlans(store)).toEqual([]);
    savePlans(plans, store);
    expect(savedPlans(store)).toEqual(plans);
    savePlans([], store);
    expect(store.m.has(PLANS_KEY)).toBe(false);
  });
  it('reads damaged or foreign values as no plans', () => {
    const store = memoryStore();
    for (const bad of ['{', '"weekly"', '[{"level":"team","every":"daily","team":"x"}]']) {
      store.setItem(PLANS_KEY, bad);
      expect(savedPlans(store)).toEqual([]);
    }
  });
  it('survives storage that throws', () => {
    const throwing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => {} };
    expect(savedPlans(throwing)).toEqual([]);
    expect(() => savePlans([{ level: 'team', team: 'East', every: 'monthly' }], throwing)).not.toThrow();
  });
});
