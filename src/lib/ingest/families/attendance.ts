/**
 * Attendance and participant reports (Teams, Zoom, Google Meet and the like): one meeting, with a row per
 * participant, often in blocks (a summary or meeting block, then the participants). Read as someone who
 * knows these tools would: the file is **one meeting** (or one per meeting block), its participants are the
 * attendees, and nothing is counted twice. Decided by the file's shape and its values' shapes (dates, emails,
 * meeting numbers, durations), so a report in another UI language reads the same. Pure: the loader hands in
 * the file's records read cell by cell, with no header.
 */
import { plural } from '$lib/format';
import { DATE_TIME, EMAIL, INTEGER, MEETING_NUMBER, filled, isBlank, isBlankRow, isDuration, naturalName, shareOf } from './shapes';

type Cells = (string | null)[];

export interface Attendee {
  name: string | null;
  email: string | null;
  firstJoin: string | null;
  lastLeave: string | null;
  duration: string | null;
  role: string | null;
  /** Records of the file about this person (a re-join is another record). */
  records: number;
}

export interface AttendanceMeeting {
  id: string | null;
  title: string | null;
  start: string | null;
  end: string | null;
  duration: string | null;
  organizer: string | null;
  attendees: Attendee[];
}

export type AttendanceFamily = 'attendance-sections' | 'attendance-two-blocks' | 'attendance-join-leave' | 'attendance-participants';

export interface AttendanceReading {
  family: AttendanceFamily;
  /** What the file is, in a CS leader's words. */
  label: string;
  meetings: AttendanceMeeting[];
  /** How each part of the file was used, in plain words. */
  notes: string[];
}

interface Block {
  title: string | null;
  /** 1-based record number of the block's first row. */
  first: number;
  rows: Cells[];
}

const SECTION_TITLE = /^\s*\d{1,2}\s*[.)]\s*\S.{0,80}$/;
/** Words for an organizer's role in the languages Teams ships (the rest fall back to the meeting block's host). */
const ORGANIZER_ROLE = /organi[sz]|penyelenggara|organizador|organisateur|organizzatore|organisator|主催|组织者|주최자|организатор/i;

/** Split the records into blocks at blank records and numbered section titles (`2. Participants`). */
export function blocksOf(records: Cells[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  records.forEach((row, i) => {
    const cells = filled(row);
    if (isBlankRow(row)) {
      current = null;
      return;
    }
    if (cells.length === 1 && SECTION_TITLE.test(cells[0]) && isBlank(row[1])) {
      current = { title: cells[0], first: i + 1, rows: [] };
      blocks.push(current);
      return;
    }
    // A header straight after a data row of another width starts a block too: the engine's read drops the
    // blank line that separates Zoom's two blocks.
    const previous = current?.rows.at(-1);
    const newHeader = current && current.rows.length >= 2 && previous && !isHeader(previous) && isHeader(row) && filled(previous).length !== cells.length;
    if (!current || newHeader) {
      current = { title: null, first: i + 1, rows: [] };
      blocks.push(current);
    }
    current.rows.push(row);
  });
  return blocks.filter((b) => b.rows.length > 0);
}

const column = (rows: Cells[], i: number): (string | null)[] => rows.map((r) => r[i] ?? null);
const width = (rows: Cells[]) => Math.max(0, ...rows.map((r) => r.length));
const at = (row: Cells, i: number | undefined) => (i === undefined || i < 0 ? null : (row[i]?.trim() || null));

/** A header row: text names, none of them a date, an email or a number. */
function isHeader(row: Cells): boolean {
  const cells = filled(row);
  return cells.length >= 2 && cells.every((c) => !DATE_TIME.test(c) && !EMAIL.test(c) && !/^\s*[\d.,:%-]+\s*$/.test(c));
}

/** A summary block: key–value lines, at least one value a date and time. */
function isSummary(b: Block): boolean {
  return b.rows.length >= 2 && b.rows.every((r) => filled(r).length <= 2 && !isBlank(r[0])) && b.rows.some((r) => DATE_TIME.test(r[1] ?? ''));
}

interface ParticipantColumns {
  name?: number;
  email?: number;
  join?: number;
  leave?: number;
  duration?: number;
  role?: number;
}

/** Which columns of a participants table hold what, by their values. */
function participantColumns(rows: Cells[]): ParticipantColumns | null {
  const n = width(rows);
  const cols: ParticipantColumns = {};
  const dates: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = column(rows, i);
    if (shareOf(v, DATE_TIME) >= 0.8) dates.push(i);
    else if (cols.email === undefined && shareOf(v, EMAIL) >= 0.8) cols.email = i;
    else if (cols.duration === undefined && shareOf(v, (x) => isDuration(x) || INTEGER.test(x)) >= 0.8 && shareOf(v, isDuration) + shareOf(v, INTEGER) > 0) cols.duration = i;
  }
  [cols.join, cols.leave] = dates;
  for (let i = 0; i < n; i++) {
    if (dates.includes(i) || i === cols.email || i === cols.duration) continue;
    const v = column(rows, i);
    const text = shareOf(v, (x) => /\p{L}/u.test(x) && !EMAIL.test(x));
    if (text < 0.8) continue;
    if (cols.name === undefined) cols.name = i;
    else if (cols.role === undefined && new Set(v.filter((x) => !isBlank(x))).size <= Math.max(3, rows.length / 3)) cols.role = i;
  }
  if (cols.name === undefined && cols.email === undefined) return null;
  if (cols.join === undefined && cols.duration === undefined) return null;
  return cols;
}

