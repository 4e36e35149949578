/**
 * The data model the views read: which canonical table each loaded file feeds, through which mapping,
 * and the result of the last rebuild. Rebuilds run one at a time; the page is busy while one runs.
 */
import { buildModel, dateDecisions, proposeMapping, type BuildResult } from '$lib/model/build';
import { analyseFile, type FileModel } from '$lib/model/analyse';
import { saveAgendaWords, savedAgendaWords, saveMapping } from '$lib/model/savedMappings';
import { DEFAULT_AGENDA_WORDS, type AgendaWords } from '$lib/normalize/vocab';
import { tableSpec, type CanonicalTable } from '$lib/model/schema';
import type { DateOrder, DateOrderDecision } from '$lib/normalize/dateOrder';
import type { FileMapping } from '$lib/normalize/views';
import type { TableKind } from '$lib/ingest/types';
import type { Loads } from './loads.svelte';
import { ResultCache } from './resultCache';
import { detachPartitioned } from '$lib/engine/partitions';

export type { FileModel };


/** What a change to sealed data says (see share/snapshot.ts). */
export const SEALED_MESSAGE =
  'This data was published without its source rows, so its mappings and agenda keywords cannot change here: change them in a page with the exports dropped, put the mappings file it downloads into the exports folder, and publish again.';

const locale = () => (typeof navigator === 'undefined' ? 'en-US' : navigator.language);

export class DataModel {
  files = $state<FileModel[]>([]);
  result = $state<BuildResult | null>(null);
  /** Bumped after every rebuild: views re-query when it changes. */
  revision = $state(0);
  error = $state<string | null>(null);
  /** The files came from a snapshot made without their staging tables (the loads say so): their mappings cannot change here. */
  get sealed(): boolean {
    return this.loads.sealed;
  }
  /** Keywords that mark each of the five 1:1 agenda items, editable and remembered on this device. */
  agendaWords = $state<AgendaWords>({ ...DEFAULT_AGENDA_WORDS, ...(savedAgendaWords<AgendaWords>() ?? {}) });

  #queue: Promise<unknown> = Promise.resolve();
  /** Recent view results by view, revision and filters (so a view seen before is instant). */
  readonly results = new ResultCache();

  constructor(private loads: Loads) {}

  readonly byTable = $derived(
    (['meetings', 'goals', 'outcomes', 'people', 'accounts'] as CanonicalTable[]).map((table) => ({
      table,
      label: tableSpec(table).label,
      files: this.files.filter((f) => f.mapping.table === table),
      rows: this.result?.rows[table] ?? 0
    }))
  );

