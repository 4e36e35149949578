/**
 * Runs the normalization against the engine: samples columns for recognition, measures what the mapping
 * needs to decide (date order, percent scale), and (re)builds the canonical tables from the mapped files.
 */
import { exec as engineExec, query as engineQuery, ident, startEngine, type Row } from '$lib/engine';
import { ISO_TS_RE, MACROS } from '$lib/normalize/macros';
import { FileSql, DEFAULT_OPTIONS, canonicalSql, fileViewSql, unparsedSql, type FileMapping, type FileSource } from '$lib/normalize/views';
import { MEETING_STATUS, vocabCase, type AgendaWords } from '$lib/normalize/vocab';
import { decideDateOrder, type DateOrderDecision, type DateOrderStats } from '$lib/normalize/dateOrder';
import { TABLES, tableSpec, type CanonicalTable } from './schema';
import { mapFields, type ColumnSample, type Recognition } from './recognize';

/** Where the SQL runs: the page's engine, or (in unit tests) the same engine in Node. */
export interface Db {
  query(sql: string): Promise<Row[]>;
  exec(sql: string): Promise<void>;
}
const engine: Db = { query: engineQuery, exec: engineExec };

/** Macros installed, per engine instance (the page's engine is keyed by the instance running, which the publish script can switch). */
const installed = new WeakMap<object, Promise<void>>();
export async function ensureMacros(db: Db = engine): Promise<void> {
  const key: object = db === engine ? await startEngine() : db;
  let p = installed.get(key);
  if (!p) {
    p = db.exec(MACROS.join(';\n'));
    p.catch(() => installed.delete(key));
    installed.set(key, p);
  }
  return p;
}

/** Minutes per unit of a bare number in a duration column, from its header. */
export function durationUnitOf(header: string): number {
  if (/sec/i.test(header)) return 1 / 60;
  if (/hour|hrs|\(h\)|stunden/i.test(header)) return 60;
  return 1;
}

/** How each mapped date column's day/month order reads, keeping answers the user already gave. */
export async function dateDecisions(staging: string, mapping: FileMapping, locale: string, db: Db = engine): Promise<Record<string, DateOrderDecision>> {
  if (mapping.table === 'unknown') return {};
  const spec = tableSpec(mapping.table);
  const columns = new Set(spec.fields.filter((f) => f.kind === 'datetime' && mapping.fields[f.field]).map((f) => mapping.fields[f.field]));
  const out: Record<string, DateOrderDecision> = {};
  for (const column of columns) {
    const decision = decideDateOrder(await dateOrderStats(staging, column, db), locale);
    const chosen = mapping.options.dateOrders[column];
    const confirmed = mapping.options.confirmedDateOrders?.includes(column) ?? false;
    out[column] = chosen && confirmed ? { ...decision, order: chosen, reason: 'answered' } : decision;
  }
  return out;
}

/** A fresh mapping of a staging table onto `table`: recognised fields, then what the values decide. */
export async function proposeMapping(
  staging: string,
  columns: string[],
  table: CanonicalTable | 'unknown',
  recognition: Recognition,
  decimalComma: boolean,
  locale: string,
  db: Db = engine
): Promise<{ mapping: FileMapping; decisions: Record<string, DateOrderDecision> }> {
  const options = { ...DEFAULT_OPTIONS, decimalComma };
  if (table === 'unknown') return { mapping: { table, fields: {}, options }, decisions: {} };
  const fields = recognition.table === table ? recognition.fields : (recognition.candidates?.[table] ?? mapFields(table, columns.map((name) => ({ name, values: [] }))));
  const mapping: FileMapping = { table, fields, options };
  const decisions = await dateDecisions(staging, mapping, locale, db);
  mapping.options.dateOrders = Object.fromEntries(Object.entries(decisions).map(([c, d]) => [c, d.order]));
  if (fields.duration) mapping.options.durationUnit = durationUnitOf(fields.duration);
  if (fields.progress_pct) mapping.options.percentScale = await percentScale(staging, fields.progress_pct, decimalComma, db);
  return { mapping, decisions };
}

