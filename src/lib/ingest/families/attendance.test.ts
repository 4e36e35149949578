import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { blocksOf, readAttendance, summarize, attendeeList, spanHours } from './attendance';

const REAL = resolve(__dirname, '../../../../../shared/fixtures/real-exports');
const OWN = resolve(__dirname, '../../../../tests/fixtures/families');

/** A file's records cell by cell, as the loader hands them over (no header). */
function records(path: string, delimiter: string): (string | null)[][] {
  const bytes = readFileSync(path);
  const utf16 = bytes[0] === 0xfe || bytes[0] === 0xff;
  const text = new TextDecoder(utf16 ? (bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le') : 'utf-8').decode(bytes).replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data.filter((r, i, all) => !(i === all.length - 1 && r.length === 1 && r[0] === ''));
}

describe('attendance reports: one meeting, its participants as attendees', () => {
  it('Teams 2022 sections (UTF-16, tab, day-first with a comma inside each timestamp)', () => {
    const r = readAttendance(records(`${REAL}/teams-dvaneynde/IDL-14-11-22.csv`, '\t'))!;
    expect(r.family).toBe('attendance-sections');
    expect(r.meetings).toHaveLength(1);
    const m = r.meetings[0];
    expect(m).toMatchObject({ title: 'Scrum Meeting', start: '14/11/22, 09:29:07', end: '14/11/22, 09:50:14', duration: '21m 7s', organizer: 'jan.janssens.ext@un.int' });
    expect(m.attendees).toHaveLength(7);
    expect(m.attendees.map((a) => a.email)).toContain('sdc@smallco.co.uk');
    expect(attendeeList(m).split('; ')).toHaveLength(6); // the organizer is not their own attendee
    expect(r.notes.join(' ')).toMatch(/not counted again/);
  });

  it('Teams 2022 in German, and the 2021 layout with an unnumbered summary', () => {
    const de = readAttendance(records(`${OWN}/teams-2022-de.csv`, '\t'))!;
    expect(de.meetings[0]).toMatchObject({ title: 'Quartalsreview Nordwind', start: '03.05.23, 14:00:12', end: '03.05.23, 14:46:40', organizer: 'anna.mueller@nordwind.de' });
    expect(de.meetings[0].attendees.map((a) => a.name)).toEqual(['Müller, Anna', 'Jonas Weber', 'Priya Shah']);
    const old = readAttendance(records(`${OWN}/teams-2021-summary.csv`, '\t'))!;
    expect(old.family).toBe('attendance-sections');
    expect(old.meetings[0]).toMatchObject({ title: 'Weekly 1:1 Dana / Chris', start: '2/14/2024, 3:00:05 PM', organizer: 'chris@acme-cs.com' });
    expect(attendeeList(old.meetings[0])).toBe('dana@acme-cs.com');
  });

  it('Teams legacy join/leave list, in English and in French', () => {
    const en = readAttendance(records(`${REAL}/teams-gspahlin/meetingAttendanceList.csv`, ','))!;
    expect(en.family).toBe('attendance-join-leave');
    const m = en.meetings[0];
    expect(m.start).toBe('11/4/2020, 9:50:12 AM');
    expect(m.end).toBe(records(`${REAL}/teams-gspahlin/meetingAttendanceList.csv`, ',').filter((r) => r.length === 3).at(-1)![2]);
    const names = new Set(records(`${REAL}/teams-gspahlin/meetingAttendanceList.csv`, ',').slice(1).filter((r) => r.length === 3).map((r) => r[0]));
    expect(m.attendees).toHaveLength(names.size);
    const fr = readAttendance(records(`${OWN}/teams-join-leave-fr.csv`, ','))!;
    expect(fr.meetings[0].attendees).toHaveLength(2);
    expect(attendeeList(fr.meetings[0])).toBe('Claire Martin; Léa Dubois');
  });

  it('Zoom with the meeting block: the second header is a header, the meeting number is the id', () => {
    const r = readAttendance(records(`${REAL}/zoom-zoomclass/participants_heroes_full.csv`, ','))!;
    expect(r.family).toBe('attendance-two-blocks');
    expect(r.meetings[0]).toMatchObject({ id: '60245167821', title: 'Heroes meeting', start: '11/19/2021 10:00:00 AM', end: '11/19/2021 12:00:00 PM', duration: '120', organizer: 'green-goblin_human@marvel.com' });
    expect(summarize(r)).toMatch(/1 meeting \(“Heroes meeting”, 11\/19\/2021 10:00:00 AM – 11\/19\/2021 12:00:00 PM\) with \d+ attendees/);
    const usage = readAttendance(records(`${REAL}/zoom-har1eyk/20200901_lecture.csv`, ','))!;
    expect(usage.meetings[0]).toMatchObject({ id: '94758381041', title: 'Fall 2020 BSCI:414 Tuesday, Thursday Classroom', start: '09/01/2020 09:03:16 AM' });
    expect(usage.meetings[0].attendees.length).toBeGreaterThan(5);
  });

  it('Zoom participants without the meeting block: one meeting from the first join to the last leave, re-joins merged', () => {
    const r = readAttendance(records(`${OWN}/zoom-participants-only.csv`, ','))!;
    expect(r.family).toBe('attendance-participants');
    expect(r.meetings[0].attendees).toHaveLength(3);
    expect(r.meetings[0].attendees.find((a) => a.email === 'lee.park@globex.com')).toMatchObject({ records: 2, firstJoin: '03/07/2024 10:00:15 AM', lastLeave: '03/07/2024 10:31:38 AM' });
    expect(r.meetings[0].start).toBe('03/07/2024 09:58:02 AM');
  });

  it('Teams participants alone, in Indonesian (times with dots, re-joins merged): one meeting, not one per row', () => {
    const r = readAttendance(records(`${OWN}/teams-participants-id.csv`, '\t'))!;
    expect(r.family).toBe('attendance-participants');
    expect(r.meetings).toHaveLength(1);
    expect(r.meetings[0]).toMatchObject({ start: '14/11/22 09.30.46', end: '14/11/22 09.50.12', organizer: 'budi@contoh.co.id' });
    expect(r.meetings[0].attendees.map((a) => [a.email, a.records])).toEqual([['budi@contoh.co.id', 1], ['siti@contoh.co.id', 2], ['agus@pelanggan.id', 1]]);
  });

  it('is not fooled by ordinary exports', () => {
    const meetings = [
      ['Subject', 'Start', 'End', 'Organizer', 'Attendees'],
      ['QBR Globex', '2024-03-04 10:00', '2024-03-04 11:00', 'dana@acme-cs.com', 'lee@globex.com'],
      ['QBR Initech', '2024-03-09 10:00', '2024-03-09 11:00', 'dana@acme-cs.com', 'bob@initech.com'],
      ['1:1 Dana', '2024-03-12 09:00', '2024-03-12 09:30', 'chris@acme-cs.com', 'dana@acme-cs.com']
    ];
    expect(readAttendance(meetings)).toBeNull();
    expect(readAttendance(records(`${REAL}/gcal-marten/gcal.csv`, ','))).toBeNull();
    expect(readAttendance(records(`${REAL}/hr-huebner/HRDataset_v14.csv`, ','))).toBeNull();
    expect(readAttendance(records(`${REAL}/cs-sstankala/sample_data.csv`, ','))).toBeNull();
    expect(readAttendance(records(`${REAL}/okr-allyio/goals.csv`, ','))).toBeNull();
  });

  it('splits blocks at blank lines and numbered section titles', () => {
    const b = blocksOf([['1. Summary', ''], ['a', 'b'], ['', ''], ['x', 'y'], ['2. Participants', ''], ['n', 'm']]);
    expect(b.map((x) => [x.title, x.first, x.rows.length])).toEqual([['1. Summary', 1, 1], [null, 4, 1], ['2. Participants', 5, 1]]);
    // The engine's read drops blank lines: a header after a data row of another width still starts a block.
    const joined = blocksOf([['Meeting ID', 'Topic', 'Start Time'], ['123 456 7890', 'QBR', '1/2/2024 10:00 AM'], ['Name', 'User Email'], ['Ann', 'ann@x.com']]);
    expect(joined.map((x) => x.rows.length)).toEqual([2, 2]);
    expect(spanHours(['11/19/2021 9:54:15 AM', '11/19/2021 12:01:59 PM'])).toBeCloseTo(2.13, 1);
  });
});
