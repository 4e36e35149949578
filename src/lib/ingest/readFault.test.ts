import { describe, expect, it } from 'vitest';
import { isUnreadable, unreadableMessage } from './readFault';

describe('isUnreadable', () => {
  it('recognises the File API errors by name', () => {
    expect(isUnreadable(new DOMException('x', 'NotReadableError'))).toBe(true);
    expect(isUnreadable(new DOMException('x', 'NotFoundError'))).toBe(true);
    expect(isUnreadable(Object.assign(new Error('x'), { name: 'NotReadableError' }))).toBe(true);
  });
  it('recognises them by message when a worker passed only the text on', () => {
    expect(isUnreadable(new Error('NotReadableError: The requested file could not be read, typically due to permission problems'))).toBe(true);
    expect(isUnreadable('A requested file or directory could not be found at the time an operation was processed.')).toBe(true);
  });
  it('leaves other faults alone', () => {
    expect(isUnreadable(new DOMException('cancelled', 'AbortError'))).toBe(false);
    expect(isUnreadable(new DOMException('full', 'QuotaExceededError'))).toBe(false);
    expect(isUnreadable(new Error('Invalid Input Error: CSV error on line 3'))).toBe(false);
    expect(isUnreadable(null)).toBe(false);
  });
});

describe('unreadableMessage', () => {
  it('names the file, the cause and what to do', () => {
    const m = unreadableMessage('meetings.csv');
    expect(m).toMatch(/^meetings\.csv could not be read any more/);
    expect(m).toMatch(/moved, deleted/);
    expect(m).toMatch(/Pick it again/);
  });
});
