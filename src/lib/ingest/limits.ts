/** Limits that keep a browser tab safe, each named in the message that enforces it. */
export const LIMITS = {
  /**
   * Largest file read. Measured (BENCHMARKS.md), with the model built in place: 1M meetings (166 MB of
   * CSV) peak at ~1.2 GiB above the idle page, 2M (332 MB) at ~2.1 GiB, 3M (498 MB) at ~3.2 GiB, close to
   * what a tab's WebAssembly memory can hold. 400 MB (~2.5M meetings) keeps a margin.
   */
  maxFileBytes: 400 * 1024 * 1024,
  /** Largest file that must be held in memory: after decompression (.gz) or re-encoding (UTF-16, Latin-1). */
  maxInMemoryBytes: 256 * 1024 * 1024,
  /**
   * Longest physical line, as in DuckDB's own default. DuckDB applies it to a whole record (quoted line
   * breaks included), so it also bounds the longest value: no separate field limit is needed.
   */
  maxLineBytes: 2_000_000,
  /**
   * Most columns in one file. The engine's CSV reader holds a buffer per column, so tens of thousands of
   * columns exhaust the tab's memory; real exports, even "all properties" ones, stay well under this.
   */
  maxColumns: 1000,
  /** Most files taken in one drop or pick: each is read, counted and reported on its own. */
  maxFilesAtOnce: 50,
  /** How much of the file the dialect is decided on. */
  sampleBytes: 256 * 1024,
  /** Above this size the report shows a progress bar. */
  progressFromBytes: 4 * 1024 * 1024
};

const n = (x: number) => x.toLocaleString('en-US');

/** The refusal for a file wider than maxColumns: the file, the limit, and the way past it. */
export function tooManyColumns(file: string, columns: number, atLeast = false): string {
  return (
    `“${file}” has ${atLeast ? 'at least ' : ''}${n(columns)} columns; Cadence reads at most ${n(LIMITS.maxColumns)} per file, so nothing from it was loaded. ` +
    'Export only the columns you need (most tools let you pick them), or split the file into several with fewer columns each.'
  );
}

/** Null when a drop is within maxFilesAtOnce, else why none of it was taken, naming the first files. */
export function tooManyFiles(names: string[]): string | null {
  if (names.length <= LIMITS.maxFilesAtOnce) return null;
  const shown = names.slice(0, 3).map((x) => `“${x}”`).join(', ');
  return (
    `${n(names.length)} files at once (${shown} and ${n(names.length - 3)} more): Cadence takes at most ${n(LIMITS.maxFilesAtOnce)} ` +
    `at a time, so none of them was loaded. Drop them in batches of ${n(LIMITS.maxFilesAtOnce)} or fewer, or combine exports of the same kind into one file.`
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
