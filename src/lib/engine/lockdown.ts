/** Settings applied once after the engine opens; the configuration is then locked so no query can re-enable them. */
export const LOCKDOWN = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET lock_configuration = true'
];
