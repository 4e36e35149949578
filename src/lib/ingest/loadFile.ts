/**
 * Loading one file, start to finish: size and compression → encoding → dialect (sample) → the engine's read
 * into a raw staging table, in parallel with an independent record count → reconciliation → one report.
 * Every exit path returns a report with a status and findings; nothing throws past this function.
 */
import { registerBytes, registerFile, dropFile } from '$lib/engine';
import { dropBlankRows, firstRecords, readCsvToTable, sniffCsv, type RejectedLine, type SniffResult } from '$lib/engine/csv';
import { dropTable } from '$lib/engine/tables';
import { scanBytes, type RecordScan } from './recordScan';
import { scanInWorker } from './scanClient';
import { DecodeError, encodingFromBom, transcodeToUtf8 } from './encoding';
import { gunzipCapped, GzipError } from './gunzip';
import { hasDoubledCR, repairDoubledCR } from './lineEndings';
import { isWrappedLines, unwrapLines } from './wrappedLines';
import { LIMITS, formatBytes, tooManyColumns } from './limits';
import { isUnreadable, unreadableMessage } from './readFault';
import {
  DELIMITER_CANDIDATES,
  chooseDelimiter,
  clearDelimiter,
  columnNames,
  decideHeader,
  leadingBlankLines,
  looksLikeData,
  offsetAfterLines,
  preambleLines,
  trimToLastLine
} from './dialect';
import { reconcile, structuralRefusal } from './reconcile';
import { reshapeAttendance, sniffAttendance } from './families/reshape';
import type { Dialect, Encoding, FileReport, Finding } from './types';
import { isParquetName, loadParquet } from './loadParquet';

export interface LoadRequest {
  id: number;
  file: File;
  overrides?: Partial<Dialect>;
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
}

export function emptyReport(id: number, file: File): FileReport {
  return {
    id,
    file: file.name,
    bytes: file.size,
    table: 'unknown',
    status: 'loading',
    stagingTable: null,
    rows: 0,
    rejected: 0,
    counted: null,
    blankLines: 0,
    dialect: null,
    columns: [],
    dateFormat: null,
    timestampFormat: null,
    findings: [],
    progress: 0,
    millis: 0
  };
}

class Refusal extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
  }
}
const refuse = (message: string, lines?: number[]): never => {
  throw new Refusal({ severity: 'error', message, lines });
};

export function stagingName(id: number, fileName: string): string {
  const slug = fileName.replace(/\.(csv|tsv|txt|parquet)(\.gz)?$/i, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40).toLowerCase();
  return `raw_${id}_${slug || 'file'}`;
}

