import { describe, expect, it } from 'vitest';
import { cleanModel, servedAgainstModel, windowMonths } from './touchModel';

describe('touch model', () => {
  it('keeps only sensible rates', () => {
    expect(cleanModel({ High: 4, Mid: 0, Tech: -1, X: 'two', Y: Infinity, Z: 5000, W: 0.25 })).toEqual({ High: 4, W: 0.25 });
    expect(cleanModel(null)).toEqual({});
    expect(cleanModel([1, 2])).toEqual({});
  });

  it('lists the accounts served at least twice or at most half their segment’s model over the window', () => {
    // 2026-01-01 … 2026-03-31 is 90 days, 90 ÷ 30.4375 = 2.9569 months; High’s model 4 a month expects 11.83 touches.
    const w = { from: '2026-01-01', to: '2026-03-31' };
    expect(windowMonths(w)).toBeCloseTo(90 / 30.4375, 10);
    const acc = (account: string, segment: string | null, touches: number) => ({ account, segment, csm_name: 'Ana', touches, arr: null, progress_gained: 1 });
    const rows = servedAgainstModel([acc('Many', 'High', 24), acc('Enough', 'High', 12), acc('Few', 'High', 5), acc('None', 'High', 0), acc('Tech', 'Tech', 0), acc('Odd', null, 40)], { High: 4 }, w);
    expect(rows.map((r) => [r.account, r.served])).toEqual([
      ['None', 'below'],
      ['Few', 'below'],
      ['Many', 'above']
    ]);
    expect(rows[2].expected_touches).toBeCloseTo(4 * (90 / 30.4375), 10);
    expect(rows[2].model_ratio).toBeCloseTo(24 / (4 * (90 / 30.4375)), 10); // 2.03: at least twice
    expect(rows[1].model_ratio).toBeCloseTo(5 / 11.8275, 3); // 0.42: at most half
    // A segment without a model, or an account without a segment and no "(no segment)" model, is not judged.
    expect(servedAgainstModel([acc('Odd', null, 40)], { '(no segment)': 1 }, w).map((r) => r.account)).toEqual(['Odd']);
  });
});
