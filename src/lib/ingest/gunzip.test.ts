import { describe, it, expect } from 'vitest';
import { gzipSync } from 'node:zlib';
import { gunzipCapped, GzipError } from './gunzip';

const blob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

describe('gunzipCapped', () => {
  it('inflates a gzip file', async () => {
    const out = await gunzipCapped(blob(gzipSync(Buffer.from('a,b\n1,2\n'))), 1024);
    expect(new TextDecoder().decode(out)).toBe('a,b\n1,2\n');
  });
  it('stops at the cap while inflating, naming the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x61)); // 5 MB of "a" in a few KB
    expect(bomb.length).toBeLessThan(20_000);
    await expect(gunzipCapped(blob(bomb), 1024 * 1024)).rejects.toThrow(/Larger than 1.0 MB once decompressed/);
  });
  it('refuses bytes that are not gzip with a clear error', async () => {
    await expect(gunzipCapped(blob(new TextEncoder().encode('plain text, not gzip')), 1024)).rejects.toBeInstanceOf(GzipError);
  });
});
