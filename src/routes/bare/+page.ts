// The bare-engine page exists for benchmarks: it renders nothing on the server.
export const ssr = false;
