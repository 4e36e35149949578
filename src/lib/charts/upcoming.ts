/** The upcoming-gaps list from the pairs' rows (oneOnOne.upcoming): what a manager can act on before the week starts. */
export interface UpcomingRow {
  manager: unknown;
  manager_name: unknown;
  calendar_ahead: unknown;
  booked_7: unknown;
  booked_14: unknown;
  overdue: unknown;
}

/**
 * The pairs to act on: nothing booked in the next 7 or 14 days (where the manager's exports carry a calendar
 * ahead), or waiting past their plan already; and the managers whose exports carry no calendar ahead (their
 * bookings cannot be read, so none of their pairs is called unbooked).
 */
export function upcomingGaps<R extends UpcomingRow>(rows: readonly R[]): { gaps: R[]; unbooked7: number; unbooked14: number; overdue: number; noCalendar: string[] } {
  const gaps = rows.filter((r) => (r.calendar_ahead === true && (r.booked_7 !== true || r.booked_14 !== true)) || r.overdue === true);
  const noCalendar = [...new Set(rows.filter((r) => r.calendar_ahead !== true).map((r) => String(r.manager_name)))].sort();
  return {
    gaps,
    unbooked7: rows.filter((r) => r.calendar_ahead === true && r.booked_7 !== true).length,
    unbooked14: rows.filter((r) => r.calendar_ahead === true && r.booked_14 !== true).length,
    overdue: rows.filter((r) => r.overdue === true).length,
    noCalendar
  };
}
