/** Limits that keep a browser tab safe, each named in the message that enforces it. */
export const LIMITS = {
  /** Largest file read directly from disk (DuckDB reads it lazily through a file handle). */
  maxFileBytes: 1024 * 1024 * 1024,
  /** Largest file that must be held in memory: after decompression (.gz) or re-encoding (UTF-16, Latin-1). */
  maxInMemoryBytes: 512 * 1024 * 1024,
  /** Longest physical line, as in DuckDB's own default. */
  maxLineBytes: 2_000_000,
  /** How much of the file the dialect is decided on. */
  sampleBytes: 256 * 1024,
  /** Above this size the report shows a progress bar. */
  progressFromBytes: 4 * 1024 * 1024
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
