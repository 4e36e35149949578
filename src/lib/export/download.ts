/** Saving what the page made: a Blob handed to the browser's download, under a name safe on every OS. */

/** Lowercase words joined by `-`: letters and digits of any script kept, everything else (path separators, control and reserved characters) dropped. */
export function slug(text: string, max = 60): string {
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...s].slice(0, max).join('').replace(/-+$/, '');
}

/** `cadence-<name>.<ext>`, e.g. `cadence-goals-per-owner.csv`; short enough for any file system. */
export function exportFilename(name: string, ext: string): string {
  const e = slug(ext, 10) || 'bin';
  return `cadence-${slug(name) || 'export'}.${e}`;
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a little later: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
