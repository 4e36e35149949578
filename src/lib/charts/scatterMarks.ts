/**
 * Scatter marks drawn on a canvas once they run into the hundreds: an element per mark (each with its own
 * title, role and handlers) made a change over 3,000 accounts spend most of its time in the DOM. The canvas
 * becomes one image inside the chart's SVG, so the chart still exports as one SVG; a click still picks the
 * nearest mark's centre (scatterLayout's pick), and hovering shows that mark as an element with its title.
 */

/** From this many marks in one panel on, they are drawn on a canvas (the demo's panels stay elements). */
export const CANVAS_FROM = 400;

export interface Mark {
  cx: number;
  cy: number;
  flag: string | null;
}

export interface MarkColours {
  dot: string;
  rim: string;
  htlp: string;
  lthp: string;
}

/** Draw the marks as the SVG elements would (circle r 3, square 8 for high touch low progress, triangle for low touch high progress). */
export function drawMarks(ctx: CanvasRenderingContext2D, marks: Mark[], colours: MarkColours): void {
  ctx.lineWidth = 0.75;
  ctx.strokeStyle = colours.rim;
  // Other accounts first, the flagged ones on top, as the lists name them.
  for (const pass of [null, 'high_touch_low_progress', 'low_touch_high_progress'] as const) {
    ctx.beginPath();
    for (const m of marks) {
      if ((pass === null && (m.flag === 'high_touch_low_progress' || m.flag === 'low_touch_high_progress')) || (pass !== null && m.flag !== pass)) continue;
      if (pass === null) {
        ctx.moveTo(m.cx + 3, m.cy);
        ctx.arc(m.cx, m.cy, 3, 0, 2 * Math.PI);
      } else if (pass === 'high_touch_low_progress') ctx.rect(m.cx - 4, m.cy - 4, 8, 8);
      else {
        ctx.moveTo(m.cx, m.cy - 5);
        ctx.lineTo(m.cx + 5, m.cy + 4);
        ctx.lineTo(m.cx - 5, m.cy + 4);
        ctx.closePath();
      }
    }
    ctx.fillStyle = pass === null ? colours.dot : pass === 'high_touch_low_progress' ? colours.htlp : colours.lthp;
    ctx.fill();
    ctx.stroke();
  }
}

/** The marks as a PNG data URL of `width` × `height` CSS pixels at the screen's pixel ratio. */
export function marksImage(marks: Mark[], width: number, height: number, colours: MarkColours, pixelRatio = 2): string {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * pixelRatio));
  canvas.height = Math.max(1, Math.round(height * pixelRatio));
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  ctx.scale(pixelRatio, pixelRatio);
  drawMarks(ctx, marks, colours);
  return canvas.toDataURL('image/png');
}
