import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';

/**
 * A fully static site. BASE_PATH (e.g. "/cadence") builds it for hosting under a sub-path
 * such as GitHub Pages; asset URLs are relative either way, so a plain folder works too.
 */
const base = process.env.BASE_PATH ?? '';
/** Where the site is written (the publish script writes a published site elsewhere). */
const out = process.env.CADENCE_OUT ?? 'build';

/**
 * SvelteKit's route announcer is the one element with an inline style attribute. Allowing exactly that
 * attribute by its hash ('unsafe-hashes') keeps 'unsafe-inline' out of style-src; if SvelteKit changes
 * the string, every end-to-end test fails on the CSP violation.
 */
const ANNOUNCER_STYLE =
  'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const announcerHash = /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(ANNOUNCER_STYLE).digest('base64')}`);

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true }),
    paths: { base, relative: true },
    prerender: { handleHttpError: 'fail' },
    version: { pollInterval: 0 },
    // The page's CSS (about 19 KB) goes inline: the first paint waits for no stylesheet request. The CSP
    // gets a hash for each inlined style.
    inlineStyleThreshold: 32_768,
    // The policy goes into each page as a <meta> tag (hashes for SvelteKit's inline boot script); hosts
    // should also send it as a header, see SECURITY.md and scripts/headers.js.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'worker-src': ['self'],
        'connect-src': ['self'],
        'img-src': ['self', 'data:', 'blob:'],
        'style-src': ['self', 'unsafe-hashes', announcerHash],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'form-action': ['none']
      }
    }
  }
};

export default config;
