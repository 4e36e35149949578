/**
 * A file re-saved with every whole line wrapped in one pair of quotes (`"a,b,""c"""`): each line is one
 * quoted field holding the real CSV line. Recognised and unwrapped, so it reads as the columns its first
 * line names, instead of as one column (or a delimiter it does not have).
 */

const LINE = /^"(.*)"$/;

/** Whether every non-blank line of the sample is one quoted field that itself holds delimited values. */
export function isWrappedLines(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  return lines.every((line) => {
    const m = LINE.exec(line.trim());
    if (!m) return false;
    const inner = m[1];
    // Inside, quotes come only doubled (the wrapping escaped them); and the line holds a delimiter.
    return !inner.replaceAll('""', '').includes('"') && /[,;\t|]/.test(inner);
  });
}

/** The file with each line's wrapping quotes removed and its doubled quotes undoubled. */
export function unwrapLines(text: string): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  return (
    bom +
    text
      .slice(bom.length)
      .split(/(\r\n|\n|\r)/)
      .map((part) => {
        const m = LINE.exec(part.trim());
        return m ? m[1].replaceAll('""', '"') : part;
      })
      .join('')
  );
}
