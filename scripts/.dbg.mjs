import { launchBrowser, startServer } from '../tests/e2e/harness.js';
const server = await startServer?.();
