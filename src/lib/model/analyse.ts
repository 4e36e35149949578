/**
 * A loaded file's place in the model: which canonical table it feeds, through which mapping, and why.
 * Runs on the page's engine (in Node too, when a site is published: see engine/node.ts).
 */
import { dateDecisions, proposeMapping, sampleColumns } from './build';
import { headerSignature, mapFields, recognize, type Recognition } from './recognize';
import { savedMapping } from './savedMappings';
import type { DateOrderDecision } from '$lib/normalize/dateOrder';
import type { FileMapping } from '$lib/normalize/views';
import type { FileReport } from '$lib/ingest/types';

export interface FileModel {
  id: number;
  file: string;
  staging: string;
  columns: string[];
  signature: string;
  recognition: Recognition;
  mapping: FileMapping;
  /** Where the mapping came from: recognised now, remembered from an earlier file of this layout, or edited. */
  origin: 'recognized' | 'remembered' | 'edited';
  /** How each date column's day/month order was decided (and the question, when it could not be). */
  dateDecisions: Record<string, DateOrderDecision>;
  /** The export family the loader recognised, when it did (its reader shaped the staging table). */
  family?: FileReport['family'];
  /** A few values per column, for the mapping screen. */
  samples: Record<string, string[]>;
}

/** Recognise a freshly loaded file and propose (or recall) its mapping. */
export async function analyseFile(report: FileReport, locale: string): Promise<FileModel> {
  const staging = report.stagingTable!;
  const columns = report.columns.map((c) => c.name);
  const samples = await sampleColumns(staging, columns);
  const recognized = recognize(samples);
  // A family reader already knows the table: its columns are named for it, so the mapping is certain.
  const recognition = report.family ? { ...recognized, table: report.family.table, confidence: 1, fields: mapFields(report.family.table, samples) } : recognized;
  const signature = headerSignature(columns);
  const remembered = savedMapping(signature);
  const decimalComma = report.dialect?.decimalComma ?? false;
  const { mapping, decisions } = remembered
    ? { mapping: remembered, decisions: await dateDecisions(staging, remembered, locale) }
    : await proposeMapping(staging, columns, recognition.table, recognition, decimalComma, locale);
  return {
    id: report.id,
    file: report.file,
    staging,
    columns,
    signature,
    recognition,
    mapping,
    origin: remembered ? 'remembered' : 'recognized',
    dateDecisions: decisions,
    family: report.family,
    samples: Object.fromEntries(samples.map((s) => [s.name, [...new Set(s.values)].slice(0, 3)]))
  };
}

