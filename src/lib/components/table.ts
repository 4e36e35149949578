/** A column of a DataTable: its definition shows on hover and focus; `available: false` reads "not in your export". */
export interface Column<T> {
  key: string;
  label: string;
  help?: string;
  format?: (v: unknown, row: T) => string;
  align?: 'left' | 'right';
  /** Kept on one line (an ISO date would otherwise break at its hyphens). */
  nowrap?: boolean;
  available?: boolean;
  /** Long text (notes): clamped to a few lines in the cell, with a button to read it all. */
  long?: boolean;
}
