import { describe, it, expect } from 'vitest';
import { decideDateOrder, localeOrder } from './dateOrder';

const stats = (p: Partial<Parameters<typeof decideDateOrder>[0]>) => ({ column: 'Date', values: 10, yearFirst: 0, firstAbove12: 0, secondAbove12: 0, example: null, ...p });

describe('decideDateOrder', () => {
  it('year-first columns are ISO', () => {
    expect(decideDateOrder(stats({ yearFirst: 10 }), 'en-US').order).toBe('ymd');
  });
  it('any day above 12 in first place decides day-first, in second place month-first', () => {
    expect(decideDateOrder(stats({ firstAbove12: 3 }), 'en-US')).toMatchObject({ order: 'dmy', question: null });
    expect(decideDateOrder(stats({ secondAbove12: 1 }), 'en-GB')).toMatchObject({ order: 'mdy', question: null });
  });
  it('asks exactly the ambiguous question, with the locale as the assumed answer', () => {
    const d = decideDateOrder(stats({ example: '03/04/2025' }), 'en-GB');
    expect(d.order).toBe('dmy');
    expect(d.question?.text).toBe('Is 03/04/2025 the 3rd of April 2025 or March 4th 2025?');
    expect(decideDateOrder(stats({ example: '03/04/2025' }), 'en-US').order).toBe('mdy');
  });
  it('dates written with dots are day-first, in any browser, unless a value proves otherwise', () => {
    expect(decideDateOrder(stats({ dotted: 10, example: '03.05.23' }), 'en-US')).toMatchObject({ order: 'dmy', question: null });
    expect(decideDateOrder(stats({ dotted: 10, secondAbove12: 2 }), 'en-US').order).toBe('mdy');
    expect(decideDateOrder(stats({ dotted: 2, example: '03/04/2025' }), 'en-US').question).not.toBeNull();
  });
  it('reports conflicting values in a mixed column', () => {
    expect(decideDateOrder(stats({ firstAbove12: 5, secondAbove12: 1 }), 'en-US')).toMatchObject({ order: 'dmy', conflicting: 1 });
  });
  it('knows month-first locales', () => {
    expect(localeOrder('en-US')).toBe('mdy');
    expect(localeOrder('de-DE')).toBe('dmy');
    expect(localeOrder('en-GB')).toBe('dmy');
  });
});