/** Up to `n` non-empty values per column, from the first rows of a staging table. */
export async function sampleColumns(table: string, columns: string[], n = 300, db: Db = engine): Promise<ColumnSample[]> {
  const rows = await db.query(`SELECT * FROM ${ident(table)} LIMIT ${n}`);
  return columns.map((name) => ({
    name,
    values: rows.map((r) => r[name]).filter((v): v is string => typeof v === 'string' && v.trim() !== '')
  }));
}

/** Rows, rows with no value in `column` (an empty Salesforce lookup included), and rows whose status reads as held. */
export async function familyCounts(table: string, account: string | undefined, status: string | undefined, db: Db = engine): Promise<{ rows: number; noAccount: number; held: number }> {
  await ensureMacros(db);
  const blank = account ? `count(*) FILTER (cad_id(cad_text(${ident(account)})) IS NULL)` : '0';
  const held = status ? `count(*) FILTER (${vocabCase(ident(status), MEETING_STATUS)} = 'held')` : 'count(*)';
  const [r] = await db.query(`SELECT count(*)::INTEGER AS rows, (${blank})::INTEGER AS no_account, (${held})::INTEGER AS held FROM ${ident(table)}`);
  return { rows: Number(r.rows), noAccount: Number(r.no_account), held: Number(r.held) };
}

export async function dateOrderStats(table: string, column: string, db: Db = engine): Promise<DateOrderStats> {
  await ensureMacros(db);
  const c = ident(column);
  // Plain ISO values are year-first by their shape; only the others are split into parts (the slow part).
  const [r] = await db.query(`
    WITH x AS (SELECT ${c} AS v, coalesce(regexp_full_match(${c}, '${ISO_TS_RE}'), false) AS iso FROM ${ident(table)} WHERE ${c} IS NOT NULL),
    p AS (SELECT iso, CASE WHEN NOT iso THEN cad_dt_parts(v) END AS p, CASE WHEN NOT iso THEN trim(v) END AS v FROM x WHERE iso OR trim(v) <> '')
    SELECT count(*) FILTER (iso)::INTEGER AS iso_n,
      count(*) FILTER (p.a <> '')::INTEGER AS n,
      count(*) FILTER (length(p.a) = 4)::INTEGER AS year_first,
      count(*) FILTER (length(p.a) <= 2 AND TRY_CAST(nullif(p.a, '') AS INTEGER) > 12)::INTEGER AS first12,
      count(*) FILTER (length(p.a) <= 2 AND TRY_CAST(nullif(p.b, '') AS INTEGER) > 12)::INTEGER AS second12,
      count(*) FILTER (length(p.a) <= 2 AND regexp_matches(v, '^\\d{1,2}\\.\\d{1,2}\\.\\d'))::INTEGER AS dotted,
      min(v) FILTER (length(p.a) <= 2 AND p.a <> p.b AND TRY_CAST(nullif(p.a, '') AS INTEGER) <= 12 AND TRY_CAST(nullif(p.b, '') AS INTEGER) <= 12) AS example
    FROM p`);
  return {
    column,
    values: Number(r.iso_n) + Number(r.n),
    yearFirst: Number(r.iso_n) + Number(r.year_first),
    firstAbove12: Number(r.first12),
    secondAbove12: Number(r.second12),
    dotted: Number(r.dotted),
    example: r.example === null ? null : String(r.example).split(/[ T]/)[0]
  };
}

/** 100 when a percent column holds fractions (all values ≤ 1, no % sign), else 1. */
export async function percentScale(table: string, column: string, decimalComma: boolean, db: Db = engine): Promise<number> {
  await ensureMacros(db);
  const c = ident(column);
  const [r] = await db.query(`SELECT bool_or(contains(${c}, '%')) AS pct, max(cad_number(${c}, ${decimalComma})) AS mx FROM ${ident(table)}`);
  return r.pct !== true && r.mx !== null && Number(r.mx) <= 1 ? 100 : 1;
}

export interface Unparsed {
  field: string;
  column: string;
  count: number;
  rows: number[];
  example: string | null;
}