export async function loadFile(req: LoadRequest): Promise<FileReport> {
  const { id, file, signal } = req;
  const o: Partial<Dialect> = { ...(req.overrides ?? {}) };
  const t0 = performance.now();
  const report = emptyReport(id, file);
  let engineFile = `upload_${id}.csv`;
  const table = stagingName(id, file.name);
  let registered = false;

  if (isParquetName(file.name)) {
    await loadParquet(file, report, table);
    report.millis = Math.round(performance.now() - t0);
    return report;
  }

  try {
    // 1. Size and compression.
    const gz = /\.gz$/i.test(file.name);
    // A file gone since it was picked shows 0 bytes; reading it whole (nothing, if it is truly empty) says which.
    if (file.size === 0) await file.arrayBuffer();
    if (file.size === 0) refuse('The file is empty (0 bytes): there is nothing to load. Export it again with its rows.');
    if (!gz && file.size > LIMITS.maxFileBytes) {
      refuse(`Larger than ${formatBytes(LIMITS.maxFileBytes)} (this file is ${formatBytes(file.size)}), the most this page reads: the analysis engine in a browser tab runs out of memory beyond about 2.5 million meetings. Export a shorter period (or split the file by date), or publish it: “npm run publish” (see the README) checks and publishes a file of any size from your own machine, and its published page reads the meetings month by month as its views need them (10 million open in a few seconds).`);
    }
    let inMemory: Uint8Array | null = gz ? await gunzipCapped(file, LIMITS.maxInMemoryBytes, signal) : null;

    // 2. Encoding: DuckDB reads UTF-8; anything else is decoded here, strictly.
    const head = inMemory ? inMemory.subarray(0, 4) : new Uint8Array(await file.slice(0, 4).arrayBuffer());
    const bom = encodingFromBom(head);
    const encoding: Encoding = o.encoding ?? bom?.encoding ?? 'utf-8';
    if (encoding !== 'utf-8') {
      if (!inMemory && file.size > LIMITS.maxInMemoryBytes) {
        refuse(`A ${encoding.toUpperCase()} file larger than ${formatBytes(LIMITS.maxInMemoryBytes)} cannot be converted in the browser. Save it as UTF-8 CSV and load it again.`);
      }
      try {
        inMemory = transcodeToUtf8(inMemory ?? new Uint8Array(await file.arrayBuffer()), encoding);
      } catch (e) {
        if (e instanceof DecodeError) refuse(`${e.message}: the file is not in the encoding ${bom ? 'its byte-order mark announces' : 'you picked'}. Pick another encoding below.`, [e.line]);
        throw e;
      }
    }
    const repairNotes: Finding[] = [];
    const head64k = inMemory ? inMemory.subarray(0, 65536) : new Uint8Array(await file.slice(0, 65536).arrayBuffer());
    if (hasDoubledCR(head64k)) {
      if (!inMemory && file.size > LIMITS.maxInMemoryBytes) refuse(`Damaged line endings (\\r\\r\\n) in a file larger than ${formatBytes(LIMITS.maxInMemoryBytes)}: save it again as CSV and reload.`);
      inMemory = repairDoubledCR(inMemory ?? new Uint8Array(await file.arrayBuffer()));
      repairNotes.push({ severity: 'info', message: 'Line endings were doubled (\\r\\r\\n, a sign of a damaged Windows conversion); each was read as one line break.' });
    }
    if (isWrappedLines(new TextDecoder().decode(trimToLastLine(head64k, (inMemory?.length ?? file.size) <= head64k.length)))) {
      if (!inMemory && file.size > LIMITS.maxInMemoryBytes) refuse(`Each line of this file is one quoted field (every whole line is wrapped in quotes, a sign it was re-saved that way), and it is larger than ${formatBytes(LIMITS.maxInMemoryBytes)}, too large to unwrap in the browser. Save it again as plain CSV.`);
      const text = new TextDecoder().decode(inMemory ?? new Uint8Array(await file.arrayBuffer()));
      inMemory = new TextEncoder().encode(unwrapLines(text));
      repairNotes.push({ severity: 'info', message: 'Each line of this file was one quoted field (every whole line wrapped in quotes, a sign it was re-saved that way): the quotes around each line were removed and the columns read as its first line names them.' });
    }
    const source: Blob = inMemory ? new Blob([inMemory as Uint8Array<ArrayBuffer>]) : file;
    if (source.size === 0 || (bom && source.size <= bom.bomBytes && encoding === 'utf-8')) {
      refuse('The file is empty: there is nothing to load. Export it again with its rows.');
    }

    // 3. A sample decides the structure: encoding validity, delimiter, blank and title lines.
    const rawSample = new Uint8Array(await source.slice(0, LIMITS.sampleBytes).arrayBuffer());
    const sample = trimToLastLine(rawSample, source.size <= LIMITS.sampleBytes);
    const quote = o.quote ?? '"';
    const probe = scanBytes(sample, { delimiter: ',', quote, escape: quote }, { maxLineBytes: LIMITS.maxLineBytes });
    if (probe.invalidUtf8Line !== null) {
      refuse(`Not UTF-8, line ${probe.invalidUtf8Line}: the file was saved in another text encoding. Pick the encoding it was saved in (often Windows-1252 for Excel exports) and read it again.`, [probe.invalidUtf8Line]);
    }
    if (probe.nulLine !== null) {
      refuse(`NUL byte, line ${probe.nulLine}: the file holds binary data, which a CSV export never does. Re-export it as CSV.`, [probe.nulLine]);
    }

    // An attendance report in blocks is read cell by cell (no header, nothing skipped), then reshaped below.
    const userChoseLayout = o.delimiter !== undefined || o.header !== undefined || o.skip !== undefined;
    const attendance = userChoseLayout ? null : sniffAttendance(new TextDecoder().decode(sample));
    if (attendance) Object.assign(o, { delimiter: attendance.delimiter, header: false, skip: 0 });

    engineFile = inMemory ? await registerBytes(engineFile, inMemory) : await registerFile(engineFile, file);
    registered = true;

    // The engine's sniff only proposes a delimiter beside our own count on the sample: asked only when the
    // count leaves a question (the full sniff comes once the delimiter is chosen).
    const clear = o.delimiter ? null : clearDelimiter(sample, DELIMITER_CANDIDATES, quote);
    const firstSniff = clear || o.delimiter ? null : await sniffCsv(engineFile, { quote }, 2048).catch(() => null);
    const candidates = [...(firstSniff?.delimiter ? [firstSniff.delimiter] : []), ...DELIMITER_CANDIDATES];
    const chosen = clear ?? chooseDelimiter(sample, candidates, quote);
    const delimiter = o.delimiter ?? chosen.delimiter;

    const lead = leadingBlankLines(sample);
    const afterLead = sample.subarray(Math.max(0, offsetAfterLines(sample, lead)));
    const leadScan = scanBytes(afterLead, { delimiter, quote, escape: quote });
    const usual = o.delimiter ? chooseDelimiter(sample, [delimiter], quote).fields : chosen.fields;
    const preamble = preambleLines(leadScan, usual, 0);
    const skip = o.skip ?? lead + preamble;

    const sniff: SniffResult | null = await sniffCsv(engineFile, { delimiter, quote, skip }).catch(() => null);
    const escape = o.escape ?? (sniff?.escape || quote);

    // 4. The header, decided on the first record itself.
    const bodyOffset = offsetAfterLines(sample, skip);
    if (bodyOffset < 0) refuse(`Only ${skip} line(s) in the file, all skipped: there is nothing to load.`);
    const bodySample = sample.subarray(bodyOffset);
    const bodyScan = scanBytes(bodySample, { delimiter, quote, escape }, { maxLineBytes: LIMITS.maxLineBytes });
    const sampleWidth = Math.max(1, ...Object.keys(bodyScan.fieldCounts).map(Number));
    const headerFieldsGuess = Math.max(1, bodyScan.firstRecordFields);
    const readBase = { delimiter, quote, escape, skip, maxLineBytes: LIMITS.maxLineBytes };
    const first = await firstRecords(engineFile, readBase, headerFieldsGuess, 1).catch(() => [] as (string | null)[][]);
    const firstCells = first[0] ?? null;
    const sniffed = sniff ? { hasHeader: sniff.hasHeader, allText: sniff.columns.every((c) => c.type === 'VARCHAR') } : null;
    const header = o.header ?? decideHeader(firstCells, headerFieldsGuess, bodyScan.records, sniffed);

    report.dialect = { delimiter, quote, escape, header, skip, encoding, decimalComma: o.decimalComma ?? false };
    report.dateFormat = sniff?.dateFormat ?? null;
    report.timestampFormat = sniff?.timestampFormat ?? null;
    // Before the full read (a very wide file would exhaust the tab's memory in it), with the dialect set so it can be corrected.
    if (Math.max(sampleWidth, headerFieldsGuess) > LIMITS.maxColumns) {
      const lineCut = sample.length === rawSample.length && source.size > LIMITS.sampleBytes; // the sample ends mid-line
      refuse(tooManyColumns(file.name, Math.max(sampleWidth, headerFieldsGuess), lineCut));
    }
    const infos: Finding[] = [...repairNotes];
    if (lead) infos.push({ severity: 'info', message: `${lead === 1 ? 'An empty first line was' : `${lead} empty lines at the top were`} skipped.` });
    if (preamble && o.skip === undefined) {
      infos.push({ severity: 'info', message: `Line ${lead + 1} looked like a title rather than column names, so reading starts on line ${skip + 1}. Change “Skip lines” below if that is wrong.` });
    }
    if (!header && o.header === undefined) {
      infos.push({
        severity: 'info',
        message:
          firstCells && looksLikeData(firstCells)
            ? 'The first line holds values (numbers, dates or long text), not column names, so it was read as data and the columns are named by position.'
            : 'Cadence could not tell whether the first line holds a column name, so it was read as data. Tick “First line is column names” below if it is one.'
      });
    }

    // 5. Read and count in parallel; the count covers the file from the header line on.
    const body = bodyOffset === 0 ? source : source.slice(bom && encoding === 'utf-8' ? Math.max(bodyOffset, 0) : bodyOffset);
    const countPromise = scanInWorker(
      { blob: body, dialect: { delimiter, quote, escape }, maxLineBytes: LIMITS.maxLineBytes },
      (bytes) => {
        report.progress = bytes;
        req.onProgress?.(bytes);
      },
      signal
    );
    countPromise.catch(() => {}); // observed below; avoid an unhandled rejection if the read fails first

    const names = (width: number) => columnNames(header ? firstCells : null, width);
    const read = (width: number) => readCsvToTable(engineFile, table, { ...readBase, header, columns: names(width) }, signal);
    let width = Math.max(sampleWidth, headerFieldsGuess);
    let readResult: { rows: number; rejected: RejectedLine[] } | null = null;
    let readError: unknown = null;
    try {
      readResult = await read(width);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      readError = e;
    }
    const scan: RecordScan = await countPromise;
    report.counted = Math.max(0, scan.records - (header ? 1 : 0));
    report.blankLines = scan.blankLines + lead;

    const structural = structuralRefusal(scan, skip, LIMITS.maxLineBytes);
    if (structural) throw new Refusal(structural);
    if (readError) {
      if (isUnreadable(readError)) throw readError;
      refuse(`The engine could not read the file: ${firstLine(readError)}`);
    }

    // A row wider than the sample showed: read again with room for every value, so none is cut off.
    const fullWidth = Math.max(width, ...Object.keys(scan.fieldCounts).map(Number));
    if (fullWidth > LIMITS.maxColumns) refuse(tooManyColumns(file.name, fullWidth));
    if (fullWidth > width) {
      width = fullWidth;
      readResult = await read(width);
    }
    let rows = readResult!.rows;
    let blankRowsDropped = 0;
    if (width === 1) {
      blankRowsDropped = await dropBlankRows(table, names(1)[0]);
      rows -= blankRowsDropped;
    }

    const headerFields = header ? scan.firstRecordFields : Math.max(scan.firstRecordFields, 1);
    const rec = reconcile({
      scan,
      lineOffset: skip,
      header,
      width,
      headerFields,
      rowsLoaded: rows,
      rejected: readResult!.rejected,
      blankRowsDropped
    });
    const colNames = names(width);
    report.columns = colNames.map((name, i) => ({ name, detectedType: sniff?.columns[i]?.type ?? 'VARCHAR' }));
    report.findings = [...rec.findings.filter((f) => f.severity !== 'info'), ...infos, ...rec.findings.filter((f) => f.severity === 'info')];
    report.status = rec.status;
    if (rec.status === 'refused') {
      await dropTable(table);
    } else {
      report.stagingTable = table;
      report.rows = rows;
      report.rejected = rec.rejectedLines;
      const shaped = attendance ? await reshapeAttendance(table, colNames) : null;
      if (shaped) {
        report.family = shaped.family;
        report.columns = shaped.columns.map((name) => ({ name, detectedType: 'VARCHAR' }));
        // Blocks of different widths are the report's layout, not ragged rows; its records are all read.
        report.findings = report.findings.filter((f) => !/values than the|column names|first line/i.test(f.message));
        report.status = report.findings.some((f) => f.severity === 'warning') ? 'partial' : 'loaded';
      }
    }
  } catch (e) {
    await dropTable(table).catch(() => {});
    report.status = 'refused';
    report.stagingTable = null;
    report.rows = 0;
    if (e instanceof Refusal) report.findings = [e.finding, ...report.findings];
    else if (e instanceof GzipError) report.findings = [{ severity: 'error', message: e.message }];
    else if (e instanceof DOMException && e.name === 'AbortError') {
      report.findings = [{ severity: 'error', message: 'Load cancelled: nothing from this file was kept.' }];
    } else if (isUnreadable(e)) report.findings = [{ severity: 'error', message: unreadableMessage(file.name) }];
    else report.findings = [{ severity: 'error', message: `Could not load this file: ${firstLine(e)}` }];
  } finally {
    if (registered) await dropFile(engineFile).catch(() => {});
    report.millis = Math.round(performance.now() - t0);
  }
  return report;
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'unknown error';
}
