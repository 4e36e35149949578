/// <reference lib="webworker" />
/**
 * The independent record count, off the main thread and in parallel with the engine's read: streams the
 * file through the quote-aware scanner and reports progress. Cancelled by terminating the worker.
 */
import { RecordScanner, type ScanDialect, type RecordScan } from './recordScan';

export interface ScanRequest {
  blob: Blob;
  dialect: ScanDialect;
  maxLineBytes: number;
}
export type ScanMessage = { type: 'progress'; bytes: number } | { type: 'done'; scan: RecordScan } | { type: 'error'; message: string };

const CHUNK = 4 * 1024 * 1024;

self.onmessage = async (event: MessageEvent<ScanRequest>) => {
  const { blob, dialect, maxLineBytes } = event.data;
  try {
    const scanner = new RecordScanner(dialect, { maxLineBytes });
    for (let offset = 0; offset < blob.size; offset += CHUNK) {
      const chunk = new Uint8Array(await blob.slice(offset, offset + CHUNK).arrayBuffer());
      scanner.push(chunk);
      post({ type: 'progress', bytes: Math.min(blob.size, offset + CHUNK) });
    }
    post({ type: 'done', scan: scanner.finish() });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};

function post(m: ScanMessage) {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
}
