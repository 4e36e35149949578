import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from '$lib/testing/duckdb-node';
import { MACROS } from './macros';

beforeAll(async () => {
  await sql(MACROS.join(';\n'));
});

const one = async (expr: string) => (await sql(`SELECT ${expr} AS v`))[0].v;
const ts = (v: string, ord = 'mdy') => one(`strftime(cad_ts('${v}', '${ord}'), '%Y-%m-%d %H:%M:%S')`);

describe('dates and times', () => {
  it('reads ISO dates and datetimes, with and without offsets (converted to UTC)', async () => {
    expect(await ts('2025-03-04')).toBe('2025-03-04 00:00:00');
    expect(await ts('2025-03-04T10:15:30')).toBe('2025-03-04 10:15:30');
    expect(await ts('2025-03-04 10:15:30.123')).toBe('2025-03-04 10:15:30');
    expect(await ts('2025-03-04T10:00:00Z')).toBe('2025-03-04 10:00:00');
    expect(await ts('2025-03-04T10:00:00+02:00')).toBe('2025-03-04 08:00:00');
    expect(await ts('2025-03-04T10:00:00-08')).toBe('2025-03-04 18:00:00');
    expect(await ts('2025-03-04T10:00:00+0530')).toBe('2025-03-04 04:30:00');
    expect(await ts('2025-03-04 01:00:00+13:45')).toBe('2025-03-03 11:15:00');
    expect(await ts('2025-03-04 10:00:00-03:30')).toBe('2025-03-04 13:30:00');
    expect(await ts('2022-05-16 23:20:57 UTC')).toBe('2022-05-16 23:20:57'); // Ally.io / Viva Goals check-ins
    expect(await ts('14/11/22, 09:29:07', 'dmy')).toBe('2022-11-14 09:29:07'); // Teams attendance reports
    expect(await ts('14/11/22 09.29.07', 'dmy')).toBe('2022-11-14 09:29:07'); // … in Indonesian and Finnish, whose times use dots
  });
  it('casts plain ISO values directly and leaves padded, zoned or 12-hour ones to the parts', async () => {
    const iso = (v: string) => one(`strftime(cad_ts_iso('${v}'), '%Y-%m-%d %H:%M:%S')`);
    expect(await iso('2025-03-04')).toBe('2025-03-04 00:00:00');
    expect(await iso('2025-03-04 10:15')).toBe('2025-03-04 10:15:00');
    expect(await iso('2025-03-04T10:15:30.9')).toBe('2025-03-04 10:15:30');
    for (const v of [' 2025-03-04', '2025-03-04T10:00:00Z', '2025-03-04 10:00:00+02:00', '2025-03-04 10:00 PM', '2025/03/04', '2025-02-30']) expect(await iso(v)).toBeNull();
    expect(await ts(' 2025-03-04 10:15 ')).toBe('2025-03-04 10:15:00'); // padded: read by the parts
  });
  it('keeps text as written without surrounding spaces, empty as NULL', async () => {
    expect(await one(`cad_text('  Acme Corp ')`)).toBe('Acme Corp');
    expect(await one(`cad_text('Acme  Corp')`)).toBe('Acme  Corp');
    expect(await one(`cad_text('   ')`)).toBeNull();
    expect(await one(`cad_text('')`)).toBeNull();
    expect(await one(`cad_text(NULL)`)).toBeNull();
  });
  it('reads month-first and day-first dates as the column order says', async () => {
    expect(await ts('3/4/2025', 'mdy')).toBe('2025-03-04 00:00:00');
    expect(await ts('3/4/2025', 'dmy')).toBe('2025-04-03 00:00:00');
    expect(await ts('15/11/22', 'dmy')).toBe('2022-11-15 00:00:00');
    expect(await ts('15/11/22', 'mdy')).toBeNull(); // month 15 does not exist: unparsed, not guessed
    expect(await ts('31.12.2024', 'dmy')).toBe('2024-12-31 00:00:00');
  });
  it("reads Outlook's M/D/YYYY h:mm:ss AM and 12-hour edge cases", async () => {
    expect(await ts('3/4/2025 1:05:00 PM')).toBe('2025-03-04 13:05:00');
    expect(await ts('3/4/2025 12:30:00 AM')).toBe('2025-03-04 00:30:00');
    expect(await ts('3/4/2025 12:30:00 PM')).toBe('2025-03-04 12:30:00');
    expect(await ts('3/4/2025, 9:01:12 AM')).toBe('2025-03-04 09:01:12');
    expect(await ts('12-13-04 8:00 pm')).toBe('2004-12-13 20:00:00');
  });
  it('reads two-digit years around the 1969 pivot', async () => {
    expect(await ts('01-02-90', 'dmy')).toBe('1990-02-01 00:00:00');
    expect(await ts('01-02-02', 'dmy')).toBe('2002-02-01 00:00:00');
    expect(await ts('01-02-68', 'dmy')).toBe('2068-02-01 00:00:00');
    expect(await ts('01-02-69', 'dmy')).toBe('1969-02-01 00:00:00');
  });
  it('reads Excel serial dates and month names', async () => {
    expect(await ts('45720')).toBe('2025-03-04 00:00:00');
    expect(await ts('45720.5')).toBe('2025-03-04 12:00:00');
    expect(await ts('4-Mar-25')).toBe('2025-03-04 00:00:00');
    expect(await ts('Mar 4, 2025')).toBe('2025-03-04 00:00:00');
    expect(await ts('4 March 2025')).toBe('2025-03-04 00:00:00');
  });
  it('returns NULL for text that is not a date, never a guess', async () => {
    expect(await ts('next Tuesday')).toBeNull();
    expect(await ts('2025-02-30')).toBeNull();
    expect(await ts('')).toBeNull();
    expect(await one(`cad_ts(NULL, 'mdy')`)).toBeNull();
  });
  it('reads times of day for split date and time columns', async () => {
    const t = (v: string) => one(`cad_time('${v}')::VARCHAR`);
    expect(await t('9:30:00 AM')).toBe('09:30:00');
    expect(await t('12:00:00 PM')).toBe('12:00:00');
    expect(await t('12:15 AM')).toBe('00:15:00');
    expect(await t('17:45')).toBe('17:45:00');
    expect(await t('noon')).toBeNull();
  });
});

