/**
 * The loader's family step: files whose shape is not one row per record of a table (attendance reports in
 * blocks) are recognised on a sample before the dialect is chosen, read cell by cell with no header, and
 * then reshaped by their reader into the rows they stand for.
 */
import Papa from 'papaparse';
import { replaceWithTextRows, tableRecords } from '$lib/engine/tables';
import type { FamilyReading } from '../types';
import { MEETING_COLUMNS, meetingRows, readAttendance, summarize, type AttendanceReading } from './attendance';

/** Tab first: a tab-separated report's timestamps hold commas (`14/11/22, 09:29:07`), never tabs. */
const DELIMITERS = ['\t', ',', ';'];
/** Records of the sample a family is recognised on: every block of a report starts well within them. */
const SNIFF_RECORDS = 2_000;
/** Attendance reports are small; a file with more records than this is not read as one. */
export const MAX_REPORT_RECORDS = 200_000;

/** The delimiter under which the sample reads as an attendance report, or null. */
export function sniffAttendance(sampleText: string): { delimiter: string; reading: AttendanceReading } | null {
  const text = sampleText.replace(/^\uFEFF/, '');
  for (const delimiter of DELIMITERS) {
    if (!text.includes(delimiter)) continue;
    // The first records decide the shape (the whole file is read again by the engine and reshaped from that).
    const records = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, preview: SNIFF_RECORDS }).data;
    const reading = readAttendance(records);
    if (reading) return { delimiter, reading };
  }
  return null;
}

export function familyOf(reading: AttendanceReading): FamilyReading {
  return { id: reading.family, label: reading.label, summary: summarize(reading), notes: reading.notes, table: 'meetings' };
}

/**
 * Read the whole staging table (loaded cell by cell) as an attendance report and replace it with its
 * meetings. Returns null, leaving the table as it is, when the whole file does not read as one.
 */
export async function reshapeAttendance(table: string, columns: string[]): Promise<{ family: FamilyReading; columns: string[] } | null> {
  const records = await tableRecords(table, columns, MAX_REPORT_RECORDS + 1);
  if (records.length > MAX_REPORT_RECORDS) return null;
  const reading = readAttendance(records);
  if (!reading) return null;
  await replaceWithTextRows(table, MEETING_COLUMNS, meetingRows(reading));
  return { family: familyOf(reading), columns: [...MEETING_COLUMNS] };
}
