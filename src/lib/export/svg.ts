/**
 * Charts as standalone SVG and PNG. The page styles its charts with classes and CSS variables, which a
 * downloaded file does not have, so each element's computed paint and font are written onto a clone as
 * presentation attributes (not `style`, so nothing depends on a style-src policy). Nothing in the result
 * points outside the file, and the PNG is drawn from a blob: or data: URL, never fetched from the network.
 */

import { wrapText } from './context';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** An exported figure is at least this wide, so its header lines have room. */
const MIN_WIDTH = 480;
/** A generous average glyph width, in ems, for wrapping header lines without measuring text. */
const CHAR_EM = 0.58;
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Properties that decide how an element looks, with the initial values we need not write. */
const PAINT: [string, string | null][] = [
  ['fill', null],
  ['fill-opacity', '1'],
  ['fill-rule', 'nonzero'],
  ['stroke', 'none'],
  ['stroke-width', null],
  ['stroke-opacity', '1'],
  ['stroke-dasharray', 'none'],
  ['stroke-dashoffset', '0px'],
  ['stroke-linecap', 'butt'],
  ['stroke-linejoin', 'miter'],
  ['opacity', '1'],
  ['visibility', 'visible']
];
const FONT: [string, string | null][] = [
  ['font-family', null],
  ['font-size', null],
  ['font-weight', '400'],
  ['font-style', 'normal'],
  ['text-anchor', 'start'],
  ['dominant-baseline', 'auto']
];
const SHAPES = new Set(['rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path', 'use']);
const TEXTS = new Set(['text', 'tspan', 'textPath']);
/** Elements that could run code or load something: charts have none, so they are dropped if ever present. */
const UNSAFE = new Set(['script', 'foreignObject', 'image', 'iframe', 'audio', 'video', 'style', 'a']);
/** Attributes that only mean something on the page (interaction, styling hooks, test ids). */
const PAGE_ONLY = /^(class|style|tabindex|role|data-testid|on.*|aria-(?!label$).*)$/i;

/** Characters XML 1.0 forbids; a hostile value holding one would make the whole file unreadable. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

function write(clone: Element, style: CSSStyleDeclaration, props: [string, string | null][]): void {
  for (const [p, initial] of props) {
    const v = style.getPropertyValue(p).trim();
    if (!v || v === initial) continue;
    if (p === 'stroke-width' && style.getPropertyValue('stroke').trim() === 'none') continue;
    clone.setAttribute(p, v);
  }
}

/** A deep clone of `svg` that looks the same with no page stylesheet, sized in CSS pixels. */
function inlineClone(svg: SVGSVGElement): { el: SVGSVGElement; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(box.width) || Number(svg.getAttribute('width')) || 300;
  const height = Math.ceil(box.height) || Number(svg.getAttribute('height')) || 150;
  const el = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [el, ...el.querySelectorAll('*')];
  const drop: Element[] = [];
  from.forEach((orig, i) => {
    const copy = to[i];
    const name = orig.localName;
    const style = getComputedStyle(orig);
    const drawn = SHAPES.has(name) || TEXTS.has(name) || name === 'g' || name === 'svg';
    if (UNSAFE.has(name) || orig.namespaceURI !== SVG_NS || (drawn && style.display === 'none')) {
      drop.push(copy);
      return;
    }
    for (const a of [...copy.attributes]) {
      const external = (a.localName === 'href' || a.name === 'xlink:href') && !a.value.startsWith('#');
      if (external || PAGE_ONLY.test(a.name)) copy.removeAttribute(a.name);
    }
    if (SHAPES.has(name) || TEXTS.has(name)) write(copy, style, PAINT);
    else write(copy, style, [['opacity', '1']]);
    if (TEXTS.has(name) || orig === svg) write(copy, style, FONT);
  });
  for (const d of drop) d.remove();
  el.setAttribute('width', String(width));
  el.setAttribute('height', String(height));
  if (!el.getAttribute('viewBox')) el.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { el, width, height };
}

function isPainted(color: string): boolean {
  return !!color && color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color);
}

/** The colour the chart is seen on: the nearest painted background up the tree, else the page's. */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (isPainted(bg)) return bg;
  }
  return '#ffffff';
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export interface Panel {
  svg: SVGSVGElement;
  /** Drawn above the panel: small multiples carry their own name (e.g. the segment). */
  title?: string;
}

export interface FigureOptions {
  title?: string;
  /** Lines under the title saying what the chart is of: window, filters, "as of" (see context.ts). */
  context?: string[];
  /** A line under the title, e.g. what the colours and marks mean. */
  note?: string;
  /** Panels per row before wrapping. */
  columns?: number;
}

