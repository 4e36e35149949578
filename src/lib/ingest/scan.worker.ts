/// <reference lib="webworker" />
/**
 * The independent record count, off the main thread and in parallel with the engine's read: streams the
 * file through the quote-aware scanner and reports progress. Cancelled by terminating the worker.
 */
import { scanBlob, type ScanDialect, type RecordScan } from './recordScan';

export interface ScanRequest {
  blob: Blob;
  dialect: ScanDialect;
  maxLineBytes: number;
}
export type ScanMessage = { type: 'progress'; bytes: number } | { type: 'done'; scan: RecordScan } | { type: 'error'; message: string };

self.onmessage = async (event: MessageEvent<ScanRequest>) => {
  const { blob, dialect, maxLineBytes } = event.data;
  try {
    const scan = await scanBlob(blob, dialect, maxLineBytes, (bytes) => post({ type: 'progress', bytes }));
    post({ type: 'done', scan });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};

function post(m: ScanMessage) {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
}
