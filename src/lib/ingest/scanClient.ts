/** Runs the record count in its own worker; aborting the signal terminates it at once. */
import ScanWorker from './scan.worker?worker';
import type { ScanMessage, ScanRequest } from './scan.worker';
import { scanBlob, type RecordScan } from './recordScan';

export function scanInWorker(request: ScanRequest, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<RecordScan> {
  // No workers (the publish script in Node): the same count, in-process.
  if (typeof Worker === 'undefined') return scanBlob(request.blob, request.dialect, request.maxLineBytes, onProgress);
  return new Promise((resolve, reject) => {
    const worker = new ScanWorker();
    const stop = () => {
      worker.terminate();
      reject(new DOMException('The load was cancelled.', 'AbortError'));
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<ScanMessage>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress(m.bytes);
      worker.terminate();
      signal?.removeEventListener('abort', stop);
      if (m.type === 'done') resolve(m.scan);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      signal?.removeEventListener('abort', stop);
      reject(new Error(e.message || 'the record count failed'));
    };
    worker.postMessage(request);
  });
}