export interface RenderedFigure {
  text: string;
  width: number;
  height: number;
}

/**
 * One standalone SVG document from one or more chart SVGs, set side by side (wrapping after `columns`),
 * with an optional title and note, on the background the page shows them on.
 */
export function renderFigure(panels: Panel[], opts: FigureOptions = {}): RenderedFigure {
  if (!panels.length) throw new Error('nothing to export');
  const pad = 12;
  const gap = 16;
  const clones = panels.map((p) => ({ ...inlineClone(p.svg), title: p.title }));
  const first = panels[0].svg;
  const style = getComputedStyle(first);
  const font = style.fontFamily || 'sans-serif';
  const text = style.color || '#000000';
  const muted = cssVar('--muted', text);

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  const bg = document.createElementNS(SVG_NS, 'rect');
  root.append(bg);
  const label = (content: string, x: number, y: number, size: number, color: string, weight = '400') => {
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(y));
    t.setAttribute('font-family', font);
    t.setAttribute('font-size', `${size}px`);
    t.setAttribute('font-weight', weight);
    t.setAttribute('fill', color);
    t.textContent = content;
    root.append(t);
  };

  // Lay the panels out first: the figure's width decides where the header's lines wrap.
  const perRow = Math.max(1, Math.min(opts.columns ?? 3, clones.length));
  const titled = clones.some((c) => c.title);
  const rows: (typeof clones)[] = [];
  for (let i = 0; i < clones.length; i += perRow) rows.push(clones.slice(i, i + perRow));
  const rowWidth = (row: typeof clones) => row.reduce((s, c) => s + c.width, 0) + gap * (row.length - 1);
  let width = Math.ceil(Math.max(MIN_WIDTH, ...rows.map(rowWidth)) + 2 * pad);

  const wrap = (text: string, size: number) => wrapText(text, Math.max(20, Math.floor((width - 2 * pad) / (size * CHAR_EM))));
  let y = pad;
  if (opts.title) {
    for (const line of wrap(opts.title, 15)) {
      label(line, pad, y + 14, 15, text, '600');
      y += 20;
    }
    y += 2;
  }
  for (const line of (opts.context ?? []).flatMap((l) => wrap(l, 12))) {
    label(line, pad, y + 12, 12, text);
    y += 17;
  }
  if (opts.note) {
    for (const line of wrap(opts.note, 12)) {
      label(line, pad, y + 12, 12, muted);
      y += 17;
    }
  }
  if (opts.title || opts.note || opts.context?.length) y += 8;

  for (const row of rows) {
    let x = pad;
    const top = titled ? y + 18 : y;
    for (const c of row) {
      if (c.title) label(c.title, x, y + 13, 13, text, '600');
      c.el.setAttribute('x', String(x));
      c.el.setAttribute('y', String(top));
      c.el.setAttribute('overflow', 'visible');
      root.append(c.el);
      x += c.width + gap;
    }
    y = top + Math.max(...row.map((c) => c.height)) + gap;
  }
  const height = Math.ceil(y - gap + pad);
  width = Math.ceil(width);

  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const aria = first.getAttribute('aria-label');
  if (opts.title || aria) {
    const t = document.createElementNS(SVG_NS, 'title');
    t.textContent = opts.title ?? aria;
    root.prepend(t);
  }
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', backgroundOf(first));

  const xml = new XMLSerializer().serializeToString(root);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${xmlSafe(xml)}`, width, height };
}

/** One chart as a standalone SVG document (see renderFigure). */
export function serializeChart(svg: SVGSVGElement, opts: FigureOptions = {}): string {
  return renderFigure([{ svg }], opts).text;
}

/** Canvas limits common to current browsers: 16384 px a side, about 268 million pixels. */
export function pngScale(width: number, height: number, scale: number): number {
  return Math.max(0.1, Math.min(scale, 16384 / width, 16384 / height, Math.sqrt(268_000_000 / (width * height))));
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    img.src = src;
  });
}

async function draw(src: string, width: number, height: number, scale: number): Promise<Blob> {
  const img = await loadImage(src);
  const s = pngScale(width, height, scale);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * s);
  canvas.height = Math.round(height * s);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  ctx.scale(s, s);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
}

/**
 * The SVG document drawn onto a canvas at `scale` × its size. A blob: URL first (no length limit); if a
 * browser refuses it (or taints the canvas), a data: URL. Both are allowed by `img-src 'self' data: blob:`.
 */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    return await draw(url, width, height, scale);
  } catch {
    return await draw(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`, width, height, scale);
  } finally {
    URL.revokeObjectURL(url);
  }
}
