/**
 * Graphical marks need at least 3:1 contrast against what they are drawn on (WCAG 1.4.11), in both themes:
 * the colour tokens of src/app.css, read from the file itself, against the surface and the page background.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('../../app.css', import.meta.url), 'utf8');

function tokens(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1], m[2].toLowerCase()]));
}
const light = tokens(css.slice(css.indexOf(':root {'), css.indexOf('@media (prefers-color-scheme: dark)')));
const dark = { ...light, ...tokens(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'), css.indexOf('@media (prefers-reduced-motion'))) };

export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Tokens that colour marks: bars, the progress line, dots, quadrant flags, 1:1 statuses, missing weeks. */
const MARKS = ['chart-meet', 'chart-other', 'chart-missing', 'accent', 'warn', 'bad', 'ok', 'muted'];

describe('chart colour contrast', () => {
  it('computes the WCAG ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  for (const [name, theme] of [['light', light], ['dark', dark]] as const) {
    it.each(MARKS)(`${name}: %s against the surface and the background`, (token) => {
      expect(theme[token], `--${token} in ${name}`).toMatch(/^#/);
      for (const bg of ['surface', 'bg']) expect(contrast(theme[token], theme[bg]), `--${token} on --${bg}`).toBeGreaterThanOrEqual(3);
    });
    it(`${name}: the two parts of a bar are told apart`, () => {
      expect(contrast(theme['chart-meet'], theme['chart-other'])).toBeGreaterThanOrEqual(2);
    });
  }
});
