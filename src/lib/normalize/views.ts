/**
 * SQL that turns raw staging tables (every value text, as in the file) into the canonical tables.
 * Stage 1, one view per file: the mapping applied, values parsed (macros.ts), vocabularies folded.
 * Stage 2, one table per canonical table: files unioned, people resolved through the roster, 1:1s and
 * customer meetings told apart, duplicate meetings removed, progress derived. Changing a mapping
 * re-creates the views and tables; the files are never read again.
 */
import { DERIVED_SQL } from '$lib/metrics/derived';
import { ident, literal } from '$lib/engine/sql';
import type { CanonicalTable } from '$lib/model/schema';
import type { FieldMap } from '$lib/model/recognize';
import type { DateOrder } from './dateOrder';
import { AGENDA_ITEMS, CHANNEL, DEFAULT_AGENDA_WORDS, GOAL_STATUS, MEETING_KIND, MEETING_STATUS, OUTCOME_STATUS, mentionsSql, vocabCase, type AgendaWords } from './vocab';

export interface MappingOptions {
  /** Day/month order per source column read as a date. */
  dateOrders: Record<string, DateOrder>;
  /** Columns whose order the user chose (their question is answered, whatever the data says). */
  confirmedDateOrders?: string[];
  /** Minutes per unit of a bare number in the duration column (1 = minutes, 1/60 = seconds, 60 = hours). */
  durationUnit: number;
  decimalComma: boolean;
  /** 100 when a percent column holds fractions (0.64), else 1. */
  percentScale: number;
}

export interface FileMapping {
  table: CanonicalTable | 'unknown';
  fields: FieldMap;
  options: MappingOptions;
}

export interface FileSource {
  id: number;
  file: string;
  staging: string;
  /** The header signature, so ids only dedupe within one export layout. */
  layout: string;
}

export const DEFAULT_OPTIONS: MappingOptions = { dateOrders: {}, durationUnit: 1, decimalComma: false, percentScale: 1 };

/** Canonical columns per table, with types: stage-1 views produce exactly these, NULL where unmapped. */
export const STAGE1_COLUMNS: Record<CanonicalTable, [string, string][]> = {
  meetings: [
    ['meeting_id', 'VARCHAR'], ['title', 'VARCHAR'], ['title_cancelled', 'BOOLEAN'], ['start_at', 'TIMESTAMP'], ['end_at', 'TIMESTAMP'],
    ['duration_min', 'DOUBLE'], ['status', 'VARCHAR'], ['kind_src', 'VARCHAR'], ['organizer', 'VARCHAR'], ['attendees', 'VARCHAR[]'],
    ['manager_src', 'VARCHAR'], ['csm_src', 'VARCHAR'], ['account', 'VARCHAR'], ['agenda_text', 'VARCHAR'],
    ...AGENDA_ITEMS.map((a): [string, string] => [`agenda_${a.key}`, 'BOOLEAN']),
    ['notes', 'VARCHAR'], ['prepared_by_report', 'BOOLEAN'], ['channel', 'VARCHAR'], ['all_day', 'BOOLEAN'],
    ['attended', 'INTEGER'], ['attendance', 'VARCHAR']
  ],
  goals: [
    ['goal_id', 'VARCHAR'], ['title', 'VARCHAR'], ['owner_src', 'VARCHAR'], ['manager_src', 'VARCHAR'], ['scope', 'VARCHAR'], ['metric_type', 'VARCHAR'],
    ['start_value', 'DOUBLE'], ['target_value', 'DOUBLE'], ['current_value', 'DOUBLE'], ['progress_src', 'DOUBLE'], ['status', 'VARCHAR'],
    ['start_date', 'DATE'], ['due_date', 'DATE'], ['updated_at', 'TIMESTAMP'], ['checkin_type', 'VARCHAR']
  ],
  outcomes: [
    ['outcome_id', 'VARCHAR'], ['account', 'VARCHAR'], ['segment', 'VARCHAR'], ['csm_src', 'VARCHAR'], ['outcome', 'VARCHAR'], ['plan', 'VARCHAR'],
    ['milestone', 'VARCHAR'], ['start_value', 'DOUBLE'], ['current_value', 'DOUBLE'], ['target_value', 'DOUBLE'], ['progress_src', 'DOUBLE'],
    ['status', 'VARCHAR'], ['start_date', 'DATE'], ['due_date', 'DATE'], ['achieved_date', 'DATE'], ['first_value_date', 'DATE'],
    ['health', 'DOUBLE'], ['arr', 'DOUBLE'], ['as_of', 'DATE']
  ],
  people: [
    ['person', 'VARCHAR'], ['email', 'VARCHAR'], ['person_id', 'VARCHAR'], ['manager_src', 'VARCHAR'], ['team', 'VARCHAR'], ['role', 'VARCHAR'], ['start_date', 'DATE'], ['end_date', 'DATE']
  ],
  accounts: [['account', 'VARCHAR'], ['account_id', 'VARCHAR'], ['domain', 'VARCHAR'], ['segment', 'VARCHAR'], ['csm_src', 'VARCHAR'], ['arr', 'DOUBLE'], ['renewal_date', 'DATE']]
};

