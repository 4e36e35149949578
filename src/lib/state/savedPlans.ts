/**
 * The expected cadences a coach set, remembered on this device (localStorage, versioned key), so the next
 * visit measures the same pairs against the same plans. A link that carries plans shows its own instead.
 */
import { readPlans, type CadencePlan } from '$lib/metrics/cadencePlan';

export const PLANS_KEY = 'cadence.plans.v1';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): Store | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked: plans are simply not remembered
  }
}

export function savedPlans(store = storage()): CadencePlan[] {
  try {
    return readPlans(JSON.parse(store?.getItem(PLANS_KEY) ?? '[]')) ?? [];
  } catch {
    return [];
  }
}

export function savePlans(plans: readonly CadencePlan[], store = storage()): void {
  try {
    if (plans.length) store?.setItem(PLANS_KEY, JSON.stringify(plans));
    else store?.removeItem(PLANS_KEY);
  } catch {
    // quota or blocked storage: not remembered, nothing else breaks
  }
}
