import { describe, expect, it } from 'vitest';
import { pngScale, xmlSafe } from './svg';

describe('xmlSafe', () => {
  it('replaces characters XML 1.0 forbids and keeps the rest', () => {
    expect(xmlSafe('a\u0000b\u0001c\u001Fd\uFFFEe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(xmlSafe('tab\tlf\ncr\r')).toBe('tab\tlf\ncr\r');
    expect(xmlSafe('Zoë 😀 営業')).toBe('Zoë 😀 営業');
  });

  it('replaces lone surrogates, keeps pairs', () => {
    expect(xmlSafe('x\uD83Dy')).toBe('x\uFFFDy');
    expect(xmlSafe('x\uDE00y')).toBe('x\uFFFDy');
    expect(xmlSafe('\uD83D\uDE00')).toBe('\uD83D\uDE00');
  });
});

describe('pngScale', () => {
  it('keeps the asked scale for ordinary charts', () => {
    expect(pngScale(900, 220, 2)).toBe(2);
  });
  it('stays inside canvas limits for huge figures', () => {
    const s = pngScale(12000, 9000, 2);
    expect(12000 * s).toBeLessThanOrEqual(16384);
    expect(12000 * 9000 * s * s).toBeLessThanOrEqual(268_000_000);
  });
});
