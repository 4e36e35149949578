/**
 * SQL macros that turn raw export text into typed values. Installed once per database (idempotent), and
 * used by the per-file views, so a changed mapping only re-creates views: files are never read again.
 *
 * Dates: numeric dates in any order (`ord` = 'ymd' | 'mdy' | 'dmy', decided per column), optional time
 * with seconds, fractions and AM/PM, optional zone offset (converted to UTC; values without a zone are
 * taken as written), two-digit years (00–68 → 20xx, 69–99 → 19xx), Excel serial dates, and month names.
 */

const DATE_RE =
  String.raw`^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[T ,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*(?:([AaPp])\.?[Mm]\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$`;
/** A plain ISO date or date-time (no zone, no AM/PM, no padding), which the engine's own cast reads. */
export const ISO_TS_RE = String.raw`\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?`;
const TIME_RE = String.raw`^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:([AaPp])\.?[Mm]\.?)?$`;
const MONTH_NAME_FORMATS = ['%d-%b-%y', '%d-%b-%Y', '%b %d, %Y', '%B %d, %Y', '%d %b %Y', '%d %B %Y', '%d. %B %Y', '%a, %d %b %Y %H:%M:%S', '%b %d, %Y %I:%M %p', '%B %d, %Y %I:%M %p'];

