/**
 * The publish script's entry (loaded by Vite in Node): the snapshot build on an in-process engine, native
 * DuckDB by default, or the page's own DuckDB-WASM build (`--wasm`). Never imported by the app.
 */
import { useEngine } from '$lib/engine';
import { startNodeEngine } from '$lib/engine/node';
import { diskFile, startNativeEngine, type NativeEngine, type NativeOptions } from '$lib/engine/native';
import { LIMITS } from '$lib/ingest/limits';

export { buildSnapshot } from './build';
export { diskFile };

/** The page's engine, for a publish that must run exactly the browser's build. */
export function useWasmEngine(): void {
  useEngine(startNodeEngine);
}

/**
 * Native DuckDB reading `options.inputs` by path. The file size limit is the browser tab's (its WebAssembly
 * memory); native DuckDB spills to disk instead, so publishing lifts it. Every other check stays.
 */
export function useNativeEngine(options: NativeOptions): () => Promise<NativeEngine> {
  LIMITS.maxFileBytes = Number.POSITIVE_INFINITY;
  let engine: Promise<NativeEngine> | null = null;
  const start = () => (engine ??= startNativeEngine(options));
  useEngine(start);
  return start;
}
