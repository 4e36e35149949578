/**
 * A block of the page that is not a chart (the overview's headline cards, its findings, revenue at stake) as
 * a PNG: a clone of the block with each element's computed look written inline, inside an SVG
 * `foreignObject`, under the same title and context lines a chart export carries. Controls (buttons) are
 * left out: a picture cannot be clicked. Values stay text nodes, serialized as XML text, never markup.
 * Drawn from a data: URL (svg.ts), which leaves the canvas readable where a blob: URL of HTML would not.
 */
import { xmlSafe } from './svg';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** The properties that decide how a block's boxes and text look; the rest stay at their defaults. */
const LOOK = [
  // Not height: a box whose controls are left out must shrink to what stays.
  'display', 'box-sizing', 'width', 'min-width', 'max-width',
  'flex-direction', 'flex-wrap', 'flex-grow', 'flex-shrink', 'flex-basis', 'align-items', 'align-self', 'justify-content', 'gap', 'row-gap', 'column-gap',
  'grid-template-columns', 'grid-auto-rows', 'grid-column',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width', 'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'border-top-left-radius', 'border-top-right-radius', 'border-bottom-left-radius', 'border-bottom-right-radius',
  'background-color', 'color', 'opacity',
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'text-align', 'text-transform', 'white-space', 'overflow-wrap', 'word-break',
  'list-style-type', 'list-style-position', 'vertical-align'
];
/** What a picture of the block leaves out: controls, and anything that could load or run something. */
const LEFT_OUT = 'button, input, select, textarea, script, style, iframe, img, video, audio, object, embed, link, [data-export-skip]';

export interface RenderedBlock {
  text: string;
  width: number;
  height: number;
}

function inline(source: Element, clone: Element): void {
  const style = getComputedStyle(source);
  for (const a of [...clone.attributes]) clone.removeAttribute(a.name);
  // Through the CSSOM, which the page's style-src policy allows (a style attribute written as text it would not).
  (clone as HTMLElement).style.cssText = LOOK.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
  const from = [...source.children];
  const to = [...clone.children];
  for (let i = 0; i < from.length; i++) inline(from[i], to[i]);
}

/** The height a detached element takes when laid out `width` px wide, off screen. */
function measure(el: HTMLElement, width: number): number {
  const box = document.createElement('div');
  box.style.cssText = `position:absolute;left:-99999px;top:0;width:${width}px`;
  box.append(el.cloneNode(true));
  document.body.append(box);
  const h = Math.ceil(box.getBoundingClientRect().height);
  box.remove();
  return h;
}

/** The block as an SVG document `width` × `height` px, with `title` and `context` lines above it. */
export function renderBlock(block: HTMLElement, opts: { title: string; context?: string[]; note?: string }): RenderedBlock {
  const page = getComputedStyle(document.body);
  const surface = getComputedStyle(block.closest('[role="tabpanel"]') ?? document.body).backgroundColor;
  const clone = block.cloneNode(true) as HTMLElement;
  inline(block, clone);
  // Left out only after the styles are copied, so the clone's children still line up with the page's.
  for (const el of clone.querySelectorAll(LEFT_OUT)) el.remove();
  const pad = 16;
  const inner = Math.ceil(block.getBoundingClientRect().width);
  const width = Math.max(360, inner + 2 * pad);
  const lines = [opts.title, ...(opts.context ?? []), ...(opts.note ? [opts.note] : [])];
  // The title and context lines, built as elements with text (they name filters, which are data).
  const head = document.createElement('div');
  lines.forEach((l, i) => {
    const line = document.createElement('div');
    line.style.cssText = `font-family:${page.getPropertyValue('font-family')};font-size:${i === 0 ? 15 : 11}px;font-weight:${i === 0 ? 700 : 400};color:${page.getPropertyValue('color')};opacity:${i === 0 ? 1 : 0.75};margin:0 0 4px`;
    line.textContent = l;
    head.append(line);
  });
  head.style.cssText = `width:${inner}px;margin-bottom:8px`;
  const headHeight = measure(head, inner) + 8;
  // The block as shown, less the controls left out.
  clone.style.width = `${inner}px`;
  const blockHeight = measure(clone, inner);
  const height = headHeight + blockHeight + 2 * pad;
  const serializer = new XMLSerializer();
  const body = serializer.serializeToString(clone);
  const xml =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<foreignObject x="0" y="0" width="${width}" height="${height}">` +
    `<div xmlns="${XHTML_NS}" style="box-sizing:border-box;width:${width}px;height:${height}px;padding:${pad}px;background:${surface}">${serializer.serializeToString(head)}${body}</div>` +
    `</foreignObject></svg>`;
  return { text: xmlSafe(xml), width, height };
}
