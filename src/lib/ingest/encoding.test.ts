import { describe, it, expect } from 'vitest';
import { encodingFromBom, transcodeToUtf8, DecodeError, countLines } from './encoding';

const utf8 = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s));

describe('encoding', () => {
  it('recognises byte-order marks', () => {
    expect(encodingFromBom(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', bomBytes: 3 });
    expect(encodingFromBom(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: 'utf-16le', bomBytes: 2 });
    expect(encodingFromBom(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toEqual({ encoding: 'utf-16be', bomBytes: 2 });
    expect(encodingFromBom(new Uint8Array([0x61, 0x62]))).toBeNull();
  });
  it('transcodes UTF-16 LE with BOM to UTF-8 without BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x41, 0x01, 0x0a, 0]); // "a,Ł\n"
    expect(new TextDecoder().decode(transcodeToUtf8(le, 'utf-16le'))).toBe('a,Ł\n');
  });
  it('transcodes Windows-1252', () => {
    expect(new TextDecoder().decode(transcodeToUtf8(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9]), 'windows-1252'))).toBe('José');
  });
  it('names the line of an invalid sequence instead of inventing characters', () => {
    const bad = new Uint8Array([0xff, 0xfe, 0x61, 0, 0x0a, 0, 0x62, 0, 0x0a, 0, 0x00, 0xd8]); // lone surrogate on line 3
    expect(() => transcodeToUtf8(bad, 'utf-16le')).toThrow(DecodeError);
    try {
      transcodeToUtf8(bad, 'utf-16le');
    } catch (e) {
      expect((e as DecodeError).line).toBe(3);
    }
  });
  it('counts lines with every terminator', () => {
    expect(countLines('a\nb\r\nc\rd')).toBe(4);
    expect(countLines('')).toBe(1);
    expect(utf8('x')).toBe('x');
  });
});