/** A typed parse of one mapped field, also used to count values that could not be read. */
export interface ParsedField {
  field: string;
  column: string;
  /** SQL over the staging table: NULL when the (non-empty) raw value could not be read. */
  parsed: string;
}

export class FileSql {
  constructor(
    readonly src: FileSource,
    readonly m: FileMapping,
    readonly agendaWords: AgendaWords = DEFAULT_AGENDA_WORDS
  ) {}

  col(field: string): string | null {
    const c = this.m.fields[field];
    return c ? ident(c) : null;
  }
  text(field: string): string {
    const c = this.col(field);
    return c ? `cad_text(${c})` : 'NULL';
  }
  /** Source columns read as dates, each parsed once into a parts column of `from()`. */
  dateColumns(): string[] {
    const kinds = ['start', 'end', 'start_date', 'due_date', 'updated_at', 'achieved_date', 'first_value_date', 'as_of', 'end_date', 'renewal_date'];
    return [...new Set(kinds.map((k) => this.m.fields[k]).filter((c): c is string => !!c))];
  }
  /**
   * The staging table with its row number and each date column read once: plain ISO values by the engine's
   * cast (`_tf`), the others split into parts (`_dp`) by the regular expression, which is several times
   * slower and so runs only where the cast did not apply.
   */
  from(): string {
    const cols = this.dateColumns();
    const iso = cols.map((c, i) => `cad_ts_iso(${ident(c)}) AS ${ident(`_tf${i}`)}`);
    const parts = cols.map((c, i) => `CASE WHEN ${ident(`_tf${i}`)} IS NULL THEN cad_dt_parts(${ident(c)}) END AS ${ident(`_dp${i}`)}`);
    const inner = `(SELECT *, (rowid + 1)::INTEGER AS _row${iso.length ? ', ' + iso.join(', ') : ''} FROM ${ident(this.src.staging)})`;
    return parts.length ? `(SELECT *, ${parts.join(', ')} FROM ${inner})` : inner;
  }
  ts(field: string): string | null {
    const c = this.m.fields[field];
    if (!c) return null;
    const i = this.dateColumns().indexOf(c);
    return `coalesce(${ident(`_tf${i}`)}, cad_ts_p(${ident(`_dp${i}`)}, ${ident(c)}, ${literal(this.m.options.dateOrders[c] ?? 'mdy')}))`;
  }
  date(field: string): string {
    const t = this.ts(field);
    return t ? `CAST(${t} AS DATE)` : 'NULL';
  }
  number(field: string): string {
    const c = this.col(field);
    return c ? `cad_number(${c}, ${this.m.options.decimalComma})` : 'NULL';
  }
  percent(field: string): string {
    const c = this.col(field);
    return c ? `cad_number(${c}, ${this.m.options.decimalComma}) * ${Number(this.m.options.percentScale)}` : 'NULL';
  }
  person(field: string): string {
    const c = this.col(field);
    return c ? `cad_person(${c})` : 'NULL';
  }
  vocab(field: string, vocab: Record<string, string[]>): string {
    const c = this.col(field);
    return c ? vocabCase(c, vocab) : 'NULL';
  }

  /** A start or end moment, from one column or a date column plus a time column (Outlook). */
  moment(day: 'start' | 'end'): string | null {
    const t = this.ts(day);
    const time = this.col(`${day}_time`);
    if (!t) return null;
    return time ? `CASE WHEN cad_time(${time}) IS NOT NULL THEN CAST(${t} AS DATE) + cad_time(${time}) ELSE ${t} END` : t;
  }

