/**
 * Which canonical table a file is, and which of its columns feeds each canonical field, from its headers
 * and a sample of its values. Pure: the caller supplies the sample.
 */
import { TABLES, normalizeHeader, type CanonicalTable, type FieldSpec } from './schema';

export interface ColumnSample {
  name: string;
  values: string[]; // non-empty sample values
}

/** Canonical field → source column name. */
export type FieldMap = Record<string, string>;

export interface Recognition {
  table: CanonicalTable | 'unknown';
  /** 0–1: how clearly the best table beats the others (and how much evidence there is). */
  confidence: number;
  scores: Record<CanonicalTable, number>;
  fields: FieldMap;
  /** When recognition is unsure (the page asks instead of picking): the table it looks most like. */
  guess?: CanonicalTable;
  /** Each table's mapping, so a table the user picks gets the columns that fit it. */
  candidates?: Record<CanonicalTable, FieldMap>;
}

const TIME_ONLY = /^\s*\d{1,2}:\d{2}(:\d{2})?\s*([AaPp]\.?[Mm]\.?)?\s*$/;
const HAS_DATE = /\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|^\s*\d{5}(\.\d+)?\s*$|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2}[- ][A-Za-z]{3,9}[- ]\d{2,4}/;
const AGENDA_WORDS = /goal|performance|metric|blocker|bottleneck|challenge|customer|account|escalat|coach|feedback|career|growth|development|promotion|ziel|kunde|karriere|entwicklung|objectif|carri[eè]re/i;
const KIND_WORDS = /^(1:1|1-1|1on1|one[- ]on[- ]one|customer|client|external|internal|team|1:1 meeting)$/i;
const CHANNEL_WORDS = /^(email|e-mail|call|phone|meeting|video|task|chat|slack|async|self[- ]service|webinar|in[- ]person|zoom|teams)$/i;

const NUMBER_LIKE = /^\s*[-+(]?\s*[$€£¥]?\s*\d[\d.,\s']*\s*(%|[kKmM])?\)?\s*$/;
const BOOLEAN_LIKE = /^(true|false|yes|no|y|n|t|f|1|0|x|✓|✔|on|off|ja|nein|oui|non|si|sí|sim|não|wahr|falsch|vrai|faux|ein|aus|verdadero|falso|vero|waar|onwaar|verdadeiro)$/i;
const share = (values: string[], test: (v: string) => boolean) => (values.length ? values.filter(test).length / values.length : 0);

/** Whether a column's values fit the field, for headers that several fields claim. */
function fits(field: FieldSpec, col: ColumnSample): boolean {
  const v = col.values;
  if (!v.length) return true;
  switch (field.kind) {
    case 'time':
      return share(v, (x) => TIME_ONLY.test(x)) >= 0.8;
    case 'datetime':
      return share(v, (x) => HAS_DATE.test(x)) >= 0.5;
    case 'agenda':
      return share(v, (x) => AGENDA_WORDS.test(x)) >= 0.3 && share(v, (x) => KIND_WORDS.test(x.trim())) < 0.5;
    case 'kind':
      return share(v, (x) => KIND_WORDS.test(x.trim())) >= 0.5;
    case 'channel':
      return share(v, (x) => CHANNEL_WORDS.test(x.trim())) >= 0.5;
    case 'number':
    case 'percent':
      // "Start" is a start value in an OKR export and a start date elsewhere: the values decide.
      return share(v, (x) => NUMBER_LIKE.test(x)) >= 0.8;
    case 'boolean':
      return share(v, (x) => BOOLEAN_LIKE.test(x.trim())) >= 0.8;
    case 'person':
    case 'people':
      return share(v, (x) => /[A-Za-z]/.test(x)) >= 0.5; // a count of participants is not a list of people
    default:
      return true;
  }
}

/** Map columns to one table's fields: exact synonym matches, each field and column used at most once. */
export function mapFields(table: CanonicalTable, columns: ColumnSample[]): FieldMap {
  const spec = TABLES.find((t) => t.table === table)!;
  const fields: FieldMap = {};
  const used = new Set<string>();
  // Pass 1: a header equal to a synonym whose values fit. Pass 2: a time-only "Start Time" with a full
  // timestamp in it (Zoom) is the start itself; a "Categories" column with no agenda words may be the kind.
  for (const col of columns) {
    const key = normalizeHeader(col.name);
    const candidates = spec.fields.filter((f) => f.synonyms.includes(key) && !(f.field in fields));
    const field = candidates.find((f) => fits(f, col)) ?? fallback(spec.fields, candidates, col, fields);
    if (field && !used.has(col.name)) {
      fields[field.field] = col.name;
      used.add(col.name);
    }
  }
  return fields;
}

function fallback(all: FieldSpec[], candidates: FieldSpec[], col: ColumnSample, taken: FieldMap): FieldSpec | undefined {
  for (const c of candidates) {
    if (c.kind === 'time') {
      const full = all.find((f) => f.field === c.field.replace('_time', '') && !(f.field in taken));
      if (full && fits(full, col)) return full;
    }
    if (c.kind === 'agenda' || c.kind === 'channel') {
      const kind = all.find((f) => f.kind === 'kind' && !(f.field in taken));
      if (kind && fits(kind, col)) return kind;
    }
  }
  return undefined;
}

export function scoreTable(table: CanonicalTable, fields: FieldMap): number {
  const spec = TABLES.find((t) => t.table === table)!;
  return spec.fields.filter((f) => f.field in fields).reduce((s, f) => s + f.weight, 0);
}

/** Below this score a file is "unknown": a couple of generic columns are no evidence. */
export const MIN_SCORE = 5;

/**
 * Below this confidence the page asks which table a file holds instead of picking one: two tables fit
 * about as well, or there is little evidence at all (a file read at "0% sure" was the defect).
 */
export const UNSURE_BELOW = 0.1;

export function recognize(columns: ColumnSample[]): Recognition {
  const maps = Object.fromEntries(TABLES.map((t) => [t.table, mapFields(t.table, columns)])) as Record<CanonicalTable, FieldMap>;
  const scores = Object.fromEntries(TABLES.map((t) => [t.table, scoreTable(t.table, maps[t.table])])) as Record<CanonicalTable, number>;
  const ranked = (Object.keys(scores) as CanonicalTable[]).sort((a, b) => scores[b] - scores[a]);
  const [best, second] = ranked;
  if (scores[best] < MIN_SCORE) return { table: 'unknown', confidence: 0, scores, fields: {}, candidates: maps };
  const margin = (scores[best] - scores[second]) / scores[best];
  const evidence = Math.min(1, scores[best] / 10);
  const confidence = Math.round(margin * evidence * 100) / 100;
  if (confidence < UNSURE_BELOW) return { table: 'unknown', confidence, scores, fields: {}, guess: best, candidates: maps };
  return { table: best, confidence, scores, fields: maps[best], candidates: maps };
}

/** The export layout's identity: the same headers in any order give the same signature. */
export function headerSignature(headers: string[]): string {
  return [...headers].map(normalizeHeader).sort().join('|');
}
