import { describe, expect, it } from 'vitest';
import { differsAt } from './canon';

describe('results compared across engines', () => {
  it('takes rows in any order and doubles within a sum’s rounding, near 0 too', () => {
    const a = { rows: [{ g: 'b', rho: 0.00216164435546 }, { g: 'a', rho: -0.000399810721605, n: 3 }], n: 1.5e8 + 0.1 };
    const b = { rows: [{ g: 'a', rho: -0.000399810721603, n: 3 }, { g: 'b', rho: 0.00216164435547 }], n: 1.5e8 + 0.10000001 };
    expect(differsAt(a, b)).toBeNull();
  });
  it.each([
    ['a double off by more than rounding', { x: 0.5 }, { x: 0.5000001 }],
    ['a count', { n: 3 }, { n: 4 }],
    ['a row more', [{ g: 'a' }], [{ g: 'a' }, { g: 'a' }]],
    ['a label', [{ g: 'a' }], [{ g: 'b' }]],
    ['a missing key', { x: 1 }, { x: 1, y: null }]
  ])('finds %s', (_, a, b) => {
    expect(differsAt(a, b)).not.toBeNull();
  });
});
