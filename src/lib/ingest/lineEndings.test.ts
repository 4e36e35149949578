import { describe, it, expect } from 'vitest';
import { hasDoubledCR, repairDoubledCR } from './lineEndings';
import { scanBytes } from './recordScan';

const b = (s: string) => new TextEncoder().encode(s);
const d = (x: Uint8Array) => new TextDecoder().decode(x);

describe('doubled carriage returns', () => {
  it('finds \\r\\r\\n and nothing else', () => {
    expect(hasDoubledCR(b('one\r\r\ntwo'))).toBe(true);
    expect(hasDoubledCR(b('one\r\ntwo\rthree\n'))).toBe(false);
    expect(hasDoubledCR(b('x\r\r'))).toBe(false);
  });
  it('rewrites \\r\\r\\n as \\r\\n\\n, keeping every line number', () => {
    const before = b('one\r\r\ntwo\r\r\nthree');
    const after = repairDoubledCR(before);
    expect(d(after)).toBe('one\r\n\ntwo\r\n\nthree');
    const s0 = scanBytes(before, { delimiter: ',', quote: '"', escape: '"' });
    const s1 = scanBytes(after, { delimiter: ',', quote: '"', escape: '"' });
    expect(s1.lines).toBe(s0.lines);
    expect(s1.records).toBe(3);
    expect(s1.blankLines).toBe(2);
    expect(d(before)).toBe('one\r\r\ntwo\r\r\nthree'); // the input is not modified
  });
});
