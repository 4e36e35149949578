/** DataTable columns built from the figures registry, so every header carries its definition on hover. */
import { figure, FORMATS, type Figure } from '$lib/metrics/registry';
import type { Column } from './table';

export interface ColumnOptions {
  /** Whether the loaded exports carry what a figure needs (else it reads "not in your export"). */
  available?: (f: Figure) => boolean;
  /** Figures of long text (notes), clamped in their cells with a button to read them all. */
  long?: readonly string[];
}

export function columnFor<T extends Record<string, unknown>>(id: string, opts: ColumnOptions = {}): Column<T> {
  const f = figure(id);
  if (f.column === null) throw new Error(`Figure "${id}" is a term, not a column`);
  const format = FORMATS[f.format];
  return {
    key: f.column,
    label: f.label,
    help: f.definition,
    align: f.unit === 'text' || f.unit === 'date' || f.unit === 'yes/no' ? 'left' : 'right',
    ...(f.unit === 'date' ? { nowrap: true } : {}),
    format: (v, row) => format(v, row),
    ...(opts.available ? { available: opts.available(f) } : {}),
    ...(opts.long?.includes(id) ? { long: true } : {})
  };
}

/** The columns of a table, in order, by figure id. */
export function columnsFor<T extends Record<string, unknown>>(ids: readonly string[], opts: ColumnOptions = {}): Column<T>[] {
  return ids.map((id) => columnFor<T>(id, opts));
}
