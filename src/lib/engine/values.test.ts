import { describe, it, expect } from 'vitest';
import { bigintToPlain, decimalToString, epochMsToDate, epochMsToIso } from './values';

describe('edge conversions', () => {
  it('keeps safe bigints as numbers and unsafe ones as exact strings', () => {
    expect(bigintToPlain(42n)).toBe(42);
    expect(bigintToPlain(-9007199254740991n)).toBe(-9007199254740991);
    expect(bigintToPlain(9007199254740993n)).toBe('9007199254740993');
  });
  it('renders dates as calendar dates with no zone shift', () => {
    expect(epochMsToDate(Date.UTC(2024, 11, 31))).toBe('2024-12-31');
    expect(epochMsToDate(Date.UTC(1999, 0, 1, 23, 59))).toBe('1999-01-01');
    expect(epochMsToIso(Date.UTC(2024, 0, 2, 3, 4, 5))).toBe('2024-01-02T03:04:05.000Z');
  });
  it('renders decimals exactly, with their scale and sign', () => {
    // 8254400000000070752 with scale 2 = 82544000000000707.52, beyond a double's precision
    const v = 8254400000000070752n;
    const words = new Uint32Array([Number(v & 0xffffffffn), Number((v >> 32n) & 0xffffffffn), 0, 0]);
    expect(decimalToString(words, 2)).toBe('82544000000000707.52');
    const neg = (1n << 128n) - 5n; // -5 in two's complement, 128 bits
    const nw = new Uint32Array(4).map((_, i) => Number((neg >> BigInt(32 * i)) & 0xffffffffn));
    expect(decimalToString(nw, 3)).toBe('-0.005');
    expect(decimalToString(new Uint32Array([7, 0, 0, 0]), 0)).toBe('7');
  });
});
