import { describe, expect, it } from 'vitest';
import { missingFields } from './needs';

describe('fields a view needs that a mapping leaves out', () => {
  it('names the field, the file and the views it costs', () => {
    const m = missingFields([
      { file: 'calendar.csv', mapping: { table: 'meetings', fields: { title: 'Subject', organizer: 'Organizer' } } },
      { file: 'plans.csv', mapping: { table: 'outcomes', fields: { account: 'Company', current_value: 'Now', target_value: 'Goal' } } },
      { file: 'okrs.csv', mapping: { table: 'goals', fields: { title: 'Objective' } } },
      { file: 'notes.csv', mapping: { table: 'unknown', fields: {} } }
    ]);
    expect(m.map((x) => [x.file, x.field, x.views])).toEqual([
      ['calendar.csv', 'start', ['meetings', 'oneonone']],
      ['okrs.csv', 'progress_pct', ['goals']],
      ['okrs.csv', 'owner', ['goals']]
    ]);
    expect(m[0].message).toMatch(/calendar\.csv has no column mapped to “Start/);
  });
  it('is silent when every need is met', () => {
    expect(missingFields([{ file: 'a.csv', mapping: { table: 'meetings', fields: { start: 'Start', attendees: 'Attendees' } } }])).toEqual([]);
  });
});