/** One attendee per person (email, else name): first join, last leave, the records about them. */
function attendeesOf(rows: Cells[], c: ParticipantColumns): Attendee[] {
  const byPerson = new Map<string, Attendee>();
  for (const row of rows) {
    const email = at(row, c.email)?.toLowerCase() ?? null;
    const name = at(row, c.name);
    const key = email ?? name?.toLowerCase();
    if (!key) continue;
    const seen = byPerson.get(key);
    if (!seen) {
      byPerson.set(key, { name, email, firstJoin: at(row, c.join), lastLeave: at(row, c.leave), duration: at(row, c.duration), role: at(row, c.role), records: 1 });
    } else {
      seen.records++;
      seen.lastLeave = at(row, c.leave) ?? seen.lastLeave; // rows come in time order: the last leave is the latest
      seen.duration = null; // a re-join splits the time: the total is not one cell's value
    }
  }
  return [...byPerson.values()];
}

/** A meeting block (Zoom's first block): a header and one row with the meeting's number, topic and times. */
function meetingOf(b: Block): AttendanceMeeting | null {
  if (b.rows.length !== 2 || !isHeader(b.rows[0])) return null;
  const row = b.rows[1];
  const cells = row.map((v) => v?.trim() ?? '');
  const dates = cells.map((v, i) => (DATE_TIME.test(v) ? i : -1)).filter((i) => i >= 0);
  if (!dates.length) return null;
  const id = cells.findIndex((v) => MEETING_NUMBER.test(v));
  const host = cells.findIndex((v) => EMAIL.test(v));
  const title = cells.findIndex((v, i) => i !== id && i !== host && v !== '' && /\p{L}/u.test(v) && !DATE_TIME.test(v));
  const duration = cells.findIndex((v, i) => i > dates[dates.length - 1] && i !== id && (INTEGER.test(v) || isDuration(v)));
  return {
    id: id >= 0 ? cells[id].replace(/[ -]/g, '') : null,
    title: title >= 0 ? cells[title] : null,
    start: cells[dates[0]],
    end: dates[1] !== undefined ? cells[dates[1]] : null,
    duration: duration >= 0 ? cells[duration] : null,
    organizer: host >= 0 ? cells[host].toLowerCase() : null,
    attendees: []
  };
}

/** A summary block's meeting: the title is the first value that is text, the start and end its first two dates. */
function summaryMeeting(b: Block): AttendanceMeeting {
  const values = b.rows.map((r) => r[1]?.trim() ?? '');
  const dates = values.filter((v) => DATE_TIME.test(v));
  const titleKey = b.rows.find((r) => /title|titel|titre|t[ií]tulo|judul|titolo|onderwerp|件名|标题|제목|название/i.test(r[0] ?? ''));
  const title = titleKey?.[1]?.trim() || values.find((v) => v !== '' && /\p{L}/u.test(v) && !DATE_TIME.test(v) && !isDuration(v)) || null;
  return { id: null, title, start: dates[0] ?? null, end: dates[1] ?? null, duration: values.find(isDuration) ?? null, organizer: null, attendees: [] };
}

function participantsTable(b: Block): { columns: ParticipantColumns; rows: Cells[] } | null {
  if (b.rows.length < 2 || !isHeader(b.rows[0])) return null;
  const rows = b.rows.slice(1);
  const columns = participantColumns(rows);
  return columns ? { columns, rows } : null;
}

function withParticipants(m: AttendanceMeeting, p: { columns: ParticipantColumns; rows: Cells[] }): AttendanceMeeting {
  const attendees = attendeesOf(p.rows, p.columns);
  const organizer = m.organizer ?? attendees.find((a) => ORGANIZER_ROLE.test(a.role ?? ''))?.email ?? null;
  return {
    ...m,
    organizer,
    start: m.start ?? extreme(attendees.map((a) => a.firstJoin), -1),
    end: m.end ?? extreme(attendees.map((a) => a.lastLeave), 1),
    attendees
  };
}