describe('durations', () => {
  const d = (v: string, unit = 1) => one(`cad_duration_min('${v}', ${unit})`);
  it('reads minutes, h:mm:ss and 1h 30m 5s', async () => {
    expect(await d('45')).toBe(45);
    expect(await d('90', 1 / 60)).toBe(1.5); // a seconds column
    expect(await d('1:30:00')).toBe(90);
    expect(await d('0:45')).toBe(45);
    expect(await d('1:30:30')).toBe(90.5);
    expect(await d('1h 30m')).toBe(90);
    expect(await d('1h 30m 30s')).toBe(90.5);
    expect(await d('2 hours')).toBe(120);
    expect(await d('25 min')).toBe(25);
    expect(await d('1.5h')).toBe(90);
    expect(await d('about an hour')).toBeNull();
    expect(await d('')).toBeNull();
  });
});

describe('numbers, booleans, people', () => {
  it('reads numbers with currency, thousands separators and decimal commas', async () => {
    expect(await one(`cad_number('$125,000', false)`)).toBe(125000);
    expect(await one(`cad_number('64%', false)`)).toBe(64);
    expect(await one(`cad_number('1.234,5', true)`)).toBe(1234.5);
    expect(await one(`cad_number('n/a', false)`)).toBeNull();
  });
  it('reads yes/no columns', async () => {
    expect(await one(`cad_bool('Y')`)).toBe(true);
    expect(await one(`cad_bool('no')`)).toBe(false);
    expect(await one(`cad_bool('maybe')`)).toBeNull();
  });
  it('reads people as emails when there is one', async () => {
    expect(await one(`cad_person('Jane Doe <Jane.Doe@Acme.com>')`)).toBe('jane.doe@acme.com');
    expect(await one(`cad_person(' JANE.DOE@acme.com ')`)).toBe('jane.doe@acme.com');
    expect(await one(`cad_person('Jane Doe')`)).toBe('Jane Doe');
    expect(await one(`cad_people('a@x.com; B <b@x.com>, ')::VARCHAR`)).toBe('[a@x.com, b@x.com]');
  });
});
