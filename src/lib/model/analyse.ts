/**
 * A loaded file's place in the model: which canonical table it feeds, through which mapping, and why.
 * Runs on the page's engine (in Node too, when a site is published: see engine/node.ts).
 */
import { dateDecisions, familyCounts, proposeMapping, sampleColumns } from './build';
import { plural } from '$lib/format';
import { readSalesforce, type SalesforceReading } from './families/salesforce';
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
  const salesforce = report.family ? null : readSalesforce(columns);
  const family = report.family ?? (salesforce ? await describeSalesforce(salesforce, staging) : undefined);
  // A family reader already knows the table: the loader's named its columns for it, a Salesforce object's fields say it.
  const recognition: Recognition = report.family
    ? { ...recognized, table: report.family.table, confidence: 1, fields: report.family.table === 'unknown' ? {} : mapFields(report.family.table, samples) }
    : salesforce
      ? { ...recognized, table: salesforce.table, confidence: 1, fields: salesforce.fields }
      : recognized;
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
    family,
    samples: Object.fromEntries(samples.map((s) => [s.name, [...new Set(s.values)].slice(0, 3)]))
  };
}


/** What a Salesforce object export became, in a CS leader's words (counts from the file itself). */
async function describeSalesforce(sf: SalesforceReading, staging: string): Promise<NonNullable<FileReport['family']>> {
  const base = { id: `salesforce-${sf.object.toLowerCase()}`, label: `Salesforce ${sf.object} export` };
  if (sf.table === 'unknown') return { ...base, table: 'unknown', summary: `${base.label}: ${sf.notUsed ?? 'not a table Cadence counts'}. Not used.`, notes: [] };
  const c = await familyCounts(staging, sf.fields.account, sf.fields.status);
  const notes: string[] = [];
  let summary: string;
  if (sf.object === 'Event' || sf.object === 'Task') {
    const what = sf.object === 'Event' ? plural(c.rows, 'meeting') : `${plural(c.rows, 'activity', 'activities')} (emails, calls, to-dos; the channel from ${sf.fields.channel ?? 'no column'})`;
    summary = `${base.label}: ${what}, accounts from ${sf.fields.account ?? 'no column'}; ${plural(c.noAccount, 'row')} without an account.`;
    if (sf.object === 'Task') notes.push(`${plural(c.held, 'activity', 'activities')} completed count as touches; the other ${plural(c.rows - c.held, 'one')} (open, not started, deferred) are not counted as held.`);
    if (sf.fields.start) notes.push(`Start from ${sf.fields.start}${sf.fields.start === 'ActivityDate' ? ' (a date, no time)' : ''}.`);
    notes.push(`Accounts (${sf.fields.account}) and owners (${sf.fields.organizer}) are Salesforce ids: they show as names when the Account and User exports are loaded beside it, and as ids otherwise.`);
  } else if (sf.object === 'User') {
    summary = `${base.label}: ${plural(c.rows, 'person', 'people')} (the roster), managers from ${sf.fields.manager ?? 'no column'}.`;
    notes.push('Ids in other Salesforce exports (OwnerId, ManagerId) resolve to these people through Id.');
  } else {
    summary = `${base.label}: ${plural(c.rows, 'account')}${sf.fields.segment ? `, segment from ${sf.fields.segment}` : ', no segment field'}; owners from ${sf.fields.csm ?? 'no column'}.`;
    notes.push('AccountId in Event and Task exports resolves to these names through Id.');
  }
  return { ...base, table: sf.table, summary, notes };
}
