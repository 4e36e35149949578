/**
 * The data model the views read: which canonical table each loaded file feeds, through which mapping,
 * and the result of the last rebuild. Rebuilds run one at a time; the page is busy while one runs.
 */
import { buildModel, dateOrderStats, percentScale, sampleColumns, type BuildResult } from '$lib/model/build';
import { headerSignature, recognize, type Recognition } from '$lib/model/recognize';
import { savedMapping, saveMapping } from '$lib/model/savedMappings';
import { tableSpec, type CanonicalTable } from '$lib/model/schema';
import { decideDateOrder, type DateOrder, type DateOrderDecision } from '$lib/normalize/dateOrder';
import { DEFAULT_OPTIONS, type FileMapping } from '$lib/normalize/views';
import type { FileReport, TableKind } from '$lib/ingest/types';
import type { Loads } from './loads.svelte';

export interface FileModel {
  id: number;
  file: string;
  staging: string;
  columns: string[];
  signature: string;
  recognition: Recognition;
  mapping: FileMapping;
  /** Where the mapping came from: recognised now, remembered from an earlier file of this layout, or edited. */
  origin: 'recognized' | 'remembered' | 'edited';
  /** How each date column's day/month order was decided (and the question, when it could not be). */
  dateDecisions: Record<string, DateOrderDecision>;
  /** A few values per column, for the mapping screen. */
  samples: Record<string, string[]>;
}

const locale = () => (typeof navigator === 'undefined' ? 'en-US' : navigator.language);

/** Minutes per unit of a bare number in a duration column, from its header. */
export function durationUnitOf(header: string): number {
  if (/sec/i.test(header)) return 1 / 60;
  if (/hour|hrs|\(h\)|stunden/i.test(header)) return 60;
  return 1;
}

export class DataModel {
  files = $state<FileModel[]>([]);
  result = $state<BuildResult | null>(null);
  /** Bumped after every rebuild: views re-query when it changes. */
  revision = $state(0);
  error = $state<string | null>(null);

  #queue: Promise<unknown> = Promise.resolve();

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
          const fm = await this.#analyse(report);
          this.files = [...this.files.filter((f) => f.id !== report.id), fm];
        }
      }
      await this.#rebuild();
    });
  }

  /** Apply the user's change to a file's mapping, remember it for this layout, rebuild. */
  update(id: number, change: (m: FileMapping) => FileMapping): Promise<void> {
    return this.#serial(async () => {
      const i = this.files.findIndex((f) => f.id === id);
      if (i < 0) return;
      const mapping = change(structuredClone($state.snapshot(this.files[i].mapping)) as FileMapping);
      saveMapping(this.files[i].signature, mapping);
      this.files[i] = { ...this.files[i], mapping, origin: 'edited' };
      await this.#rebuild();
    });
  }

  setTable(id: number, table: CanonicalTable | 'unknown'): Promise<void> {
    const f = this.files.find((x) => x.id === id);
    if (!f) return Promise.resolve();
    return this.#serial(async () => {
      const mapping = await this.#mappingFor(f.staging, f.columns, table, f.recognition, f.mapping.options.decimalComma);
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
    return this.update(id, (m) => ({ ...m, options: { ...m.options, dateOrders: { ...m.options.dateOrders, [column]: order } } }));
  }

  /** Jobs run one after another; each counts as busy from the moment it is queued. */
  #serial(job: () => Promise<void>): Promise<void> {
    const next = this.loads.track(this.#queue.then(job, job));
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

  async #analyse(report: FileReport): Promise<FileModel> {
    const staging = report.stagingTable!;
    const columns = report.columns.map((c) => c.name);
    const samples = await sampleColumns(staging, columns);
    const recognition = recognize(samples);
    const signature = headerSignature(columns);
    const remembered = savedMapping(signature);
    const decimalComma = report.dialect?.decimalComma ?? false;
    const { mapping, decisions } = remembered
      ? { mapping: remembered, decisions: await this.#dateDecisions(staging, remembered) }
      : await this.#mappingFor(staging, columns, recognition.table, recognition, decimalComma);
    return {
      id: report.id,
      file: report.file,
      staging,
      columns,
      signature,
      recognition,
      mapping,
      origin: remembered ? 'remembered' : 'recognized',
      dateDecisions: decisions,
      samples: Object.fromEntries(samples.map((s) => [s.name, [...new Set(s.values)].slice(0, 3)]))
    };
  }

  /** A fresh mapping for a table: recognised fields, then what the values decide (date order, units). */
  async #mappingFor(staging: string, columns: string[], table: CanonicalTable | 'unknown', recognition: Recognition, decimalComma: boolean) {
    if (table === 'unknown') return { mapping: { table, fields: {}, options: { ...DEFAULT_OPTIONS, decimalComma } }, decisions: {} };
    const { mapFields } = await import('$lib/model/recognize');
    const fields = recognition.table === table ? recognition.fields : mapFields(table, columns.map((name) => ({ name, values: [] })));
    const mapping: FileMapping = { table, fields, options: { ...DEFAULT_OPTIONS, decimalComma } };
    const decisions = await this.#dateDecisions(staging, mapping);
    mapping.options.dateOrders = Object.fromEntries(Object.entries(decisions).map(([c, d]) => [c, d.order]));
    if (fields.duration) mapping.options.durationUnit = durationUnitOf(fields.duration);
    if (fields.progress_pct) mapping.options.percentScale = await percentScale(staging, fields.progress_pct, decimalComma);
    return { mapping, decisions };
  }

  async #dateDecisions(staging: string, mapping: FileMapping): Promise<Record<string, DateOrderDecision>> {
    if (mapping.table === 'unknown') return {};
    const spec = tableSpec(mapping.table);
    const dateColumns = spec.fields.filter((f) => f.kind === 'datetime' && mapping.fields[f.field]).map((f) => mapping.fields[f.field]);
    const out: Record<string, DateOrderDecision> = {};
    for (const column of new Set(dateColumns)) {
      const decision = decideDateOrder(await dateOrderStats(staging, column), locale());
      const chosen = mapping.options.dateOrders[column];
      out[column] = chosen && chosen !== decision.order && decision.question ? { ...decision, order: chosen, reason: 'answered' } : decision;
    }
    return out;
  }

  async #rebuild() {
    this.error = null;
    const result = await buildModel(
      this.files.map((f) => ({ src: { id: f.id, file: f.file, staging: f.staging, layout: f.signature }, mapping: $state.snapshot(f.mapping) as FileMapping }))
    );
    for (const f of this.files) this.loads.setTable(f.id, f.mapping.table as TableKind);
    this.result = result;
    this.revision++;
  }
}