/** Sectioned or two-block reports: a summary or meeting block, then a participants table. */
function readBlocks(records: Cells[]): AttendanceReading | null {
  const blocks = blocksOf(records);
  if (blocks.length < 2) return null;
  const head = blocks[0];
  const meeting = isSummary(head) ? summaryMeeting(head) : meetingOf(head);
  if (!meeting) return null;
  const i = blocks.findIndex((b, k) => k > 0 && participantsTable(b));
  if (i < 0) return null;
  const participants = participantsTable(blocks[i])!;
  const result = withParticipants(meeting, participants);
  const sectioned = blocks.some((b) => b.title) || isSummary(head);
  const name = (b: Block, k: number) => (b.title ? `“${b.title.trim()}”` : `Block ${k + 1}`);
  const notes = [
    `${name(head, 0)} (lines ${head.first}–${head.first + head.rows.length - 1}) gave the meeting: ${[result.title, result.start].filter(Boolean).join(', ')}.`,
    `${name(blocks[i], i)} (lines ${blocks[i].first}–${blocks[i].first + blocks[i].rows.length - 1}): its first line is the column names; ${plural(participants.rows.length, 'row')} about ${plural(result.attendees.length, 'attendee')}.`,
    ...blocks
      .map((b, k) => ({ b, k }))
      .filter(({ k }) => k > 0 && k !== i)
      .map(({ b, k }) => `${name(b, k)} (lines ${b.first}–${b.first + b.rows.length - 1}) repeats the same people's joins and leaves: not counted again.`)
  ];
  return {
    family: sectioned ? 'attendance-sections' : 'attendance-two-blocks',
    label: sectioned ? `Attendance report (${blocks.some((b) => b.title) ? 'sections: ' : ''}a summary, then the participants${blocks.length > 2 ? ' and their activities' : ''})` : 'Participants report (a meeting block, then the participants)',
    meetings: [result],
    notes
  };
}

/** A join/leave list (Teams' legacy `Full Name, User Action, Timestamp`): one name, an action word and a time per line. */
function readJoinLeave(records: Cells[]): AttendanceReading | null {
  const [header, ...rows] = records.filter((r) => !isBlankRow(r));
  if (!header || filled(header).length !== 3 || !isHeader(header) || rows.length < 2) return null;
  const at3 = (i: number) => column(rows, i);
  const time = [0, 1, 2].find((i) => shareOf(at3(i), DATE_TIME) >= 0.9);
  if (time === undefined) return null;
  const others = [0, 1, 2].filter((i) => i !== time);
  const distinct = (i: number) => new Set(at3(i).map((v) => v?.trim().toLowerCase()).filter(Boolean)).size;
  // The action has the fewer distinct words; on a tie (two people, two actions) the name comes first, as Teams writes it.
  const [name, action] = distinct(others[0]) >= distinct(others[1]) ? others : [others[1], others[0]];
  if (distinct(action) > 6 || distinct(name) < 2 || shareOf(at3(name), (v) => /\p{L}/u.test(v)) < 0.9) return null;
  const attendees = attendeesOf(rows, { name, join: time, leave: time });
  const times = rows.map((r) => at(r, time)).filter((x): x is string => !!x);
  return {
    family: 'attendance-join-leave',
    label: 'Attendance list (who joined and left, and when)',
    meetings: [{ id: null, title: null, start: times[0] ?? null, end: times[times.length - 1] ?? null, duration: null, organizer: null, attendees }],
    notes: [`${plural(rows.length, 'join or leave line')} about ${plural(attendees.length, 'person', 'people')}: the meeting starts at the first time and ends at the last.`]
  };
}

/** A participants table alone (Zoom's report without its meeting block): one row per person's join. */
function readParticipantsAlone(records: Cells[]): AttendanceReading | null {
  const [header, ...rows] = records.filter((r) => !isBlankRow(r));
  if (!header || !isHeader(header) || rows.length < 2) return null;
  const c = participantColumns(rows);
  if (!c || c.join === undefined || c.leave === undefined) return null;
  // A meetings export has a title that varies and spans days; one meeting's participants share one sitting.
  const hours = spanHours(rows.flatMap((r) => [at(r, c.join), at(r, c.leave)]));
  if (hours === null || hours > 16) return null;
  const persons = column(rows, c.email ?? c.name!).filter((v) => !isBlank(v));
  if (new Set(persons.map((p) => p!.toLowerCase())).size < persons.length / 2) return null;
  const meeting = withParticipants({ id: null, title: null, start: null, end: null, duration: null, organizer: null, attendees: [] }, { columns: c, rows });
  return {
    family: 'attendance-participants',
    label: 'Participants report (one row per join)',
    meetings: [meeting],
    notes: [`${plural(rows.length, 'join')} by ${plural(meeting.attendees.length, 'attendee')}, all within ${Math.max(1, Math.round(hours))} h: one meeting, from the first join to the last leave.`]
  };
}

