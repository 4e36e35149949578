// Every page is prerendered to static HTML; the engine starts in the browser only.
export const prerender = true;
export const trailingSlash = 'always';
