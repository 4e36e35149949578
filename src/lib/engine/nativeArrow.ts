/**
 * Native DuckDB answers in its own value objects; the app reads Arrow tables (values.ts converts them at the
 * edge). This turns a native result into the Arrow table DuckDB-WASM would have answered, typed so that
 * `tableToRows` gives the same plain values: dates and timestamps as epoch milliseconds, 64-bit integers as
 * bigints, decimals and 128-bit integers as their exact text (WASM sends both as Arrow decimals, which
 * values.ts renders as that text). Node-only, never imported by the app.
 */
import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimeValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  type DuckDBResultReader,
  type DuckDBValue
} from '@duckdb/node-api';
import { Bool, DateDay, Float64, Int32, Int64, Table, TimestampMillisecond, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';

const DAY_MS = 86_400_000;

/** Exact decimal text of value / 10^scale, as values.ts renders an Arrow decimal. */
function decimalText(value: bigint, scale: number): string {
  const neg = value < 0n;
  let digits = (neg ? -value : value).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return neg ? `-${digits}` : digits;
}

/** A value inside a list or struct, as Arrow's own text of it (what values.ts shows for nested values). */
function nestedText(v: DuckDBValue): string {
  if (v === null) return 'null';
  if (v instanceof DuckDBListValue) return `[${v.items.map(nestedText).join(',')}]`;
  if (v instanceof DuckDBStructValue) return `{${Object.entries(v.entries).map(([k, x]) => `"${k}": ${nestedText(x)}`).join(', ')}}`;
  return String(v);
}

interface Column {
  type: DataType;
  value: (v: DuckDBValue) => unknown;
}

function column(typeId: DuckDBTypeId, scale: number): Column {
  switch (typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { type: new Bool(), value: (v) => v };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
      return { type: new Int32(), value: (v) => v };
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
      return { type: new Int64(), value: (v) => v };
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return { type: new Utf8(), value: (v) => String(v) };
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return { type: new Float64(), value: (v) => v };
    case DuckDBTypeId.DECIMAL:
      return { type: new Utf8(), value: (v) => decimalText((v as DuckDBDecimalValue).value, scale) };
    case DuckDBTypeId.DATE:
      return { type: new DateDay(), value: (v) => (v as DuckDBDateValue).days * DAY_MS };
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return { type: new TimestampMillisecond(), value: (v) => Number((v as DuckDBTimestampValue | DuckDBTimestampTZValue).micros) / 1000 };
    case DuckDBTypeId.TIMESTAMP_S:
      return { type: new TimestampMillisecond(), value: (v) => Number((v as DuckDBTimestampSecondsValue).seconds) * 1000 };
    case DuckDBTypeId.TIMESTAMP_MS:
      return { type: new TimestampMillisecond(), value: (v) => Number((v as DuckDBTimestampMillisecondsValue).millis) };
    case DuckDBTypeId.TIMESTAMP_NS:
      return { type: new TimestampMillisecond(), value: (v) => Number((v as DuckDBTimestampNanosecondsValue).nanos / 1_000_000n) };
    case DuckDBTypeId.TIME:
      // WASM sends TIME as 64-bit microseconds, which values.ts turns into a number.
      return { type: new Int64(), value: (v) => (v as DuckDBTimeValue).micros };
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.ENUM:
      return { type: new Utf8(), value: (v) => v };
    default:
      return { type: new Utf8(), value: nestedText };
  }
}

/** A read native result as an Arrow table of the ES module copy of Arrow (the one the app's modules use). */
export function readerToArrow(reader: DuckDBResultReader): Table {
  const names = reader.deduplicatedColumnNames();
  const types = reader.columnTypes();
  const columns = reader.getColumns();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    const t = types[i] as { typeId: DuckDBTypeId; scale?: number };
    const c = column(t.typeId, t.scale ?? 0);
    vectors[name] = vectorFromArray(
      (columns[i] ?? []).map((v) => (v === null ? null : c.value(v))),
      c.type
    );
  });
  return new Table(vectors);
}