export interface BuildResult {
  rows: Record<CanonicalTable, number>;
  /** Rows per source file that were duplicates of a meeting already counted. */
  duplicates: Record<string, number>;
  unparsed: Record<number, Unparsed[]>;
  /** Canonical fields that at least one file provides, per table. */
  available: Record<CanonicalTable, string[]>;
  /** Meetings of each attendance report that matched a meeting of another export (one meeting, counted once). */
  matched?: Record<string, number>;
  /** All-day calendar entries per source file (office days, holidays): kept out of the meetings. */
  allDay?: Record<string, number>;
  /** People the roster names as a manager who match no one on it (by email, or name in either order). */
  unmatchedManagers?: string[];
  /** Progress values outside 0–100 that were clamped, per table. */
  clamped: { goals: number; outcomes: number };
}

export async function buildModel(files: { src: FileSource; mapping: FileMapping }[], db: Db = engine, agendaWords?: AgendaWords): Promise<BuildResult> {
  await ensureMacros(db);
  const byTable = Object.fromEntries(TABLES.map((t) => [t.table, [] as number[]])) as Record<CanonicalTable, number[]>;
  const available = Object.fromEntries(TABLES.map((t) => [t.table, [] as string[]])) as Record<CanonicalTable, string[]>;
  const unparsed: Record<number, Unparsed[]> = {};
  for (const { src, mapping } of files) {
    if (mapping.table === 'unknown') continue;
    await db.exec(fileViewSql(src, mapping, agendaWords));
    byTable[mapping.table].push(src.id);
    available[mapping.table] = [...new Set([...available[mapping.table], ...Object.keys(mapping.fields)])];
    unparsed[src.id] = await countUnparsed(src, mapping, db);
  }
  for (const statement of canonicalSql(byTable)) await db.exec(statement);
  const [counts] = await db.query(
    `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t.table})::INTEGER AS ${t.table}`).join(', ')},
      (SELECT count(*) FILTER (progress_clamped) FROM goals)::INTEGER AS goals_clamped, (SELECT count(*) FILTER (progress_clamped) FROM outcomes)::INTEGER AS outcomes_clamped`
  );
  const dupRows = await db.query(`
    SELECT f.source_file, coalesce(d.n, 0)::INTEGER AS n
    FROM (SELECT DISTINCT source_file FROM meetings UNION SELECT source_file FROM meeting_drops) f
    LEFT JOIN (SELECT source_file, count(*) AS n FROM meeting_drops GROUP BY ALL) d USING (source_file)`);
  const allDayRows = files.some((f) => f.mapping.table === 'meetings' && f.mapping.fields.all_day)
    ? await db.query(`SELECT source_file, count(*)::INTEGER AS n FROM stage_meetings WHERE all_day GROUP BY ALL`)
    : [];
  const matchedRows = await db.query(`SELECT source_file, count(*)::INTEGER AS n FROM attendance_matches GROUP BY ALL`);
  const unmatched = await db.query(`
    SELECT DISTINCT any_value(manager_name) AS name FROM people_managers WHERE NOT matched GROUP BY manager_key ORDER BY name`);
  return {
    matched: Object.fromEntries(matchedRows.map((r) => [String(r.source_file), Number(r.n)])),
    allDay: Object.fromEntries(allDayRows.map((r) => [String(r.source_file), Number(r.n)])),
    unmatchedManagers: unmatched.map((r) => String(r.name)),
    rows: Object.fromEntries(TABLES.map((t) => [t.table, Number(counts[t.table])])) as Record<CanonicalTable, number>,
    duplicates: Object.fromEntries(dupRows.map((r) => [String(r.source_file), Number(r.n)])),
    unparsed,
    available,
    clamped: { goals: Number(counts.goals_clamped), outcomes: Number(counts.outcomes_clamped) }
  };
}

async function countUnparsed(src: FileSource, mapping: FileMapping, db: Db): Promise<Unparsed[]> {
  const q = unparsedSql(src, mapping);
  if (!q) return [];
  const [r] = await db.query(q);
  return new FileSql(src, mapping)
    .parsedFields()
    .map((f, i) => ({
      field: f.field,
      column: f.column,
      count: Number(r[`n${i}`]),
      rows: String(r[`r${i}`] ?? '')
        .split(',')
        .map((x) => Number(x.trim()))
        .filter((x) => x > 0),
      example: r[`x${i}`] === null ? null : String(r[`x${i}`])
    }))
    .filter((u) => u.count > 0);
}
