/** `.gz` files are inflated in the browser with a size cap enforced while inflating (a 2 KB file can hold 2 GB). */
import { formatBytes } from './limits';

export class GzipError extends Error {}

export async function gunzipCapped(file: Blob, cap: number, signal?: AbortSignal): Promise<Uint8Array> {
  const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw new DOMException('The load was cancelled.', 'AbortError');
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        throw new GzipError(
          `Larger than ${formatBytes(cap)} once decompressed, the most this page holds in memory. Split the export, or decompress it first: a plain CSV is read without a copy in memory.`
        );
      }
      parts.push(value);
    }
  } catch (e) {
    await reader.cancel().catch(() => {});
    if (e instanceof GzipError || (e instanceof DOMException && e.name === 'AbortError')) throw e;
    throw new GzipError(`Not a valid gzip file: ${e instanceof Error ? e.message : String(e)}`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
