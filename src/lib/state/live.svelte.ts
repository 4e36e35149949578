/**
 * A query result that follows its inputs: `fetch` reads reactive state (filters, the model's revision) and
 * returns the work to run; whenever those change the work re-runs, counted toward the page's busy state.
 * Results of superseded runs are dropped.
 */
/** Returned by a Live's `fetch` while its inputs are settling (a rebuild's filter options are on their way): keep what is shown, run nothing. */
export const WAIT = Symbol('wait');

export class Live<T> {
  // Raw: a result is replaced whole, never mutated, and deep proxies over thousands of rows cost a render.
  value = $state.raw<T | null>(null);
  error = $state<string | null>(null);

  /** `track` counts the work toward the page's busy state (Loads.track). */
  constructor(track: (work: Promise<void>) => Promise<void>, fetch: () => (() => Promise<T>) | null | typeof WAIT, name = 'query') {
    $effect(() => {
      const job = fetch();
      if (job === WAIT) return;
      if (!job) {
        // Nothing to show (e.g. the tables could not be built): never leave an earlier result on screen.
        this.value = null;
        return;
      }
      let current = true;
      const t0 = performance.now();
      void track(
        job().then(
          (v) => {
            performance.measure(`cadence:view ${name}`, { start: t0 }); // read by the benchmark's profile
            return v;
          }
        ).then(
          (v) => {
            if (current) {
              this.value = v;
              this.error = null;
            }
          },
          (e) => {
            if (current) this.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
          }
        )
      );
      return () => {
        current = false;
      };
    });
  }
}
