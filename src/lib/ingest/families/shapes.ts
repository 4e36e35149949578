/**
 * What a cell's text looks like, in any UI language: the family readers decide by these shapes, not by
 * English header words alone. Only recognition uses them; values are typed later, in SQL.
 */

/** A date with a time: `11/19/2021 10:00:00 AM`, `14/11/22, 09:29:07`, `2021-11-19T10:00:00Z`, `19.11.2021 10:00`. */
export const DATE_TIME = /^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\.?[T ,]+\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*[AaPp]\.?\s?[Mm]\.?)?(\s*(Z|[+-]\d{2}:?\d{2}))?\s*$/;
/** A date, with or without a time. */
export const DATE = /^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\.?([T ,]+\d{1,2}[:.]\d{2}.*)?\s*$/;
export const EMAIL = /^\s*[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+\s*$/;
/** A Zoom or Teams meeting number: 9–11 digits, maybe written in groups (`602 4516 7821`). */
export const MEETING_NUMBER = /^\s*\d{3}[ -]?\d{3,4}[ -]?\d{3,4}\s*$/;
export const INTEGER = /^\s*\d+\s*$/;
/** A length of time as attendance reports write it: `19m 26s`, `1h 2m`, `1 h 2 min`, `00:19:26`, `21 Min.`. */
export const DURATION = /^\s*((\d+\s*(h|hr|hrs|std|u|j|ч)\.?\s*)?(\d+\s*(m|min|mins|minutes?|minuten|mnt|menit)\.?\s*)?(\d+\s*(s|sec|secs|seconds?|sek|dtk|detik)\.?)?|\d{1,2}:\d{2}(:\d{2})?)\s*$/i;

export const isBlank = (v: string | null | undefined): boolean => v === null || v === undefined || v.trim() === '';
export const isBlankRow = (row: (string | null)[]): boolean => row.every(isBlank);
export const filled = (row: (string | null)[]): string[] => row.filter((v): v is string => !isBlank(v)).map((v) => v.trim());

/** The share of the non-blank values in `values` that pass `test`. */
export function shareOf(values: (string | null)[], test: RegExp | ((v: string) => boolean)): number {
  const present = values.filter((v): v is string => !isBlank(v));
  if (!present.length) return 0;
  const ok = typeof test === 'function' ? test : (v: string) => test.test(v);
  return present.filter(ok).length / present.length;
}

export const isDuration = (v: string): boolean => DURATION.test(v) && /\d/.test(v) && !INTEGER.test(v);

/** A person's name written `Last, First` becomes `First Last` (so every export names them one way). */
export function naturalName(name: string): string {
  const m = /^\s*([^,]+?)\s*,\s*([^,]+?)\s*$/.exec(name);
  return m ? `${m[2]} ${m[1]}` : name.trim();
}
