/** Quoting for the SQL this engine writes itself. Values are never spliced in unquoted. */

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value.includes('\0')) throw new Error('NUL byte in a SQL string literal');
  return `'${value.replaceAll("'", "''")}'`;
}