  /** Every typed field, for the count of values that could not be read. */
  parsedFields(): ParsedField[] {
    const out: ParsedField[] = [];
    const add = (field: string, parsed: string | null) => {
      const column = this.m.fields[field];
      if (column && parsed && parsed !== 'NULL') out.push({ field, column, parsed });
    };
    const table = this.m.table;
    for (const [field, column] of Object.entries(this.m.fields)) {
      if (!column) continue;
      if (['start', 'end', 'start_date', 'due_date', 'updated_at', 'achieved_date', 'first_value_date', 'as_of', 'end_date', 'renewal_date'].includes(field)) add(field, this.ts(field));
      if (field === 'start_time' || field === 'end_time') add(field, `cad_time(${ident(column)})`);
      if (field === 'duration') add(field, `cad_duration_min(${ident(column)}, ${Number(this.m.options.durationUnit)})`);
      if (['start_value', 'target_value', 'current_value', 'health', 'arr', 'attendee_count'].includes(field)) add(field, this.number(field));
      if (field === 'progress_pct') add(field, this.percent(field));
      if (field === 'prepared_by_report' || field === 'all_day') add(field, `cad_bool(${ident(column)})`);
      if (field === 'status') add(field, this.vocab('status', table === 'goals' ? GOAL_STATUS : table === 'outcomes' ? OUTCOME_STATUS : MEETING_STATUS));
      if (field === 'kind') add(field, this.vocab('kind', MEETING_KIND));
      if (field === 'channel') add(field, this.vocab('channel', CHANNEL));
    }
    return out;
  }

  select(): [string, string][] {
    switch (this.m.table) {
      case 'meetings':
        return this.meetings();
      case 'goals':
        return this.goals();
      case 'outcomes':
        return this.outcomes();
      case 'people':
        return this.people();
      case 'accounts':
        return this.accounts();
      default:
        return [];
    }
  }

  meetings(): [string, string][] {
    const titleCol = this.col('title');
    const cancelledPrefix = titleCol ? `coalesce(regexp_matches(${titleCol}, '^\\s*(${CANCELLED_PREFIXES})\\s*:', 'i'), false)` : 'false';
    const start = this.moment('start');
    const end = this.moment('end');
    const duration = this.col('duration') ? `cad_duration_min(${this.col('duration')}, ${Number(this.m.options.durationUnit)})` : null;
    const statusCol = this.col('status');
    const status = statusCol
      ? `CASE WHEN nullif(trim(${statusCol}), '') IS NOT NULL THEN ${vocabCase(statusCol, MEETING_STATUS)} WHEN ${cancelledPrefix} THEN 'cancelled' ELSE 'held' END`
      : `CASE WHEN ${cancelledPrefix} THEN 'cancelled' ELSE 'held' END`;
    // Agenda from its own column, else from the notes: the five items are matched by keywords.
    const agendaSrc = this.col('agenda') ?? this.col('notes');
    const agenda = AGENDA_ITEMS.map((a): [string, string] => [`agenda_${a.key}`, agendaSrc ? `coalesce(${mentionsSql(agendaSrc, this.agendaWords[a.key] ?? a.words)}, false)` : 'NULL']);
    return [
      ['meeting_id', this.text('meeting_id')],
      // Only a title with the prefix needs the replacement (most have none: plain text is cheaper).
      ['title', titleCol ? `CASE WHEN ${cancelledPrefix} THEN nullif(regexp_replace(trim(${titleCol}), '^(${CANCELLED_PREFIXES})\\s*:\\s*', '', 'i'), '') ELSE cad_text(${titleCol}) END` : 'NULL'],
      ['title_cancelled', cancelledPrefix],
      ['start_at', start ?? 'NULL'],
      ['end_at', end ?? (start && duration ? `${start} + to_microseconds(round(${duration} * 60000000)::BIGINT)` : 'NULL')],
      ['duration_min', duration ?? (start && end ? `date_diff('second', ${start}, ${end}) / 60.0` : 'NULL')],
      ['status', status],
      ['kind_src', this.vocab('kind', MEETING_KIND)],
      ['organizer', this.person('organizer')],
      ['attendees', this.col('attendees') ? `cad_people(${this.col('attendees')})` : 'NULL'],
      ['manager_src', this.person('manager')],
      ['csm_src', this.person('csm')],
      // Salesforce writes an empty lookup as its null id (000000000000000AAA): no account, not an account.
      ['account', `cad_id(${this.text('account')})`],
      // The agenda as written when it has its own column (read from the notes, it is the notes column).
      ['agenda_text', this.col('agenda') ? `cad_text(${this.col('agenda')})` : 'NULL'],
      ...agenda,
      ['notes', this.text('notes')],
      ['prepared_by_report', this.col('prepared_by_report') ? `cad_bool(${this.col('prepared_by_report')})` : 'NULL'],
      // A channel the vocabulary cannot place is 'other' (a touch in every view, listed on the mapping screen).
      ['channel', this.col('channel') ? `coalesce(${this.vocab('channel', CHANNEL)}, CASE WHEN nullif(trim(${this.col('channel')}), '') IS NULL THEN 'meeting' ELSE 'other' END)` : `'meeting'`],
      ['all_day', this.col('all_day') ? `coalesce(cad_bool(${this.col('all_day')}), false)` : 'false'],
      ['attended', this.col('attendee_count') ? `TRY_CAST(${this.number('attendee_count')} AS INTEGER)` : 'NULL'],
      ['attendance', this.text('attendance')]
    ];
  }

