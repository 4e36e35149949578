import { describe, it, expect } from 'vitest';
import { ident, literal } from './sql';

describe('sql quoting', () => {
  it('doubles quotes in identifiers and literals', () => {
    expect(ident('a"b')).toBe('"a""b"');
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(literal(3)).toBe('3');
    expect(literal(null)).toBe('NULL');
    expect(literal(true)).toBe('true');
  });
  it('refuses values that cannot be quoted safely', () => {
    expect(() => literal(Number.NaN)).toThrow();
    expect(() => literal('a\0b')).toThrow();
  });
});
