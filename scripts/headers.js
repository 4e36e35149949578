#!/usr/bin/env node
/**
 * The HTTP headers a host should send with every file of the built site (see SECURITY.md).
 *
 * The Content-Security-Policy is the one SvelteKit writes into each page's <meta> tag, with the hashes of
 * the pages' inline boot scripts (they change with each build, hence read from the build), plus what a
 * <meta> policy cannot say: frame-ancestors. Sent as a header it also covers the workers (DuckDB's and the
 * record counter's), which get their policy from their own response, not from the page's <meta>.
 *
 *   node scripts/headers.js [build]             print the headers for a build
 *   node scripts/headers.js build --netlify     also write build/_headers (Netlify, Cloudflare Pages)
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

function htmlFiles(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** Merge the <meta> policies of every page (same directives, different script hashes) into one. */
export function policyFromBuild(dir) {
  const directives = new Map();
  for (const file of htmlFiles(resolve(dir))) {
    const meta = META.exec(readFileSync(file, 'utf8'));
    if (!meta) continue;
    for (const part of meta[1].split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (!name) continue;
      const set = directives.get(name) ?? new Set();
      for (const s of sources) set.add(s);
      directives.set(name, set);
    }
  }
  if (!directives.size) return null;
  directives.set('frame-ancestors', new Set(["'none'"]));
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

export function securityHeaders(dir) {
  const csp = policyFromBuild(dir);
  return {
    ...(csp ? { 'content-security-policy': csp } : {}),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff'
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? 'build';
  const headers = securityHeaders(dir);
  if (!headers['content-security-policy']) {
    console.error(`No page with a Content-Security-Policy <meta> tag in ${dir}: run npm run build first.`);
    process.exit(1);
  }
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  console.log(lines.join('\n'));
  if (args.includes('--netlify')) {
    writeFileSync(join(dir, '_headers'), `/*\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    console.error(`Wrote ${join(dir, '_headers')}`);
  }
}