  goals(): [string, string][] {
    return [
      ['goal_id', this.text('goal_id')],
      ['title', this.text('title')],
      ['owner_src', this.person('owner')],
      ['manager_src', this.person('manager')],
      ['scope', this.text('scope')],
      ['metric_type', this.text('metric_type')],
      ['start_value', this.number('start_value')],
      ['target_value', this.number('target_value')],
      ['current_value', this.number('current_value')],
      ['progress_src', this.percent('progress_pct')],
      ['status', this.vocab('status', GOAL_STATUS)],
      ['start_date', this.date('start_date')],
      ['due_date', this.date('due_date')],
      ['updated_at', this.ts('updated_at') ?? 'NULL'],
      ['checkin_type', this.text('checkin_type')]
    ];
  }

  outcomes(): [string, string][] {
    return [
      ['outcome_id', this.text('outcome_id')],
      ['account', this.text('account')],
      ['segment', this.text('segment')],
      ['csm_src', this.person('csm')],
      ['outcome', this.text('outcome')],
      ['plan', this.text('plan')],
      ['milestone', this.text('milestone')],
      ['start_value', this.number('start_value')],
      ['current_value', this.number('current_value')],
      ['target_value', this.number('target_value')],
      ['progress_src', this.percent('progress_pct')],
      ['status', this.vocab('status', OUTCOME_STATUS)],
      ['start_date', this.date('start_date')],
      ['due_date', this.date('due_date')],
      ['achieved_date', this.date('achieved_date')],
      ['first_value_date', this.date('first_value_date')],
      ['health', this.number('health')],
      ['arr', this.number('arr')],
      ['as_of', this.date('as_of')]
    ];
  }

  people(): [string, string][] {
    return [
      // A roster that splits the name (Salesforce User, most HR systems) gives it as "First Last".
      ['person', this.col('person') ? this.text('person') : this.col('first_name') || this.col('last_name') ? `nullif(concat_ws(' ', ${this.text('first_name')}, ${this.text('last_name')}), '')` : 'NULL'],
      ['email', this.col('email') ? `lower(${this.text('email')})` : 'NULL'],
      ['person_id', `cad_id(${this.text('person_id')})`],
      ['manager_src', this.person('manager')],
      ['team', this.text('team')],
      ['role', this.text('role')],
      ['start_date', this.date('start_date')],
      ['end_date', this.date('end_date')]
    ];
  }

  accounts(): [string, string][] {
    return [
      ['account', this.text('account')],
      ['account_id', `cad_id(${this.text('account_id')})`],
      // "https://www.globex.com/" and "globex.com" are one domain.
      ['domain', this.col('domain') ? `nullif(regexp_replace(lower(${this.text('domain')}), '^(https?://)?(www\\.)?([^/@]*@)?([^/:?#]+).*$', '\\4'), '')` : 'NULL'],
      ['segment', this.text('segment')],
      ['csm_src', this.person('csm')],
      ['arr', this.number('arr')],
      ['renewal_date', this.date('renewal_date')]
    ];
  }
}

/**
 * The subject prefix Outlook (and Teams) writes on a cancelled meeting, in the languages they ship
 * ("Canceled:", "Abgesagt:", "Annulé :"…): a meeting so titled was not held.
 */
