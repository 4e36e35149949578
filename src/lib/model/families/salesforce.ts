/**
 * Salesforce object exports (the weekly Data Export, Data Loader, Workbench): one file per object, API field
 * names, ids that resolve across files. Recognised by each object's field signature and mapped as someone
 * who knows Salesforce would: an Event's account is its AccountId (WhatId is often an opportunity), its start
 * ActivityDateTime (ActivityDate is midnight); a Task is an activity whose subtype says its channel and whose
 * Status says whether it happened; User is the roster (ManagerId resolves through its Id); Account names the
 * ids the others use. Pure: headers in, a mapping out.
 */
import { normalizeHeader, type CanonicalTable } from '../schema';
import type { FieldMap } from '../recognize';

export type SalesforceObject = 'Event' | 'Task' | 'User' | 'Account' | 'Contact' | 'Opportunity' | 'Lead' | 'Case';

export interface SalesforceReading {
  object: SalesforceObject;
  /** The table it feeds, or unknown for objects Cadence does not count (with the reason). */
  table: CanonicalTable | 'unknown';
  fields: FieldMap;
  /** Why an object is not used, in plain words. */
  notUsed?: string;
}

/** Fields whose presence together names the object (API names, compared normalised). */
const SIGNATURES: { object: SalesforceObject; all: string[]; any?: string[]; none?: string[] }[] = [
  { object: 'Event', all: ['Id', 'OwnerId'], any: ['ActivityDateTime', 'StartDateTime', 'DurationInMinutes', 'IsAllDayEvent', 'EventSubtype'] },
  { object: 'Task', all: ['Id', 'OwnerId', 'Status'], any: ['TaskSubtype', 'IsClosed', 'CallDurationInSeconds', 'CompletedDateTime'], none: ['StageName'] },
  { object: 'User', all: ['Id', 'LastName'], any: ['Username', 'ManagerId', 'UserRoleId', 'ProfileId', 'FederationIdentifier'], none: ['AccountId'] },
  { object: 'Opportunity', all: ['Id', 'StageName'], any: ['CloseDate', 'Amount', 'Probability'] },
  { object: 'Lead', all: ['Id', 'LastName', 'Company'], any: ['LeadSource', 'ConvertedAccountId', 'IsConverted'] },
  { object: 'Case', all: ['Id', 'CaseNumber'] },
  { object: 'Contact', all: ['Id', 'AccountId', 'LastName'], any: ['Email', 'FirstName', 'ReportsToId', 'MailingCity'] },
  { object: 'Account', all: ['Id', 'Name', 'OwnerId'], any: ['Type', 'Industry', 'BillingCity', 'BillingCountry', 'ParentId', 'AccountNumber', 'NumberOfEmployees', 'AnnualRevenue'], none: ['AccountId', 'StageName'] }
];

/** Canonical field → the object's fields that feed it, best first. */
const MAPPINGS: Partial<Record<SalesforceObject, { table: CanonicalTable; fields: Record<string, string[]> }>> = {
  Event: {
    table: 'meetings',
    fields: {
      meeting_id: ['Id'],
      title: ['Subject'],
      start: ['ActivityDateTime', 'StartDateTime', 'ActivityDate'],
      end: ['EndDateTime'],
      duration: ['DurationInMinutes'],
      organizer: ['OwnerId'],
      account: ['AccountId'],
      channel: ['Type'],
      all_day: ['IsAllDayEvent'],
      notes: ['Description'],
      agenda: ['Agenda', 'Agenda_Items']
    }
  },
  Task: {
    table: 'meetings',
    fields: {
      meeting_id: ['Id'],
      title: ['Subject'],
      start: ['ActivityDate', 'CompletedDateTime', 'CreatedDate'],
      duration: ['CallDurationInSeconds'],
      status: ['Status'],
      channel: ['TaskSubtype', 'Type'],
      organizer: ['OwnerId'],
      account: ['AccountId'],
      notes: ['Description']
    }
  },
  User: {
    table: 'people',
    fields: {
      person: ['Name'],
      first_name: ['FirstName'],
      last_name: ['LastName'],
      email: ['Email'],
      person_id: ['Id'],
      manager: ['ManagerId'],
      team: ['Department', 'Division', 'Team'],
      role: ['Title']
    }
  },
  Account: {
    table: 'accounts',
    fields: {
      account: ['Name'],
      account_id: ['Id'],
      csm: ['CSM', 'Customer_Success_Manager', 'OwnerId'],
      segment: ['Segment', 'AX_Segment', 'Customer_Segment', 'Tier', 'Touch_Model', 'Service_Tier'],
      arr: ['ARR', 'Annual_Recurring_Revenue', 'Current_ARR'],
      renewal_date: ['Renewal_Date', 'Contract_End_Date', 'Next_Renewal_Date']
    }
  }
};

const NOT_USED: Partial<Record<SalesforceObject, string>> = {
  Contact: 'customer contacts, not a table Cadence counts (meetings with them come from the Event and Task exports)',
  Opportunity: 'deals, not a table Cadence counts (an Event’s WhatId often names one: accounts come from AccountId)',
  Lead: 'prospects before they are customers: not a table Cadence counts',
  Case: 'support cases: not a table Cadence counts'
};

/** The Salesforce object a file's headers name, with its mapping, or null when it is not one. */
export function readSalesforce(headers: string[]): SalesforceReading | null {
  const byKey = new Map(headers.map((h) => [normalizeHeader(h), h]));
  const has = (f: string) => byKey.has(normalizeHeader(f));
  const sig = SIGNATURES.find((s) => s.all.every(has) && (!s.any || s.any.some(has)) && !(s.none ?? []).some(has));
  if (!sig) return null;
  const spec = MAPPINGS[sig.object];
  if (!spec) return { object: sig.object, table: 'unknown', fields: {}, notUsed: NOT_USED[sig.object] };
  const fields: FieldMap = {};
  for (const [field, names] of Object.entries(spec.fields)) {
    const found = names.map((n) => byKey.get(normalizeHeader(n))).find((h) => h !== undefined);
    if (found) fields[field] = found;
  }
  return { object: sig.object, table: spec.table, fields };
}
