/**
 * `\r\r\n` is what a bad Windows conversion makes of `\r\n`. DuckDB reads the first `\r` as the line end
 * and the `\n` as the first character of the next value. Rewriting each `\r\r\n` as `\r\n\n` keeps the
 * same number of physical lines (so every line number we report still matches the file) and turns the
 * stray break into a blank line, which is skipped like any other.
 */
export function hasDoubledCR(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x0d); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0x0d, i + 1)) {
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return true;
  }
  return false;
}

export function repairDoubledCR(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i + 2 < out.length; i++) {
    if (out[i] === 0x0d && out[i + 1] === 0x0d && out[i + 2] === 0x0a) {
      out[i + 1] = 0x0a;
      i += 2;
    }
  }
  return out;
}