export const CANCELLED_PREFIXES = ['canceled', 'cancelled', 'abgesagt', 'annulé', 'annule', 'cancelado', 'cancelada', 'geannuleerd', 'annullato', 'annullata', 'inställt', 'inställd', 'aflyst', 'avlyst', 'peruutettu', 'anulowane', 'anulowano', 'zrušeno', 'lemondva', 'iptal edildi', 'отменено', 'отменена', 'キャンセル済み', '已取消', '취소됨'].join('|');

export const viewName = (id: number) => `norm_${id}`;

/** Stage 1: the view of one mapped file. */
export function fileViewSql(src: FileSource, m: FileMapping, agendaWords: AgendaWords = DEFAULT_AGENDA_WORDS): string {
  if (m.table === 'unknown') throw new Error('an unknown file has no canonical view');
  const sqlOf = new FileSql(src, m, agendaWords);
  const exprs = new Map(sqlOf.select());
  const cols = STAGE1_COLUMNS[m.table].map(([name, type]) => `CAST(${exprs.get(name) ?? 'NULL'} AS ${type}) AS ${ident(name)}`);
  return `CREATE OR REPLACE VIEW ${ident(viewName(src.id))} AS SELECT ${Number(src.id)}::INTEGER AS source_id, ${literal(src.file)} AS source_file, ${literal(src.layout)} AS source_layout, _row AS source_row, ${cols.join(', ')} FROM ${sqlOf.from()}`;
}

/** Values of each typed field that are present but could not be read: count and the first rows. */
export function unparsedSql(src: FileSource, m: FileMapping): string | null {
  const sqlOf = new FileSql(src, m);
  const fields = sqlOf.parsedFields();
  if (!fields.length) return null;
  const parts = fields.map((f, i) => {
    const bad = `nullif(trim(${ident(f.column)}), '') IS NOT NULL AND (${f.parsed}) IS NULL`;
    return `count(*) FILTER (${bad})::INTEGER AS n${i}, array_to_string(list(_row ORDER BY _row) FILTER (${bad})[1:10], ',') AS r${i}, any_value(${ident(f.column)}) FILTER (${bad}) AS x${i}`;
  });
  return `SELECT ${parts.join(', ')} FROM ${sqlOf.from()}`;
}

