/**
 * The canonical tables (see PRODUCT.md) and the headers real exports use for each column. Headers are
 * compared after `normalizeHeader` (case, spaces, punctuation and accents ignored), so one synonym
 * covers "Start Date", "start_date" and "START-DATE".
 */
import type { TableKind } from '$lib/ingest/types';

export type CanonicalTable = Exclude<TableKind, 'unknown'>;

/** How a source column is read into a canonical one (each kind has its own SQL in normalize.ts). */
export type FieldKind = 'id' | 'text' | 'datetime' | 'time' | 'number' | 'duration' | 'percent' | 'boolean' | 'status' | 'kind' | 'channel' | 'agenda' | 'person' | 'people';

export interface FieldSpec {
  field: string;
  label: string;
  kind: FieldKind;
  synonyms: string[];
  /** How much a match says "this file is that table" (0 = common column, no evidence). */
  weight: number;
}

export interface TableSpec {
  table: CanonicalTable;
  label: string;
  fields: FieldSpec[];
}

export function normalizeHeader(h: string): string {
  return h
    .replace(/__c$/i, '') // a Salesforce custom field (`Renewal_Date__c`) is named like any other
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const f = (field: string, label: string, kind: FieldKind, weight: number, synonyms: string[]): FieldSpec => ({
  field,
  label,
  kind,
  weight,
  synonyms: [...new Set(synonyms.map(normalizeHeader))]
});

export const TABLES: TableSpec[] = [
  {
    table: 'meetings',
    label: 'Meetings',
    fields: [
      f('meeting_id', 'Meeting ID', 'id', 1, ['meeting_id', 'Id', 'Meeting ID', 'iCalUID', 'Gsid', 'Record ID', 'Activity ID', 'Event ID', 'UID', 'hs_object_id', 'Meeting UUID']),
      f('title', 'Title', 'text', 2, ['title', 'Subject', 'Topic', 'Meeting title', 'summary', 'hs_meeting_title', 'Meeting name', 'Meeting Title', 'Event title', 'Betreff', 'Objet', 'Asunto', 'Onderwerp', 'Oggetto', 'Asunto', 'Assunto']),
      f('start', 'Start (date or date and time)', 'datetime', 3, ['start_at', 'Start Date', 'StartDateTime', 'Start', 'start.dateTime', 'hs_meeting_start_time', 'Meeting start time', 'Activity Date', 'Start Date Time', 'Event Start', 'Date', 'Meeting Date', 'Beginnt am', 'Date de début', 'Fecha de comienzo', 'Begindatum', 'Data di inizio', 'Join Time', 'Scheduled for', 'Meeting Start Time', 'Début', 'Fecha de inicio', 'Data inizio', 'Data de início', 'Startdatum']),
      f('start_time', 'Start time (when the date is in another column)', 'time', 1, ['Start Time', 'Beginnt um', 'Heure de début', 'Hora de comienzo', 'Begintijd', 'Ora di inizio', 'Début_1', 'Hora de inicio', 'Comienzo', 'Ora inizio', 'Hora de início', 'Starttijd', 'Startzeit']),
      f('end', 'End (date or date and time)', 'datetime', 1, ['end_at', 'End Date', 'EndDateTime', 'End', 'end.dateTime', 'hs_meeting_end_time', 'Meeting end time', 'End Date Time', 'Endet am', 'Date de fin', 'Fecha de finalización', 'Einddatum', 'Data di fine', 'Leave Time', 'Meeting End Time', 'Fin', 'Fecha de fin', 'Data fine', 'Data de término', 'Enddatum']),
      f('end_time', 'End time (when the date is in another column)', 'time', 1, ['End Time', 'Endet um', 'Heure de fin', 'Hora de finalización', 'Eindtijd', 'Ora di fine', 'Fin_1', 'Hora de fin', 'Finalización', 'Ora fine', 'Hora de término', 'Endzeit']),
      f('duration', 'Duration', 'duration', 1, ['duration_min', 'Duration', 'Duration (Minutes)', 'DurationInMinutes', 'Duration (in Mins)', 'Length', 'Call Duration (Seconds)', 'Call Duration', 'Meeting duration', 'Dauer']),
      f('kind', 'Kind (1:1, customer, internal)', 'kind', 1, ['kind', 'Type', 'Meeting Type', 'EventSubtype', 'hs_activity_type', 'Event type', 'Kind']),
      f('status', 'Status', 'status', 2, ['status', 'hs_meeting_outcome', 'Meeting outcome', 'Outcome', 'Event status', 'Meeting status', 'State']),
      f('organizer', 'Organizer (manager of a 1:1, or owner)', 'person', 2, ['Meeting Organizer', 'Organizer', 'organizer.email', 'Organizer Email', 'Host', 'Host Email', 'Created by', 'OwnerId', 'Owner', 'User Email', 'Activity assigned to', 'Assigned to', 'Assigned', 'HubSpot owner', 'hubspot_owner_email', 'Owner Email', 'Organisator', 'Organisateur', 'Organizador', 'Besprechungsplanung', 'Organisateur d\'une réunion', 'Organisateur de réunion', 'Organizador de la reunión', 'Organisator van vergadering', 'Organizzatore riunione', 'Organizador da reunião', 'Organizer Name']),
      f('attendees', 'Attendees', 'people', 2, ['Required Attendees', 'Attendees', 'attendees', 'Participants', 'Invitees', 'Attendee emails', 'Guests', 'Erforderliche Teilnehmer', 'Participants obligatoires', 'Asistentes obligatorios', 'Optional Attendees', 'Optionale Teilnehmer', 'Participants facultatifs', 'Asistentes opcionales', 'Vereiste deelnemers', 'Partecipanti obbligatori', 'Participantes obrigatórios']),
      f('manager', 'Manager', 'person', 1, ['manager', 'Manager', 'Manager Email', 'Manager Name']),
      f('csm', 'CSM or direct report', 'person', 1, ['csm', 'CSM', 'CSM Email', 'Direct Report', 'Report', 'Employee', 'Report Email']),
      f('account', 'Account', 'text', 2, ['account', 'Account', 'Account Name', 'Company', 'Company Name', 'Associated Company', 'AccountId', 'WhatId', 'Context Name', 'Customer', 'Client', 'Konto', 'Compte']),
      f('agenda', 'Agenda covered', 'agenda', 2, ['agenda', 'Agenda', 'Agenda Covered', 'Agenda items', 'Topics', 'Categories', 'Kategorien', 'Catégories', 'Categorías', 'Categorieën', 'Categorie', 'Categorias']),
      f('notes', 'Notes', 'text', 0, ['notes', 'Description', 'Notes', 'Meeting notes', 'hs_meeting_body', 'Body', 'Details', 'Comments', 'Beschreibung', 'Description', 'Descripción', 'Beschrijving', 'Descrizione', 'Descrição']),
      f('prepared_by_report', 'Report brought the data', 'boolean', 2, ['prepared_by_report', 'Report Brought Data', 'Brought data', 'Prepared', 'Prepared by report', 'Prep done']),
      f('channel', 'Channel (meeting, call, email, async)', 'channel', 1, ['channel', 'Channel', 'Task Subtype', 'TaskSubtype', 'ActivityTypeName', 'Activity Type', 'Medium']),
      // Written by the attendance-report reader: who joined, and how many (an attendance report confirms a calendar meeting).
      f('attendee_count', 'Attendees who joined (attendance reports)', 'number', 0, ['Attendee count', 'Attended participants']),
      f('attendance', 'Attendance (who joined, when, for how long)', 'text', 0, ['Attendance', 'Attendance detail']),
      // Office days, holidays and out-of-office blocks: calendar entries, not meetings (kept out of every count).
      f('all_day', 'All-day event (not a meeting)', 'boolean', 1, ['All day event', 'All Day', 'AllDay', 'IsAllDayEvent', 'Is All Day Event', 'isAllDay', 'all_day', 'Ganztägiges Ereignis', 'Journée entière', 'Evento de todo el día', 'Evento di un giorno intero', 'Hele dag', 'Evento de dia inteiro', 'Celodenní událost', 'Całodzienne', 'Heldagsaktivitet', 'Koko päivän tapahtuma', 'Hele dagen'])
    ]
  },
  {
    table: 'goals',
    label: 'Goals',
    fields: [
      f('goal_id', 'Goal ID', 'id', 1, ['goal_id', 'Goal ID', 'Id', 'Gsid', 'Goal GSID', 'OKR ID', 'OKR_ID', 'Objective ID', 'Key Result ID', 'KR ID']),
      f('title', 'Goal', 'text', 3, ['title', 'Goal', 'Goal Name', 'Goal Title', 'Key Result', 'Objective', 'Name']),
      f('owner', 'Owner (CSM or team)', 'person', 2, ['owner', 'Owner', 'Owner Email', 'Owner Email ID', 'Owner Name', 'Assignee', 'Goal Owner']),
      f('manager', 'Manager', 'person', 1, ['manager', 'Manager', 'Manager Email']),
      f('scope', 'Individual or team', 'text', 1, ['Goal Type', 'Scope', 'Level']),
      f('metric_type', 'Metric type', 'text', 1, ['metric_type', 'Metric Type', 'Progress Type', 'Unit', 'Measurement']),
      f('start_value', 'Start value', 'number', 2, ['start_value', 'Start Value', 'Starting Value', 'Initial Value', 'Baseline', 'Start']),
      f('target_value', 'Target value', 'number', 3, ['target_value', 'Target Value', 'Target', 'Goal Value']),
      f('current_value', 'Current value', 'number', 2, ['current_value', 'Current Value', 'Current', 'Actual', 'Actual Value']),
      f('progress_pct', 'Progress %', 'percent', 3, ['progress_pct', 'Goal % Completion', 'Progress', 'Progress %', 'Percent Complete', '% Complete', 'Completion']),
      f('status', 'Status', 'status', 1, ['status', 'Status', 'Goal Status', 'State']),
      f('start_date', 'Start date', 'datetime', 1, ['start_date', 'start_on', 'Start Date', 'Start', 'Started On']),
      f('due_date', 'Due date', 'datetime', 2, ['due_date', 'due_on', 'Due Date', 'Due', 'End Date', 'Deadline', 'Target Date']),
      f('updated_at', 'Last updated (check-in)', 'datetime', 1, ['updated_at', 'Last Updated', 'Last_Updated', 'Updated At', 'Updated', 'Modified', 'Last Modified', 'Check-In Date', 'Check-in date', 'Last Check-in', 'Last Check-In Date', 'Last Checkin', 'Latest Check-in', 'Last Check-in Date']),
      f('checkin_type', 'Check-in type', 'text', 2, ['Check-In Type', 'Checkin Type'])
    ]
  },
  {
    table: 'outcomes',
    label: 'Outcomes',
    fields: [
      f('outcome_id', 'Outcome ID', 'id', 1, ['outcome_id', 'Objective GSID', 'Outcome ID', 'Objective ID', 'Gsid', 'Id']),
      // An account says "customer outcome", not "goal": goals have owners, not accounts.
      f('account', 'Account', 'text', 3, ['account', 'Company Name', 'Account', 'Account Name', 'Company', 'Customer']),
      f('segment', 'Segment (AX tier)', 'text', 1, ['segment', 'Segment', 'Customer Segment', 'AX Segment', 'AX Tier', 'Tier', 'Touch Model']),
      f('csm', 'CSM', 'person', 1, ['csm', 'CSM', 'Objective Owner', 'Owner', 'CSM Name', 'Owner Name']),
      f('outcome', 'Desired outcome', 'text', 3, ['outcome', 'Objective Name', 'Desired Outcome', 'Outcome', 'Objective', 'Success Criteria']),
      f('plan', 'Success plan', 'text', 3, ['Success Plan Name', 'Success Plan', 'Plan', 'Plan Name']),
      f('milestone', 'Milestone', 'text', 2, ['milestone', 'Milestone', 'Milestone Name']),
      f('start_value', 'Start value', 'number', 1, ['start_value', 'Start Value', 'Baseline']),
      f('current_value', 'Current value', 'number', 1, ['current_value', 'Current Value', 'Current']),
      f('target_value', 'Target value', 'number', 1, ['target_value', 'Target Value', 'Target']),
      f('progress_pct', 'Progress %', 'percent', 2, ['progress_pct', '% Complete', 'Percent Complete', 'Progress', 'Progress %', 'Completion']),
      f('status', 'Status', 'status', 1, ['status', 'Status', 'Objective Status']),
      f('start_date', 'Start date', 'datetime', 1, ['start_date', 'Start Date', 'Created Date']),
      f('due_date', 'Due date', 'datetime', 1, ['due_date', 'Due Date', 'Target Date']),
      f('achieved_date', 'Achieved date', 'datetime', 2, ['achieved_date', 'Completed Date', 'Achieved Date', 'Closed Date', 'Completed On']),
      f('first_value_date', 'First value date', 'datetime', 3, ['first_value_date', 'First Value Date', 'Time to First Value Date', 'TTFV Date']),
      f('health', 'Health', 'number', 2, ['health', 'Health Score', 'Health', 'Overall Score']),
      f('arr', 'ARR', 'number', 1, ['arr', 'ARR', 'Annual Recurring Revenue']),
      f('as_of', 'Snapshot date (as of)', 'datetime', 2, ['as_of', 'Snapshot Date', 'As Of', 'Snapshot', 'Report Date'])
    ]
  },
  {
    table: 'people',
    label: 'People (roster)',
    fields: [
      f('person', 'Name', 'person', 2, ['person', 'name', 'Employee Name', 'Full Name', 'Display Name', 'Employee', 'Worker', 'Legal Name', 'Preferred Name']),
      f('first_name', 'First name (when the name is split)', 'text', 1, ['first_name', 'FirstName', 'First Name', 'Given Name', 'Forename', 'Vorname', 'Prénom', 'Nombre']),
      f('last_name', 'Last name (when the name is split)', 'text', 1, ['last_name', 'LastName', 'Last Name', 'Surname', 'Family Name', 'Nachname', 'Nom', 'Apellido', 'Apellidos']),
      f('person_id', 'Person ID (what other exports use for them)', 'id', 1, ['person_id', 'Employee ID', 'EmpID', 'Employee Number', 'Employee #', 'Employee No', 'Worker ID', 'User ID', 'Personnel Number', 'Personalnummer']),
      f('email', 'Email', 'text', 2, ['email', 'Work Email', 'Email Address', 'E-mail']),
      f('manager', 'Manager', 'person', 3, ['manager', 'Manager', 'Reports To', 'Manager Name', 'Manager Email', 'Supervisor']),
      f('team', 'Team', 'text', 3, ['team', 'Team', 'Department', 'Pod', 'Group']),
      f('role', 'Role', 'text', 2, ['role', 'Job Title', 'Title', 'Position']),
      f('start_date', 'Start date', 'datetime', 2, ['start_date', 'Hire Date', 'Date of Hire', 'Original Hire Date', 'Start Date', 'Joined', 'Employment Start Date', 'Eintrittsdatum']),
      f('end_date', 'End date', 'datetime', 2, ['end_date', 'Termination Date', 'Date of Termination', 'Term Date', 'End Date', 'Leave Date', 'Left', 'Employment End Date', 'Austrittsdatum'])
    ]
  },
  {
    table: 'accounts',
    label: 'Accounts',
    fields: [
      f('account', 'Account', 'text', 2, ['account', 'Account Name', 'Account', 'Company', 'Company Name', 'Customer']),
      f('domain', 'Email domain or website (places meetings by attendee)', 'text', 1, ['domain', 'Domain', 'Email Domain', 'Company Domain', 'Website', 'Web Site', 'Company Website', 'URL']),
      f('account_id', 'Account ID (what other exports use for it)', 'id', 1, ['account_id', 'Account ID', 'Salesforce ID', 'Account 18 Digit ID', 'Account ID (18)', 'Company ID', 'Record ID']),
      f('segment', 'Segment (AX tier)', 'text', 3, ['segment', 'Customer Segment', 'Segment', 'AX Segment', 'AX Tier', 'Tier', 'Touch Model']),
      f('csm', 'CSM', 'person', 2, ['csm', 'Account Owner', 'CSM', 'Customer Success Manager', 'Owner']),
      f('arr', 'ARR', 'number', 3, ['arr', 'Annual Recurring Revenue', 'ARR', 'Contract Value', 'Revenue', 'Current ARR', 'Total ARR', 'ARR (USD)', 'ARR (EUR)', 'ARR (GBP)', 'Annual Contract Value', 'ACV', 'Recurring Revenue', 'Subscription Value']),
      f('renewal_date', 'Renewal date', 'datetime', 3, ['renewal_date', 'Renewal Date', 'Renewal', 'Contract End Date', 'Next Renewal Date', 'Contract Renewal Date', 'Renewal Due Date', 'Subscription End Date', 'Term End Date', 'Contract End'])
    ]
  }
];

export function tableSpec(table: CanonicalTable): TableSpec {
  return TABLES.find((t) => t.table === table)!;
}
