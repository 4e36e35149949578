import { describe, expect, it } from 'vitest';
import { loadTouchModel, saveTouchModel, TOUCH_MODEL_KEY } from './touchModelStore';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
};

describe('the touch model on this device', () => {
  it('round-trips, forgets an empty model, and reads damage as no model', () => {
    const s = memory();
    saveTouchModel({ 'High Touch': 4, 'Tech Touch': 0.5 }, s);
    expect(loadTouchModel(s)).toEqual({ 'High Touch': 4, 'Tech Touch': 0.5 });
    saveTouchModel({}, s);
    expect(s.m.has(TOUCH_MODEL_KEY)).toBe(false);
    s.setItem(TOUCH_MODEL_KEY, '{not json');
    expect(loadTouchModel(s)).toEqual({});
    s.setItem(TOUCH_MODEL_KEY, JSON.stringify({ High: -2, Mid: 3 }));
    expect(loadTouchModel(s)).toEqual({ Mid: 3 });
    expect(loadTouchModel(null)).toEqual({});
  });
});
