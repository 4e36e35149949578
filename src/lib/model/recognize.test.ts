import { describe, it, expect } from 'vitest';
import { UNSURE_BELOW, recognize, mapFields, headerSignature, type ColumnSample } from './recognize';

const cols = (spec: Record<string, string[]>): ColumnSample[] => Object.entries(spec).map(([name, values]) => ({ name, values }));

describe('recognize', () => {
  it('an Outlook calendar export is meetings, with split date and time columns', () => {
    const r = recognize(
      cols({
        Subject: ['1:1 Dana / Alex', 'Canceled: 1:1 Dana / Sam'],
        'Start Date': ['5/5/2025', '5/12/2025'],
        'Start Time': ['9:30:00 AM', '10:00:00 AM'],
        'End Date': ['5/5/2025', '5/12/2025'],
        'End Time': ['10:00:00 AM', '10:30:00 AM'],
        'All day event': ['False'],
        'Meeting Organizer': ['Dana Whitfield'],
        'Required Attendees': ['alex.nguyen@x.example'],
        Categories: ['Goals & performance; Career development'],
        Description: ['Report shared their metrics']
      })
    );
    expect(r.table).toBe('meetings');
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.fields).toMatchObject({
      title: 'Subject',
      start: 'Start Date',
      start_time: 'Start Time',
      end: 'End Date',
      end_time: 'End Time',
      organizer: 'Meeting Organizer',
      attendees: 'Required Attendees',
      agenda: 'Categories',
      notes: 'Description'
    });
  });
  it('a Zoom "Start Time" holding a full timestamp is the start, not a time of day', () => {
    const m = mapFields('meetings', cols({ Topic: ['Weekly sync'], 'Start Time': ['2025-03-04 10:00:00'], 'Duration (Minutes)': ['30'], 'Meeting ID': ['812 3456 7890'] }));
    expect(m).toMatchObject({ title: 'Topic', start: 'Start Time', duration: 'Duration (Minutes)', meeting_id: 'Meeting ID' });
    expect(m.start_time).toBeUndefined();
  });
  it('Outlook categories without agenda words are the meeting kind', () => {
    const m = mapFields('meetings', cols({ Subject: ['x'], Categories: ['Customer', 'Internal', '1:1'] }));
    expect(m.kind).toBe('Categories');
    expect(m.agenda).toBeUndefined();
  });
  it('HubSpot internal names and UI labels both map', () => {
    expect(recognize(cols({ hs_meeting_title: ['QBR'], hs_meeting_start_time: ['2025-03-04T10:00:00Z'], hs_meeting_outcome: ['COMPLETED'], hs_object_id: ['1'] })).table).toBe('meetings');
    const ui = recognize(cols({ 'Record ID': ['1'], 'Meeting name': ['QBR'], 'Meeting start time': ['2025-03-04 10:00'], 'Meeting outcome': ['Completed'], 'Activity assigned to': ['a@x.com'], 'Associated Company': ['Acme'] }));
    expect(ui.table).toBe('meetings');
    expect(ui.fields).toMatchObject({ status: 'Meeting outcome', organizer: 'Activity assigned to', account: 'Associated Company', start: 'Meeting start time' });
  });
  it('recognises goals, outcomes, people and accounts', () => {
    expect(recognize(cols({ Goal: ['NRR'], Owner: ['a'], 'Target Value': ['100'], 'Current Value': ['50'], 'Goal % Completion': ['50%'], due_on: ['2025-06-30'] })).table).toBe('goals');
    expect(recognize(cols({ 'Company Name': ['Acme'], 'Objective Name': ['Reduce backlog'], '% Complete': ['40'], 'Snapshot Date': ['2025-05-31'], 'First Value Date': ['2025-05-01'] })).table).toBe('outcomes');
    expect(recognize(cols({ 'Employee Name': ['A B'], 'Work Email': ['a@x'], Manager: ['C D'], Team: ['Growth'], 'Hire Date': ['2024-01-01'] })).table).toBe('people');
    expect(recognize(cols({ 'Account Name': ['Acme'], 'Customer Segment': ['High Touch'], 'Account Owner': ['A B'], 'Annual Recurring Revenue': ['1000'], 'Renewal Date': ['01/02/2026'] })).table).toBe('accounts');
    // ARR and renewal dates under the names CRMs and CS platforms give them.
    for (const [arr, renewal] of [['ARR', 'Renewal Date'], ['Current ARR', 'Next Renewal Date'], ['ARR (USD)', 'Contract Renewal Date'], ['Annual Contract Value', 'Subscription End Date']]) {
      const r = recognize(cols({ Company: ['Acme'], Tier: ['High Touch'], CSM: ['A B'], [arr]: ['1000'], [renewal]: ['2026-02-01'] }));
      expect([r.table, r.fields.arr, r.fields.renewal_date], `${arr} / ${renewal}`).toEqual(['accounts', arr, renewal]);
    }
  });
  it('asks instead of picking when two tables fit about as well', () => {
    // An objective with a status, a due date and a segment: a goal as much as a customer outcome.
    const r = recognize(['Objective', 'Status', 'Due Date', 'Segment'].map((name) => ({ name, values: [] })));
    expect(r.table).toBe('unknown');
    expect(['goals', 'outcomes']).toContain(r.guess);
    expect(r.confidence).toBeLessThan(UNSURE_BELOW);
    const sure = recognize(['Subject', 'Start Date', 'Start Time', 'End Date', 'End Time', 'Meeting Organizer', 'Required Attendees'].map((name) => ({ name, values: [] })));
    expect(sure.confidence).toBeGreaterThanOrEqual(UNSURE_BELOW);
    expect(sure.table).toBe('meetings');
    expect(sure.candidates?.people).toBeDefined();
  });
  it('a file with no known headers is unknown', () => {
    const r = recognize(cols({ foo: ['1'], bar: ['2'], Date: ['2025-01-01'] }));
    expect(r.table).toBe('unknown');
  });
  it('signatures ignore order, case and punctuation', () => {
    expect(headerSignature(['Start Date', 'Subject'])).toBe(headerSignature(['subject', 'START_DATE']));
    expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['a', 'c']));
  });
});
