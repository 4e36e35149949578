/**
 * Fields a view needs that a file's mapping leaves out. A view that cannot be computed from what was mapped
 * says which field, in which file, instead of showing an empty chart or a 0 that is not in the data.
 */
import { tableSpec, type CanonicalTable } from './schema';
import type { FieldMap } from './recognize';

export type ViewTab = 'meetings' | 'oneonone' | 'goals' | 'outcomes';

export interface MissingField {
  table: CanonicalTable;
  field: string;
  label: string;
  file: string;
  /** The views that cannot be computed (or only in part) without it. */
  views: ViewTab[];
  /** What is missing and what it costs, in plain words. */
  message: string;
}

interface Need {
  table: CanonicalTable;
  field: string;
  /** Any of these fields serves (e.g. progress from a percent, or from current and target values). */
  anyOf: string[][];
  views: ViewTab[];
  cost: string;
}

const NEEDS: Need[] = [
  { table: 'meetings', field: 'start', anyOf: [['start']], views: ['meetings', 'oneonone'], cost: 'its meetings have no date, so no week, window or 1:1 streak can count them' },
  { table: 'meetings', field: 'organizer', anyOf: [['organizer'], ['manager'], ['csm'], ['attendees']], views: ['oneonone'], cost: 'no one is named on its meetings, so no 1:1 and no CSM can be told' },
  { table: 'outcomes', field: 'progress_pct', anyOf: [['progress_pct'], ['current_value', 'target_value']], views: ['meetings', 'outcomes'], cost: 'its outcomes have no progress, so progress gained cannot be measured' },
  { table: 'outcomes', field: 'account', anyOf: [['account']], views: ['meetings', 'outcomes'], cost: 'its outcomes belong to no account, so they cannot be set beside the account’s meetings' },
  { table: 'goals', field: 'progress_pct', anyOf: [['progress_pct'], ['current_value', 'target_value']], views: ['goals'], cost: 'its goals have no progress, so neither progress nor pacing can be shown' },
  { table: 'goals', field: 'owner', anyOf: [['owner']], views: ['goals'], cost: 'its goals have no owner, so they cannot be shown per CSM or team' }
];

export function missingFields(files: { file: string; mapping: { table: CanonicalTable | 'unknown'; fields: FieldMap } }[]): MissingField[] {
  const out: MissingField[] = [];
  for (const f of files) {
    if (f.mapping.table === 'unknown') continue;
    for (const need of NEEDS.filter((n) => n.table === f.mapping.table)) {
      if (need.anyOf.some((set) => set.every((field) => f.mapping.fields[field]))) continue;
      const label = tableSpec(need.table).fields.find((x) => x.field === need.field)?.label ?? need.field;
      out.push({ table: need.table, field: need.field, label, file: f.file, views: need.views, message: `${f.file} has no column mapped to “${label}”: ${need.cost}.` });
    }
  }
  return out;
}
