/**
 * Loading a Parquet export (a warehouse's `COPY … TO` of a table, a data tool's download): no encoding or
 * dialect to decide, but the same report as a CSV's. The values go into a raw staging table as text, so
 * recognition, mapping and normalisation read it exactly as they read a CSV with the same columns; the rows
 * read are reconciled against the row count in the file's own footer.
 */
import { dropFile, registerFile } from '$lib/engine';
import { parquetToStaging } from '$lib/engine/parquet';
import { dropTable } from '$lib/engine/tables';
import { query, ident } from '$lib/engine';
import { LIMITS, formatBytes, tooManyColumns } from './limits';
import { isUnreadable, unreadableMessage } from './readFault';
import type { FileReport } from './types';

/** "PAR1", the first and last four bytes of every Parquet file. */
const MAGIC = [0x50, 0x41, 0x52, 0x31];

export const isParquetName = (name: string) => /\.parquet$/i.test(name);

export async function loadParquet(file: File, report: FileReport, table: string): Promise<void> {
  let engineFile: string | null = null;
  try {
    if (file.size === 0) await file.arrayBuffer(); // a file gone since it was picked shows 0 bytes: reading says which
    if (file.size === 0) return refuse(report, 'The file is empty (0 bytes): there is nothing to load. Export it again with its rows.');
    const ends = [...new Uint8Array(await file.slice(0, 4).arrayBuffer()), ...new Uint8Array(await file.slice(Math.max(0, file.size - 4)).arrayBuffer())];
    if (file.size < 12 || !ends.every((b, i) => b === MAGIC[i % 4])) {
      return refuse(report, 'Named .parquet but not a Parquet file (it does not begin and end with “PAR1”), or cut off part-way: export it again.');
    }
    if (file.size > LIMITS.maxInMemoryBytes) {
      // In the page the codec reads the file whole; publishing reads any size by path (LIMITS are lifted there).
      return refuse(report, `A Parquet file larger than ${formatBytes(LIMITS.maxInMemoryBytes)} (this one is ${formatBytes(file.size)}) is read whole in the page: publish it instead (“npm run publish”, see the README), which reads Parquet of any size.`);
    }
    engineFile = await registerFile(`upload_${report.id}.parquet`, file);
    const { footerRows, columns } = await parquetToStaging(engineFile, async () => new Uint8Array(await file.arrayBuffer()), table);
    if (columns.length > LIMITS.maxColumns) {
      await dropTable(table);
      return refuse(report, tooManyColumns(file.name, columns.length));
    }
    const [{ n }] = await query(`SELECT count(*)::BIGINT AS n FROM ${ident(table)}`);
    const rows = Number(n);
    report.counted = footerRows;
    report.columns = columns.map((c) => ({ name: c.name, detectedType: c.type }));
    if (rows !== footerRows) {
      await dropTable(table);
      return refuse(report, `${rows.toLocaleString('en-US')} rows were read but the file's footer says it holds ${footerRows.toLocaleString('en-US')}: it is damaged or was cut off. Export it again.`);
    }
    report.status = 'loaded';
    report.stagingTable = table;
    report.rows = rows;
    report.findings = [{ severity: 'info', message: `A Parquet file: its ${columns.length} columns were read with their names, and its ${rows.toLocaleString('en-US')} rows match the count in its footer.` }];
  } catch (e) {
    await dropTable(table).catch(() => {});
    refuse(report, isUnreadable(e) ? unreadableMessage(file.name) : `Could not read this Parquet file: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  } finally {
    if (engineFile) await dropFile(engineFile).catch(() => {});
  }
}

function refuse(report: FileReport, message: string): void {
  report.status = 'refused';
  report.stagingTable = null;
  report.rows = 0;
  report.findings = [{ severity: 'error', message }];
}
