/**
 * The publish script's entry (loaded by Vite in Node): the snapshot build on the in-process engine.
 * Never imported by the app.
 */
import { useEngine } from '$lib/engine';
import { startNodeEngine } from '$lib/engine/node';

useEngine(startNodeEngine);

export { buildSnapshot } from './build';
