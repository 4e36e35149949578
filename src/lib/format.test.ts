import { describe, it, expect } from 'vitest';
import { days, noun, num, pct, plural, pts, rho } from './format';

describe('format', () => {
  it('formats numbers and says — for missing ones', () => {
    expect(pct(0.875)).toBe('88%');
    expect(pct(null)).toBe('—');
    expect(pts(-12.4)).toBe('-12 pts');
    expect(pts(3)).toBe('+3 pts');
    expect(num(1234.5, 1)).toBe('1,234.5');
    expect(days(6.6)).toBe('7 d');
    expect(rho(0.9487)).toBe('0.95');
    expect(rho(Number.NaN)).toBe('—');
  });

  it('pluralises every count through one helper', () => {
    expect(plural(1, 'meeting')).toBe('1 meeting');
    expect(plural(0, 'meeting')).toBe('0 meetings');
    expect(plural(1234, 'account-month')).toBe('1,234 account-months');
    expect(plural(2, 'reply', 'replies')).toBe('2 replies');
    expect(noun(1, 'file')).toBe('file');
    expect(noun(3, 'file')).toBe('files');
  });
});