  /** Bring the model in line with the loaded files (new ones analysed, removed ones dropped), then rebuild. */
  sync(): Promise<void> {
    return this.#serial(async () => {
      const loaded = this.loads.loaded.filter((r) => r.stagingTable);
      const keep = new Set(loaded.map((r) => `${r.id}:${r.stagingTable}`));
      this.files = this.files.filter((f) => keep.has(`${f.id}:${f.staging}`));
      for (const report of loaded) {
        if (!this.files.some((f) => f.id === report.id && f.staging === report.stagingTable)) {
          const t0 = performance.now();
          const fm = await analyseFile(report, locale());
          performance.measure(`cadence:analyse ${report.file}`, { start: t0 }); // read by the benchmark's profile
          this.files = [...this.files.filter((f) => f.id !== report.id), fm];
        }
      }
      await this.#rebuild();
    });
  }

  /**
   * Show a snapshot's model at once, its tables still on their way into the engine (loads.restoring): the
   * views answer from the results it carries (`results`) and their queries wait for the tables.
   */
  show(files: FileModel[], result: BuildResult, agendaWords: AgendaWords): void {
    this.files = [...this.files, ...files];
    if (!savedAgendaWords()) this.agendaWords = agendaWords;
    this.result = result;
    this.revision++;
  }

  /**
   * Drop every file and the build result, with no rebuild: the next data replaces the tables whole (Forget
   * data). Queued like a rebuild, so no build still in flight writes tables while the new ones come in.
   */
  clear(): Promise<void> {
    return this.#serial(async () => {
      this.files = [];
      this.result = null;
      this.error = null;
      this.revision++;
    });
  }

  /** Settles when the tables are in the engine (see show). */
  tablesReady(): Promise<void> {
    return this.loads.restoring;
  }

  /** Take over a snapshot's model whose tables are already in the engine (nothing is rebuilt). */
  restore(files: FileModel[], result: BuildResult, agendaWords: AgendaWords): Promise<void> {
    return this.#serial(async () => this.show(files, result, agendaWords));
  }

  /** Apply the user's change to a file's mapping, remember it for this layout, rebuild. */
  update(id: number, change: (m: FileMapping) => FileMapping): Promise<void> {
    return this.#rebuilding(async () => {
      const i = this.files.findIndex((f) => f.id === id);
      if (i < 0) return;
      const mapping = change(structuredClone($state.snapshot(this.files[i].mapping)) as FileMapping);
      const decisions = await dateDecisions(this.files[i].staging, mapping, locale());
      await this.#commit(id, mapping, decisions);
    });
  }

  setTable(id: number, table: CanonicalTable | 'unknown'): Promise<void> {
    const f = this.files.find((x) => x.id === id);
    if (!f) return Promise.resolve();
    return this.#rebuilding(async () => {
      const mapping = await proposeMapping(f.staging, f.columns, table, f.recognition, f.mapping.options.decimalComma, locale());
      await this.#commit(id, mapping.mapping, mapping.decisions);
    });
  }

  setField(id: number, field: string, column: string | null): Promise<void> {
    return this.update(id, (m) => {
      const fields = { ...m.fields };
      if (column) fields[field] = column;
      else delete fields[field];
      return { ...m, fields };
    });
  }

  setDateOrder(id: number, column: string, order: DateOrder): Promise<void> {
    return this.update(id, (m) => ({
      ...m,
      options: {
        ...m.options,
        dateOrders: { ...m.options.dateOrders, [column]: order },
        confirmedDateOrders: [...new Set([...(m.options.confirmedDateOrders ?? []), column])]
      }
    }));
  }

  /** Jobs run one after another; each counts as busy from the moment it is queued. */
  setAgendaWords(words: AgendaWords): Promise<void> {
    return this.#rebuilding(async () => {
      this.agendaWords = words;
      saveAgendaWords(words);
      await this.#rebuild();
    });
  }

  /** A change that rebuilds from the staging tables, which sealed data does not have. */
  #rebuilding(job: () => Promise<void>): Promise<void> {
    if (this.sealed) {
      this.error = SEALED_MESSAGE;
      return Promise.resolve();
    }
    return this.#serial(job);
  }

  #serial(job: () => Promise<void>): Promise<void> {
    const after = Promise.all([this.#queue, this.loads.restoring.catch(() => {})]);
    const next = this.loads.track(after.then(job, job));
    this.#queue = next.catch((e) => {
      this.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    });
    return this.#queue as Promise<void>;
  }

  async #commit(id: number, mapping: FileMapping, decisions: Record<string, DateOrderDecision>) {
    const i = this.files.findIndex((f) => f.id === id);
    if (i < 0) return;
    saveMapping(this.files[i].signature, mapping);
    this.files[i] = { ...this.files[i], mapping, dateDecisions: decisions, origin: 'edited' };
    await this.#rebuild();
  }

  async #rebuild() {
    const t0 = performance.now();
    try {
      await this.#build();
    } catch (e) {
      // The views must not go on showing the tables of an earlier build as if they were these files'.
      this.result = null;
      this.revision++;
      const text = e instanceof Error ? e.message : String(e);
      if (/out of memory/i.test(text)) {
        throw new Error(
          `The engine ran out of memory building the tables from these files (${text.split('\n')[0]}). A browser tab holds about 2.5 million meetings: remove a file or export a shorter period, or publish the files (see the README): a published page reads its meetings in parts and opens 10 million.`,
          { cause: e }
        );
      }
      throw e;
    } finally {
      performance.measure('cadence:build', { start: t0 }); // read by the benchmark's profile
    }
  }

  async #build() {
    this.error = null;
    // The build replaces every table whole: none is read in parts any more.
    detachPartitioned();
    const result = await buildModel(
      this.files.map((f) => ({ src: { id: f.id, file: f.file, staging: f.staging, layout: f.signature }, mapping: $state.snapshot(f.mapping) as FileMapping })),
      undefined,
      $state.snapshot(this.agendaWords) as AgendaWords
    );
    for (const f of this.files) this.loads.setTable(f.id, f.mapping.table as TableKind, f.family);
    this.result = result;
    this.revision++;
  }
}