export const MACROS = [
  // Parts of a numeric date/time: a, b, c (date fields in file order), h, mi, s, ap (a|p), tz.
  `CREATE OR REPLACE MACRO cad_dt_parts(v) AS regexp_extract(trim(v), '${DATE_RE}', ['a', 'b', 'c', 'h', 'mi', 's', 'ap', 'tz'])`,
  `CREATE OR REPLACE MACRO cad_year(y) AS CASE WHEN length(y) <= 2 THEN CASE WHEN y::INTEGER < 69 THEN 2000 + y::INTEGER ELSE 1900 + y::INTEGER END ELSE y::INTEGER END`,
  `CREATE OR REPLACE MACRO cad_hour(h, ap) AS CASE WHEN h = '' THEN 0 WHEN ap = '' THEN h::INTEGER WHEN lower(ap) = 'a' THEN h::INTEGER % 12 ELSE h::INTEGER % 12 + 12 END`,
  `CREATE OR REPLACE MACRO cad_tz_minutes(tz) AS CASE WHEN tz IN ('', 'Z', 'UTC', 'GMT') THEN 0
     ELSE (CASE WHEN left(tz, 1) = '-' THEN -1 ELSE 1 END)
          * (substr(replace(tz, ':', ''), 2, 2)::INTEGER * 60 + coalesce(TRY_CAST(nullif(substr(replace(tz, ':', ''), 4, 2), '') AS INTEGER), 0)) END`,
  // A timestamp from parts with the date fields given as (year, month, day) text.
  `CREATE OR REPLACE MACRO cad_ts_from(p, y, m, d) AS
     TRY_CAST(printf('%04d-%02d-%02d %02d:%02d:%02d', cad_year(y), TRY_CAST(m AS INTEGER), TRY_CAST(d AS INTEGER), cad_hour(p.h, p.ap), coalesce(TRY_CAST(nullif(p.mi, '') AS INTEGER), 0), coalesce(TRY_CAST(nullif(p.s, '') AS INTEGER), 0)) AS TIMESTAMP)
     - to_minutes(cad_tz_minutes(p.tz)::BIGINT)`,
  `CREATE OR REPLACE MACRO cad_ts_parts(p, ord) AS CASE
     WHEN p.a = '' THEN NULL
     WHEN length(p.a) = 4 THEN cad_ts_from(p, p.a, p.b, p.c)
     WHEN ord = 'mdy' THEN cad_ts_from(p, p.c, p.a, p.b)
     WHEN ord = 'dmy' THEN cad_ts_from(p, p.c, p.b, p.a)
     ELSE NULL END`,
  `CREATE OR REPLACE MACRO cad_excel_serial(v) AS CASE
     WHEN regexp_full_match(trim(v), '\\d{5}(\\.\\d+)?') AND TRY_CAST(trim(v) AS DOUBLE) BETWEEN 20000 AND 80000
     THEN TIMESTAMP '1899-12-30 00:00:00' + to_microseconds(round(TRY_CAST(trim(v) AS DOUBLE) * 86400000000)::BIGINT)
     END`,
  // From parts computed once per value (a column of cad_dt_parts), so the regular expression runs once.
  `CREATE OR REPLACE MACRO cad_ts_p(p, v, ord) AS CASE
     WHEN v IS NULL OR trim(v) = '' THEN NULL
     -- Year-first values without an offset or AM/PM: the engine's own cast (less than half the parts' cost);
     -- coalesce evaluates the rest only where it gives nothing.
     ELSE coalesce(CASE WHEN length(p.a) = 4 AND p.tz = '' AND p.ap = '' THEN date_trunc('second', TRY_CAST(trim(v) AS TIMESTAMP)) END,
       cad_ts_parts(p, ord), cad_excel_serial(v), try_strptime(trim(v), [${MONTH_NAME_FORMATS.map((f) => `'${f}'`).join(', ')}]))
     END`,
  // The common case without the parts: an exact ISO value, cast by the engine (NULL for anything else).
  `CREATE OR REPLACE MACRO cad_ts_iso(v) AS CASE WHEN regexp_full_match(v, '${ISO_TS_RE}') THEN date_trunc('second', TRY_CAST(v AS TIMESTAMP)) END`,
  // What the per-file views do with their precomputed columns, in one call (coalesce reads the parts only
  // where the cast gave nothing).
  `CREATE OR REPLACE MACRO cad_ts(v, ord) AS coalesce(cad_ts_iso(v), cad_ts_p(cad_dt_parts(v), v, ord))`,
  `CREATE OR REPLACE MACRO cad_time_from(t) AS CASE WHEN t.h = '' THEN NULL
     ELSE TRY_CAST(printf('%02d:%02d:%02d', cad_hour(t.h, t.ap), t.mi::INTEGER, coalesce(TRY_CAST(nullif(t.s, '') AS INTEGER), 0)) AS TIME) END`,
  `CREATE OR REPLACE MACRO cad_time(v) AS CASE WHEN v IS NULL OR trim(v) = '' THEN NULL
     ELSE cad_time_from(regexp_extract(trim(v), '${TIME_RE}', ['h', 'mi', 's', 'ap'])) END`,
  // Durations in minutes: a bare number (in the column's unit, minutes by default), h:mm or h:mm:ss, or "1h 30m 5s".
  `CREATE OR REPLACE MACRO cad_duration_min(v, unit_minutes) AS CASE
     WHEN v IS NULL OR trim(v) = '' THEN NULL
     WHEN regexp_full_match(trim(v), '\\d+([.,]\\d+)?') THEN replace(trim(v), ',', '.')::DOUBLE * unit_minutes
     WHEN regexp_full_match(trim(v), '\\d{1,3}:\\d{2}(:\\d{2})?') THEN
       split_part(trim(v), ':', 1)::DOUBLE * 60 + split_part(trim(v), ':', 2)::DOUBLE + coalesce(TRY_CAST(nullif(split_part(trim(v), ':', 3), '') AS DOUBLE), 0) / 60
     WHEN regexp_full_match(lower(trim(v)), '(\\d+(\\.\\d+)?\\s*h(ours?|rs?)?)?\\s*(\\d+\\s*m(in(ute)?s?)?)?\\s*(\\d+\\s*s(ec(ond)?s?)?)?') AND regexp_matches(v, '\\d') THEN
       coalesce(TRY_CAST(nullif(regexp_extract(lower(v), '(\\d+(\\.\\d+)?)\\s*h', 1), '') AS DOUBLE), 0) * 60
       + coalesce(TRY_CAST(nullif(regexp_extract(lower(v), '(\\d+)\\s*m', 1), '') AS DOUBLE), 0)
       + coalesce(TRY_CAST(nullif(regexp_extract(lower(v), '(\\d+)\\s*s', 1), '') AS DOUBLE), 0) / 60
     END`,
  // Numbers as exports write them: currency symbols, thousands separators, a decimal comma when the file uses one.
  `CREATE OR REPLACE MACRO cad_number(v, decimal_comma) AS CASE WHEN v IS NULL OR trim(v) = '' THEN NULL ELSE TRY_CAST(
     CASE WHEN decimal_comma THEN replace(replace(regexp_replace(trim(v), '[\\s$€£¥%]', '', 'g'), '.', ''), ',', '.')
          ELSE replace(regexp_replace(trim(v), '[\\s$€£¥%]', '', 'g'), ',', '') END AS DOUBLE) END`,
  `CREATE OR REPLACE MACRO cad_bool(v) AS CASE
     WHEN v IS NULL OR trim(v) = '' THEN NULL
     -- Localised Outlook writes its flags in the UI language ("Vrai", "Wahr", "Ein", "Verdadero").
     WHEN lower(trim(v)) IN ('y', 'yes', 'true', 't', '1', 'x', '✓', '✔', 'ja', 'oui', 'si', 'sí', 'sim', 'done', 'prepared', 'on', 'vrai', 'wahr', 'ein', 'an', 'verdadero', 'vero', 'waar', 'verdadeiro', 'prawda', 'sant') THEN true
     WHEN lower(trim(v)) IN ('n', 'no', 'false', 'f', '0', 'nein', 'non', 'não', 'nao', 'not prepared', 'off', 'faux', 'falsch', 'aus', 'falso', 'onwaar', 'fałsz', 'falsk') THEN false
     END`,
  // Text as written, without surrounding spaces; empty is NULL. Most values have none to trim, and checking
  // is about twice as fast as trimming (which copies every value).
  `CREATE OR REPLACE MACRO cad_text(v) AS CASE WHEN regexp_matches(v, '^ | $') THEN nullif(trim(v), '') ELSE nullif(v, '') END`,
  // A person as written: "Name <email>" → email; otherwise the trimmed text. Keys compare lower-case.
  `CREATE OR REPLACE MACRO cad_person(v) AS CASE WHEN v IS NULL OR trim(v) = '' OR regexp_full_match(trim(v), '0{15}(AAA)?') THEN NULL
     WHEN regexp_matches(v, '<[^>]+@[^>]+>') THEN lower(regexp_extract(v, '<([^>]+)>', 1))
     WHEN regexp_matches(trim(v), '^[^\\s@]+@[^\\s@]+$') THEN lower(trim(v))
     ELSE trim(v) END`,
  // How people are matched across exports: an email as itself (lower-case); a name lower-case, `Last, First`
  // turned to `First Last`, initials dropped, so "Adinolfi, Wilson  K" and "Wilson Adinolfi" are one person.
  `CREATE OR REPLACE MACRO cad_alias(v) AS CASE WHEN v IS NULL OR trim(v) = '' THEN NULL
     WHEN contains(v, '@') THEN lower(trim(v))
     ELSE nullif(array_to_string(list_filter(string_split(lower(CASE WHEN regexp_matches(v, '^[^,]+,[^,]+$') THEN split_part(v, ',', 2) || ' ' || split_part(v, ',', 1) ELSE v END), ' '),
       x -> length(replace(x, '.', '')) > 1), ' '), '') END`,
  // An id field left empty, as Salesforce writes it (its null id, 15 or 18 characters): no value.
  `CREATE OR REPLACE MACRO cad_id(v) AS CASE WHEN regexp_full_match(v, '0{15}(AAA)?') THEN NULL ELSE v END`,
  `CREATE OR REPLACE MACRO cad_people(v) AS CASE WHEN v IS NULL OR trim(v) = '' THEN []::VARCHAR[]
     ELSE list_filter(list_transform(string_split_regex(v, '[;,\\n]'), x -> cad_person(x)), x -> x IS NOT NULL) END`
];
