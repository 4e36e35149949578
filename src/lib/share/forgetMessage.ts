/** What *Forget data* tells the user: exactly what was removed, what was kept, and what the page shows now. */
import { formatBytes } from '$lib/ingest/limits';
import { plural } from '$lib/format';

export interface ForgetOutcome {
  /** Files that were kept on this device, and their size. */
  files: number;
  bytes: number;
  /** Remembered mappings, and whether edited agenda keywords were remembered, before the click. */
  mappings: number;
  keywords: boolean;
  /** Whether the user ticked "also forget remembered mappings". */
  alsoMappings: boolean;
  /** What the page opens once the files are gone. */
  shown: 'demo' | 'published';
}

export function forgetMessage(o: ForgetOutcome): string {
  const sentences = [o.files ? `Removed from this browser: ${plural(o.files, 'file')} (${formatBytes(o.bytes)}).` : 'No files were kept on this device.'];
  const remembered = [o.mappings ? plural(o.mappings, 'remembered mapping') : null, o.keywords ? 'your agenda keywords' : null].filter((x): x is string => x !== null);
  if (remembered.length) {
    const list = remembered.join(' and ');
    const them = o.mappings + Number(o.keywords) === 1 ? 'it' : 'them';
    sentences.push(o.alsoMappings ? `${capital(list)} removed.` : `${capital(list)} kept (tick “Also forget remembered mappings” to remove ${them}).`);
  }
  sentences.push(o.shown === 'published' ? 'Showing the data this dashboard was published with.' : 'Showing the demo.');
  return sentences.join(' ');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
