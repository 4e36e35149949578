import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * A fully static site. BASE_PATH (e.g. "/cadence") builds it for hosting under a sub-path
 * such as GitHub Pages; asset URLs are relative either way, so a plain folder works too.
 */
const base = process.env.BASE_PATH ?? '';
/** Where the site is written (the publish script writes a published site elsewhere). */
const out = process.env.CADENCE_OUT ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true }),
    paths: { base, relative: true },
    prerender: { handleHttpError: 'fail' },
    version: { pollInterval: 0 }
  }
};

export default config;
