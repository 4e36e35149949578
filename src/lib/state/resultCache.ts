/**
 * The last few view results by their inputs, so going back to a view already seen (undo, clearing a
 * filter, returning to a tab) runs no query. Callers put the model's revision in the key, so a rebuild
 * never serves the previous tables' results; a failed run is not kept.
 */
export class ResultCache {
  #entries = new Map<string, Promise<unknown>>();

  constructor(readonly size = 24) {}

  /** A result known without running anything (the snapshot's opening view). */
  seed(key: string, value: unknown): void {
    this.#entries.set(key, Promise.resolve(value));
  }

  get<T>(key: string, run: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key) as Promise<T> | undefined;
    if (hit) {
      if (typeof performance !== 'undefined') performance.mark('cadence:cached-view'); // read by the benchmark
      this.#entries.delete(key); // most recently used last
      this.#entries.set(key, hit);
      return hit;
    }
    const result = run();
    this.#entries.set(key, result);
    result.catch(() => {
      if (this.#entries.get(key) === result) this.#entries.delete(key);
    });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.size) break;
      this.#entries.delete(oldest);
    }
    return result;
  }
}

/** The key of a view's results: the view, the tables' revision, a variant (the chart's grain) and the filters. */
export function viewKey(view: string, revision: number, variant = '', filters: unknown = null): string {
  return `${view}|${revision}|${variant}|${JSON.stringify(filters)}`;
}
