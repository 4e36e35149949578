/**
 * The loaded files and the page's busy/ready state. Loads run one after another (the engine has one
 * thread); each report appears at once as "loading" and is replaced by its final version.
 */
import { untrack } from 'svelte';
import { emptyReport, loadFile } from '$lib/ingest/loadFile';
import { dropTable, dropTables } from '$lib/engine/tables';
import { removeStored, storeFile, updateStored, type StoredFile } from '$lib/share/deviceStore';
import { isUnreadable } from '$lib/ingest/readFault';
import type { Dialect, FileReport } from '$lib/ingest/types';

/** Whether a picked file can still be read (its first byte). */
async function readsStill(file: File): Promise<boolean> {
  try {
    await file.slice(0, 1).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

export class Loads {
  reports = $state<FileReport[]>([]);
  /** True while the embedded demo data is what is shown. */
  demo = $state(false);
  /** True when the page opened with a publisher's baked-in data (dropped files add to it). */
  published = $state(false);
  /** The site's data was published without its staging tables: files dropped on it replace it (as with the demo). */
  sealed = $state(false);
  /** Keep dropped files on this device so a reload restores them (off where the browser has no OPFS). */
  persist = true;
  /** Set when keeping a file on the device failed (quota, private mode): the page says so. */
  storeError = $state<string | null>(null);
  /** Set at startup when kept files did not come back whole (a page closed mid-save): the page says which. */
  storeNotice = $state<string | null>(null);
  /** Work in flight anywhere on the page (loads, view queries); the root shows busy while > 0. */
  pending = $state(0);
  engineError = $state<string | null>(null);

  /**
   * Settles when a snapshot's tables are in the engine. The page may open on the snapshot's baked results
   * before that; anything that reads or replaces tables waits for it.
   */
  restoring: Promise<void> = Promise.resolve();

  #files = new Map<number, File>();
  /** The device-store entry of each kept file. */
  #stored = new Map<number, string>();
  #controllers = new Map<number, AbortController>();
  #nextId = 1;
  #queue: Promise<unknown> = Promise.resolve();

  readonly busy = $derived(this.pending > 0);
  readonly loaded = $derived(this.reports.filter((r) => r.stagingTable !== null));

  /** Count a piece of async work toward the page's busy state. */
  async track<T>(work: Promise<T>): Promise<T> {
    // Counting must not make the caller's effect depend on `pending` (it would re-run forever).
    untrack(() => this.pending++);
    try {
      return await work;
    } finally {
      untrack(() => this.pending--);
    }
  }

  /**
   * Load files. Dropped files are kept on the device (unless they came from it: `stored`), and replace the
   * demo; a publisher's data stays, with the new files on top.
   */
  async addFiles(files: File[], options: { demo?: boolean; stored?: StoredFile[] } = {}): Promise<void> {
    if (!files.length) return;
    if (!options.demo && (this.demo || this.sealed)) await this.clear(false);
    this.demo = options.demo ?? false;
    const jobs = files.map((file, i) => {
      const id = this.#nextId++;
      this.#files.set(id, file);
      this.reports.push(emptyReport(id, file));
      const entry = options.stored?.[i];
      if (entry) this.#stored.set(id, entry.stored);
      return { id, file, overrides: entry?.overrides };
    });
    if (!options.demo && !options.stored && this.persist) void this.#keep(jobs);
    await Promise.all(jobs.map(({ id, overrides }) => this.#enqueue(id, overrides)));
  }

  /** Reports of files that arrive already loaded (a published or demo snapshot), with their tables in the engine. */
  restore(reports: FileReport[], kind: 'demo' | 'published', sealed = false): void {
    this.demo = kind === 'demo';
    this.published = kind === 'published';
    this.sealed = sealed;
    this.reports = [...this.reports, ...reports];
    this.#nextId = Math.max(this.#nextId, ...reports.map((r) => r.id + 1));
  }

  async #keep(jobs: { id: number; file: File }[]): Promise<void> {
    let failed: unknown = null;
    for (const { id, file } of jobs) {
      if (file.size === 0) continue; // refused by the loader (empty, or gone since it was picked): nothing to keep
      try {
        const entry = await storeFile(file);
        if (!entry) return;
        // Removed while it was being stored: forget it again.
        if (this.#files.has(id)) this.#stored.set(id, entry.stored);
        else await removeStored(entry.stored);
      } catch (e) {
        // A file that cannot be read is not loaded either: its own report says so. But a save cut short by
        // the store (its quota) can reach us as the file's stream failing (NotReadableError): only when the
        // file itself no longer reads is it the file's fault, else the page must say it was not kept.
        if (!isUnreadable(e)) failed = e;
        else if (await readsStill(file)) failed = new Error('the browser stopped saving it part-way, most often for lack of space');
      }
    }
    this.storeError = failed
      ? `These files could not be kept on this device (${failed instanceof Error ? failed.message : String(failed)}); they stay loaded until the page is closed.`
      : null;
  }

  /** Read a file again with the dialect the user corrected. */
  reread(id: number, overrides: Partial<Dialect>): Promise<void> {
    const i = this.reports.findIndex((r) => r.id === id);
    const file = this.#files.get(id);
    if (i < 0 || !file) return Promise.resolve();
    const old = this.reports[i];
    if (old.stagingTable) void this.track(dropTable(old.stagingTable));
    this.reports[i] = { ...emptyReport(id, file), dialect: old.dialect };
    const stored = this.#stored.get(id);
    if (stored) void updateStored(stored, overrides).catch(() => {});
    return this.#enqueue(id, overrides);
  }

  /** Called after every load, re-read or removal settles (the data model syncs then). */
  onSettled: (() => void) | null = null;

  /** Which canonical table a file was recognised as (shown in its report and its hook). */
  setTable(id: number, table: FileReport['table'], family?: FileReport['family']): void {
    const r = this.reports.find((x) => x.id === id);
    if (r && (r.table !== table || (family && r.family?.summary !== family.summary))) this.#patch(id, { table, ...(family ? { family } : {}) });
  }

  cancel(id: number): void {
    this.#controllers.get(id)?.abort();
  }

  /**
   * Remove a file; the model rebuilds once no load is in flight (a batch still loading settles by itself).
   * Busy from the click to the rebuild, with no gap: the page never says "ready" between the two.
   */
  remove(id: number, settle = true): Promise<void> {
    // Sealed data has no staging tables to rebuild the rest from: its files go together.
    if (this.sealed) return this.clear(settle);
    return this.track(this.#remove(id, settle));
  }

  async #remove(id: number, settle: boolean): Promise<void> {
    await this.restoring.catch(() => {});
    this.cancel(id);
    const r = this.reports.find((x) => x.id === id);
    this.reports = this.reports.filter((x) => x.id !== id);
    this.#files.delete(id);
    const stored = this.#stored.get(id);
    this.#stored.delete(id);
    if (stored) await removeStored(stored).catch(() => {});
    if (r?.stagingTable) await dropTable(r.stagingTable);
    // The rebuild starts counting before this removal stops counting.
    if (settle && this.#controllers.size === 0) this.onSettled?.();
  }

  /**
   * Remove every file, with one rebuild at the end (`settle`), or none when new files follow at once: a
   * rebuild per removal would compete with the new files' loads for the one engine thread.
   */
  clear(settle = true): Promise<void> {
    return this.track(
      (async () => {
        // All at once: one change to the page and one engine batch, not a re-render and a drop per file.
        await this.restoring.catch(() => {});
        const gone = this.reports;
        for (const r of gone) this.cancel(r.id);
        this.reports = [];
        const stored = gone.map((r) => this.#stored.get(r.id)).filter((s): s is string => s !== undefined);
        for (const r of gone) {
          this.#files.delete(r.id);
          this.#stored.delete(r.id);
        }
        await Promise.all(stored.map((s) => removeStored(s).catch(() => {})));
        await dropTables(gone.flatMap((r) => (r.stagingTable ? [r.stagingTable] : [])));
        // Nothing is shown any more: neither the demo nor a publisher's data.
        this.published = false;
        this.demo = false;
        this.sealed = false;
        if (settle && this.#controllers.size === 0) this.onSettled?.();
      })()
    );
  }

  /** Whether a file can be read again (its bytes are here: not for files restored from a snapshot). */
  canReread(id: number): boolean {
    return this.#files.has(id);
  }

  #enqueue(id: number, overrides?: Partial<Dialect>): Promise<void> {
    const controller = new AbortController();
    this.#controllers.set(id, controller);
    untrack(() => this.pending++);
    const run = async () => {
      try {
        const file = this.#files.get(id);
        if (!file) return;
        const t0 = performance.now();
        const report = await loadFile({
          id,
          file,
          overrides,
          signal: controller.signal,
          onProgress: (bytes) => this.#patch(id, { progress: bytes })
        });
        performance.measure(`cadence:load ${file.name}`, { start: t0 }); // read by the benchmark's profile
        // The file may have been removed while it loaded.
        if (!this.#files.has(id)) {
          if (report.stagingTable) await dropTable(report.stagingTable);
          return;
        }
        this.#patch(id, report);
      } finally {
        this.#controllers.delete(id);
        // Settle once the last queued load is done (one rebuild for a batch of files, not one per file),
        // and before this load stops counting, so the rebuild is busy without a gap.
        if (this.#controllers.size === 0) this.onSettled?.();
        untrack(() => this.pending--);
      }
    };
    const job = this.#queue.then(run, run);
    this.#queue = job.catch(() => {});
    return job;
  }

  #patch(id: number, patch: Partial<FileReport>): void {
    const i = this.reports.findIndex((r) => r.id === id);
    if (i >= 0) this.reports[i] = { ...this.reports[i], ...patch };
  }
}