/** Stage 2: the canonical tables from every mapped file (empty, with their columns, when none). */
export function canonicalSql(viewsByTable: Record<CanonicalTable, number[]>): string[] {
  const union = (table: CanonicalTable) => {
    const ids = viewsByTable[table];
    if (!ids.length) {
      const cols = STAGE1_COLUMNS[table].map(([n, t]) => `NULL::${t} AS ${ident(n)}`).join(', ');
      return `(SELECT NULL::INTEGER AS source_id, NULL::VARCHAR AS source_file, NULL::VARCHAR AS source_layout, NULL::INTEGER AS source_row, ${cols} WHERE false)`;
    }
    return `(${ids.map((id) => `SELECT * FROM ${ident(viewName(id))}`).join(' UNION ALL BY NAME ')})`;
  };
  return [
    // People first: everyone else's names and emails resolve through the roster.
    `CREATE OR REPLACE TABLE people AS
     SELECT coalesce(email, cad_alias(person)) AS person_key, coalesce(person, email) AS name, email, person_id, manager_src, team, role, start_date, end_date, source_file, source_row
     FROM ${union('people')} WHERE coalesce(email, person) IS NOT NULL`,
    // A name shared by two people resolves to neither (it stays as written).
    `CREATE OR REPLACE TABLE person_alias AS
     SELECT alias, person_key FROM (
       SELECT DISTINCT alias, person_key FROM (
         SELECT cad_alias(name) AS alias, person_key FROM people WHERE name IS NOT NULL
         UNION ALL SELECT lower(person_id), person_key FROM people WHERE person_id IS NOT NULL
         UNION ALL SELECT lower(email), person_key FROM people WHERE email IS NOT NULL
         UNION ALL SELECT person_key, person_key FROM people))
     QUALIFY count(*) OVER (PARTITION BY alias) = 1`,
    // Names resolve by joins on person_alias (a correlated lookup per row was the build's slowest step).
    // Who the roster names as a manager, and whether that is someone on it (shown with the match rule).
    `CREATE OR REPLACE TABLE people_managers AS
     SELECT p.manager_src AS manager_name, coalesce(pa.person_key, cad_alias(p.manager_src)) AS manager_key, pa.person_key IS NOT NULL AS matched
     FROM people p LEFT JOIN person_alias pa ON pa.alias = cad_alias(p.manager_src) WHERE p.manager_src IS NOT NULL`,
    `CREATE OR REPLACE TABLE people AS
     SELECT p.* EXCLUDE (manager_src), coalesce(pa.person_key, cad_alias(p.manager_src)) AS manager_key
     FROM people p LEFT JOIN person_alias pa ON pa.alias = cad_alias(p.manager_src)`,
    // Account ids (Salesforce's AccountId) resolve to the account's name where an accounts export carries both.
    `CREATE OR REPLACE TABLE account_alias AS
     SELECT account_id, any_value(account) AS account FROM ${union('accounts')} WHERE account_id IS NOT NULL AND account IS NOT NULL GROUP BY account_id`,
    `CREATE OR REPLACE TABLE accounts AS
     SELECT account, any_value(segment) AS segment, any_value(coalesce(pa.person_key, cad_alias(a.csm_src))) AS csm, max(arr) AS arr, max(renewal_date) AS renewal_date
     FROM ${union('accounts')} a LEFT JOIN person_alias pa ON pa.alias = cad_alias(a.csm_src) WHERE account IS NOT NULL GROUP BY account`,
    // Stage 1 of the meetings as a view: meetings_all parses it in the same pass that resolves the people
    // (a staged copy cost a pass and a million-row table more), and person_names reads only its people.
    // A meeting with no account whose attendees write from an account's domain is that account's meeting.
    `CREATE OR REPLACE TABLE account_domains AS
     SELECT domain, any_value(account) AS account FROM ${union('accounts')} WHERE domain IS NOT NULL AND account IS NOT NULL GROUP BY domain HAVING count(DISTINCT account) = 1`,
    `CREATE OR REPLACE VIEW stage_meetings AS
     WITH s AS (
       SELECT s.*, CASE WHEN s.account IS NULL AND len(s.attendees) > 0 THEN list_filter(list_transform(s.attendees, x -> nullif(split_part(x, '@', 2), '')),
           d -> d IS NOT NULL AND d <> split_part(coalesce(s.organizer, ''), '@', 2))[1] END AS _domain
       FROM ${union('meetings')} s)
     SELECT s.* EXCLUDE (_domain) REPLACE (coalesce(aa.account, s.account, ad.account) AS account)
     FROM s LEFT JOIN account_alias aa ON aa.account_id = s.account LEFT JOIN account_domains ad ON ad.domain = s._domain`,
    `CREATE OR REPLACE TABLE meetings_all AS
     WITH u AS (
       SELECT s.*, list_filter(s.attendees, x -> lower(x) <> lower(coalesce(s.organizer, '')))[1] AS first_att FROM stage_meetings s WHERE NOT s.all_day),
     r AS (
       SELECT u.*,
         coalesce(a1.person_key, cad_alias(u.organizer)) AS org_key,
         coalesce(a2.person_key, cad_alias(u.first_att)) AS att_key,
         coalesce(a3.person_key, cad_alias(u.manager_src)) AS m_key,
         coalesce(a4.person_key, cad_alias(u.csm_src)) AS c_key
       FROM u
       LEFT JOIN person_alias a1 ON a1.alias = cad_alias(u.organizer)
       LEFT JOIN person_alias a2 ON a2.alias = cad_alias(u.first_att)
       LEFT JOIN person_alias a3 ON a3.alias = cad_alias(u.manager_src)
       LEFT JOIN person_alias a4 ON a4.alias = cad_alias(u.csm_src)),
     k AS (
       SELECT r.*, coalesce(kind_src,
         CASE WHEN account IS NOT NULL THEN 'customer'
              WHEN regexp_matches(coalesce(title, ''), '(^|[^0-9])1\\s*[:-]\\s*1([^0-9]|$)|1on1|one[- ]on[- ]one', 'i') THEN 'one_on_one'
              WHEN m_key IS NOT NULL AND c_key IS NOT NULL THEN 'one_on_one'
              WHEN rm.manager_key IS NOT NULL AND rm.manager_key = r.org_key AND len(attendees) = 1 THEN 'one_on_one'
              ELSE 'internal' END) AS kind
       FROM r LEFT JOIN (SELECT person_key, any_value(manager_key) AS manager_key FROM people GROUP BY ALL) rm ON rm.person_key = r.att_key)
     SELECT k.* EXCLUDE (org_key, att_key, m_key, c_key, organizer, attendees, manager_src, csm_src, kind_src, first_att, all_day),
       CASE WHEN kind = 'one_on_one' THEN coalesce(m_key, org_key) ELSE coalesce(m_key, owner.manager_key) END AS manager,
       CASE WHEN kind = 'one_on_one' THEN coalesce(c_key, att_key) ELSE coalesce(c_key, org_key) END AS csm,
       org_key AS organizer,
       -- The people as written, for person_names below; dropped once it is built.
       k.organizer AS raw_organizer, k.attendees AS raw_attendees, k.manager_src AS raw_manager, k.csm_src AS raw_csm
     FROM k LEFT JOIN (SELECT person_key, any_value(manager_key) AS manager_key FROM people GROUP BY ALL) owner ON owner.person_key = coalesce(k.c_key, k.org_key)`,
    // How to show each person: the roster's name, else the spelling the exports use most.
    `CREATE OR REPLACE TABLE person_names AS
     SELECT person_key, any_value(name) AS name FROM people GROUP BY person_key
     UNION ALL
     SELECT cad_alias(v) AS person_key, mode(v) AS name FROM (
       SELECT raw_organizer AS v FROM meetings_all UNION ALL SELECT raw_manager FROM meetings_all
       UNION ALL SELECT raw_csm FROM meetings_all UNION ALL SELECT unnest(raw_attendees) FROM meetings_all
       UNION ALL SELECT owner_src FROM ${union('goals')} UNION ALL SELECT manager_src FROM ${union('goals')}
       UNION ALL SELECT csm_src FROM ${union('outcomes')} UNION ALL SELECT csm_src FROM ${union('accounts')}
       UNION ALL SELECT manager_src FROM ${union('people')})
     WHERE v IS NOT NULL AND cad_alias(v) NOT IN (SELECT alias FROM person_alias)
     GROUP BY cad_alias(v)`,
    // Duplicates: the same id within one export layout; or the same start, title and people in another
    // file (or with no id to tell them apart). Two rows of one export with their own ids are two meetings.
    // Only rows whose id or key occurs more than once can be dropped: a count over a hash of the key finds
    // them (a collision only adds candidates), and the windows rank just those, on the real columns.
    `CREATE OR REPLACE TABLE meeting_drops AS
     WITH k AS NOT MATERIALIZED (
       SELECT rowid AS rid, source_file, source_layout, meeting_id, source_id, source_row, start_at,
         lower(coalesce(title, '')) AS k_title, coalesce(manager, '') AS k_manager, coalesce(csm, '') AS k_csm, coalesce(account, '') AS k_account
       FROM meetings_all),
     drop1 AS (
       SELECT rid, source_file FROM k
       WHERE meeting_id IS NOT NULL AND hash(source_layout, meeting_id) IN (
         SELECT hash(source_layout, meeting_id) FROM k WHERE meeting_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1)
       QUALIFY row_number() OVER (PARTITION BY source_layout, meeting_id ORDER BY source_id, source_row) > 1),
     drop2 AS (
       SELECT rid, source_file FROM k
       WHERE start_at IS NOT NULL AND hash(start_at, k_title, k_manager, k_csm, k_account) IN (
         SELECT hash(start_at, k_title, k_manager, k_csm, k_account) FROM k WHERE start_at IS NOT NULL GROUP BY 1 HAVING count(*) > 1)
         AND rid NOT IN (SELECT rid FROM drop1)
       WINDOW w AS (PARTITION BY start_at, k_title, k_manager, k_csm, k_account ORDER BY source_id, source_row)
       QUALIFY NOT (row_number() OVER w = 1 OR (meeting_id IS NOT NULL AND first_value(source_id) OVER w = source_id)))
     SELECT * FROM drop1 UNION ALL SELECT * FROM drop2`,
    // The resolved table becomes the meetings table and loses its duplicates in place: no second copy of a
    // million wide rows (meeting_drops keeps what was dropped, for the per-file counts).
    `DROP TABLE IF EXISTS meetings`,
    `ALTER TABLE meetings_all RENAME TO meetings`,
    `DELETE FROM meetings WHERE rowid IN (SELECT rid FROM meeting_drops)`,
    ...['raw_organizer', 'raw_attendees', 'raw_manager', 'raw_csm'].map((c) => `ALTER TABLE meetings DROP COLUMN ${c}`),
    // One meeting, many exports: an attendance report of a meeting the calendar also has (starts within 15
    // minutes, same organizer or same title) confirms it. The calendar's meeting is kept and marked held (a
    // no-show when only one person joined a 1:1) with the report's attendance; the report's copy goes.
    `CREATE OR REPLACE TABLE attendance_matches AS
     WITH a AS (SELECT rowid AS arid, source_file, start_at, organizer, lower(title) AS t, attended, attendance FROM meetings WHERE attended IS NOT NULL AND start_at IS NOT NULL),
     c AS (SELECT rowid AS crid, start_at, organizer, lower(title) AS t, kind FROM meetings WHERE attended IS NULL AND start_at IS NOT NULL
       AND start_at BETWEEN (SELECT min(start_at) FROM a) - INTERVAL 15 MINUTE AND (SELECT max(start_at) FROM a) + INTERVAL 15 MINUTE)
     SELECT a.arid, c.crid, a.source_file, a.attended, a.attendance, c.kind
     FROM a JOIN c ON c.start_at BETWEEN a.start_at - INTERVAL 15 MINUTE AND a.start_at + INTERVAL 15 MINUTE
       AND (c.organizer = a.organizer OR c.t = a.t)
     QUALIFY row_number() OVER (PARTITION BY a.arid ORDER BY abs(epoch(c.start_at) - epoch(a.start_at)), c.crid) = 1
       AND row_number() OVER (PARTITION BY c.crid ORDER BY abs(epoch(c.start_at) - epoch(a.start_at)), a.arid) = 1`,
    `UPDATE meetings SET status = CASE WHEN am.kind = 'one_on_one' AND am.attended <= 1 THEN 'no_show' ELSE 'held' END,
       attended = am.attended, attendance = am.attendance
     FROM attendance_matches am WHERE meetings.rowid = am.crid`,
    `DELETE FROM meetings WHERE rowid IN (SELECT arid FROM attendance_matches)`,
    `CREATE OR REPLACE TABLE goals AS
     SELECT g.* EXCLUDE (owner_src, manager_src, progress_src),
       coalesce(po.person_key, cad_alias(g.owner_src)) AS owner,
       coalesce(pm.person_key, cad_alias(g.manager_src), boss.manager_key) AS manager,
       -- greatest() skips NULLs: without the guard a goal with no progress at all would read as 0%.
       CASE WHEN coalesce(progress_src, (current_value - start_value) / nullif(target_value - start_value, 0) * 100) IS NOT NULL
         THEN least(100, greatest(0, coalesce(progress_src, (current_value - start_value) / nullif(target_value - start_value, 0) * 100))) END AS progress_pct,
       coalesce(progress_src, (current_value - start_value) / nullif(target_value - start_value, 0) * 100) NOT BETWEEN 0 AND 100 AS progress_clamped
     FROM ${union('goals')} g
       LEFT JOIN person_alias po ON po.alias = cad_alias(g.owner_src)
       LEFT JOIN person_alias pm ON pm.alias = cad_alias(g.manager_src)
       LEFT JOIN (SELECT person_key, any_value(manager_key) AS manager_key FROM people GROUP BY person_key) boss
         ON boss.person_key = coalesce(po.person_key, cad_alias(g.owner_src))`,
    `CREATE OR REPLACE TABLE outcomes AS
     SELECT o.* EXCLUDE (csm_src, progress_src, segment, outcome_id),
       coalesce(o.outcome_id, md5(concat_ws('|', o.account, o.plan, o.outcome, o.milestone))) AS outcome_id,
       coalesce(o.segment, a.segment) AS segment,
       coalesce(pa.person_key, cad_alias(o.csm_src), a.csm) AS csm,
       -- greatest() skips NULLs: without the guard a goal with no progress at all would read as 0%.
       CASE WHEN coalesce(progress_src, (current_value - start_value) / nullif(target_value - start_value, 0) * 100) IS NOT NULL
         THEN least(100, greatest(0, coalesce(progress_src, (current_value - start_value) / nullif(target_value - start_value, 0) * 100))) END AS progress_pct,
       coalesce(progress_src, (current_value - start_value) / nullif(target_value - start_value, 0) * 100) NOT BETWEEN 0 AND 100 AS progress_clamped
     FROM ${union('outcomes')} o
       LEFT JOIN accounts a ON a.account = o.account
       LEFT JOIN person_alias pa ON pa.alias = cad_alias(o.csm_src)`,
    // Computed once here, read by every view.
    ...DERIVED_SQL
  ];
}
