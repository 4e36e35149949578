import { describe, expect, it } from 'vitest';
import { drawMarks } from './scatterMarks';

/** A 2D context that records what is drawn, in order. */
function recorder() {
  const calls: string[] = [];
  const ctx = {
    lineWidth: 0,
    strokeStyle: '',
    fillStyle: '',
    beginPath: () => calls.push('begin'),
    moveTo: () => {},
    arc: (x: number, y: number) => calls.push(`arc ${x},${y}`),
    rect: (x: number, y: number) => calls.push(`rect ${x},${y}`),
    lineTo: () => {},
    closePath: () => calls.push('triangle'),
    fill: () => calls.push(`fill ${ctx.fillStyle}`),
    stroke: () => calls.push(`stroke ${ctx.strokeStyle}`)
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

describe('drawMarks', () => {
  it('draws other accounts as dots, then the flagged ones on top in their colours', () => {
    const { ctx, calls } = recorder();
    drawMarks(
      ctx,
      [
        { cx: 10, cy: 20, flag: 'high_touch_low_progress' },
        { cx: 1, cy: 2, flag: null },
        { cx: 5, cy: 6, flag: 'low_touch_high_progress' },
        { cx: 3, cy: 4, flag: null }
      ],
      { dot: 'blue', rim: 'white', htlp: 'red', lthp: 'green' }
    );
    expect(calls).toEqual([
      'begin', 'arc 1,2', 'arc 3,4', 'fill blue', 'stroke white',
      'begin', 'rect 6,16', 'fill red', 'stroke white',
      'begin', 'triangle', 'fill green', 'stroke white'
    ]);
  });
});