/** The earliest (-1) or latest (1) of these date-times, as written; in file order when they cannot be read. */
function extreme(values: (string | null)[], dir: -1 | 1): string | null {
  const present = values.filter((v): v is string => !!v);
  if (!present.length) return null;
  const timed = present.map((v) => ({ v, t: looseTime(v) }));
  if (timed.some((x) => x.t === null)) return dir < 0 ? present[0] : present[present.length - 1];
  return timed.reduce((best, x) => (dir * (x.t! - best.t!) > 0 ? x : best)).v;
}

/** Hours between the earliest and latest of these date-times, read loosely (only to tell a sitting from a calendar). */
export function spanHours(values: (string | null)[]): number | null {
  const ms = values
    .map((v) => (v ? looseTime(v) : null))
    .filter((x): x is number => x !== null);
  if (ms.length < 2) return null;
  return (Math.max(...ms) - Math.min(...ms)) / 3_600_000;
}

/** Milliseconds of a date-time, whatever its day/month order: the span only needs both ends read alike. */
function looseTime(v: string): number | null {
  const m = /(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})\.?[T ,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp])?/.exec(v);
  if (!m) return null;
  const [a, b, c] = [m[1], m[2], m[3]].map(Number);
  const year = m[1].length === 4 ? a : c < 100 ? 2000 + c : c;
  const [p, q] = m[1].length === 4 ? [b, c] : [a, b];
  let h = Number(m[4]) % (m[7] ? 12 : 24);
  if (m[7] && /p/i.test(m[7])) h += 12;
  // Both orders give the same span within one sitting; months and days are folded into one ordinal.
  return Date.UTC(year, 0, 1) + ((p - 1) * 31 + (q - 1)) * 86_400_000 + h * 3_600_000 + Number(m[5]) * 60_000 + Number(m[6] ?? 0) * 1000;
}

/** The reading of an attendance report, or null when the records are not one. */
export function readAttendance(records: Cells[]): AttendanceReading | null {
  return readBlocks(records) ?? readJoinLeave(records) ?? readParticipantsAlone(records);
}

/** The columns the meeting is written into (named as a meetings export would name them, so mapping is plain). */
export const MEETING_COLUMNS = ['Meeting ID', 'Title', 'Start', 'End', 'Duration', 'Organizer', 'Attendees', 'Attendee count', 'Attendance'] as const;

/** Attendees as one cell: emails where the report has them, else names (written `First Last`, so no comma splits one). */
export function attendeeList(m: AttendanceMeeting): string {
  return m.attendees
    .filter((a) => (a.email ?? '') !== (m.organizer ?? '\0'))
    .map((a) => a.email ?? naturalName(a.name ?? ''))
    .filter(Boolean)
    .join('; ');
}

/** Each attendee's joins and minutes, kept as the report wrote them. */
export function attendanceDetail(m: AttendanceMeeting): string {
  return m.attendees
    .map((a) => {
      const who = [a.name, a.email && a.email !== a.name?.toLowerCase() ? `<${a.email}>` : null].filter(Boolean).join(' ');
      const when = [a.firstJoin, a.lastLeave].filter(Boolean).join(' – ');
      return [who, when, a.duration, a.role, a.records > 1 ? `${a.records} joins` : null].filter(Boolean).join(', ');
    })
    .join('\n');
}

export function meetingRows(r: AttendanceReading): string[][] {
  return r.meetings.map((m) => [m.id ?? '', m.title ?? '', m.start ?? '', m.end ?? '', m.duration ?? '', m.organizer ?? '', attendeeList(m), String(m.attendees.length), attendanceDetail(m)]);
}

/** One line a CS leader reads: what the file became. */
export function summarize(r: AttendanceReading): string {
  const m = r.meetings[0];
  const when = [m.start, m.end].filter(Boolean).join(' – ');
  const what = [m.title ? `“${m.title}”` : null, when || null].filter(Boolean).join(', ');
  return `${r.label}: ${plural(r.meetings.length, 'meeting')}${what ? ` (${what})` : ''} with ${plural(m.attendees.length, 'attendee')}.`;
}
