/**
 * Text encodings. DuckDB reads UTF-8 only (with or without BOM); anything else is decoded here in the
 * browser with the standard TextDecoder and handed to the engine as UTF-8 bytes.
 */
import type { Encoding } from './types';

/** Which encoding the first bytes announce through a byte-order mark, if any. */
export function encodingFromBom(head: Uint8Array): { encoding: Encoding; bomBytes: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  return null;
}

export class DecodeError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message);
  }
}

/**
 * Decode `bytes` from `encoding` and re-encode as UTF-8 without BOM. Decoding is strict: a sequence that
 * is invalid in the chosen encoding throws a DecodeError naming its line, instead of turning into U+FFFD.
 */
export function transcodeToUtf8(bytes: Uint8Array, encoding: Encoding): Uint8Array {
  const bom = encodingFromBom(bytes);
  const body = bom && bom.encoding === encoding ? bytes.subarray(bom.bomBytes) : bytes;
  try {
    return new TextEncoder().encode(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body));
  } catch {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    const bad = text.indexOf('\uFFFD');
    const line = bad < 0 ? 1 : countLines(text.slice(0, bad));
    throw new DecodeError(`not valid ${encoding.toUpperCase()}, line ${line}`, line);
  }
}

/** 1-based line number of the end of `text` (\n, \r\n and lone \r all end a line). */
export function countLines(text: string): number {
  const m = text.match(/\r\n|\r|\n/g);
  return (m?.length ?? 0) + 1;
}
