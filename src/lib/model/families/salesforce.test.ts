import { describe, expect, it } from 'vitest';
import { readSalesforce } from './salesforce';

const EVENT = 'Id,WhoId,WhatId,AccountId,Subject,Location,IsAllDayEvent,ActivityDateTime,ActivityDate,DurationInMinutes,StartDateTime,EndDateTime,Description,OwnerId,Type,EventSubtype,CreatedDate'.split(',');
const TASK = 'Id,WhoId,WhatId,AccountId,Subject,ActivityDate,Status,Priority,OwnerId,Description,Type,IsClosed,CallDurationInSeconds,TaskSubtype,CompletedDateTime'.split(',');

describe('Salesforce object exports, by their field signature', () => {
  it('Event: account from AccountId (not WhatId), start from ActivityDateTime (not the midnight ActivityDate)', () => {
    const r = readSalesforce(EVENT)!;
    expect(r).toMatchObject({ object: 'Event', table: 'meetings' });
    expect(r.fields).toMatchObject({ account: 'AccountId', start: 'ActivityDateTime', end: 'EndDateTime', duration: 'DurationInMinutes', organizer: 'OwnerId', all_day: 'IsAllDayEvent', meeting_id: 'Id' });
    expect(Object.values(r.fields)).not.toContain('WhatId');
  });
  it('Task: an activity whose subtype is its channel and whose status says whether it happened; header case as Data Loader writes it', () => {
    const r = readSalesforce(TASK.map((h) => h.toUpperCase()))!;
    expect(r).toMatchObject({ object: 'Task', table: 'meetings' });
    expect(r.fields).toMatchObject({ channel: 'TASKSUBTYPE', status: 'STATUS', start: 'ACTIVITYDATE', account: 'ACCOUNTID', duration: 'CALLDURATIONINSECONDS' });
  });
  it('User is the roster, ManagerId its manager; Account names the ids with custom fields for segment, ARR, renewal', () => {
    expect(readSalesforce('Id,Username,FirstName,LastName,Email,ManagerId,Department,Title,IsActive'.split(','))).toMatchObject({
      object: 'User',
      table: 'people',
      fields: { first_name: 'FirstName', last_name: 'LastName', email: 'Email', person_id: 'Id', manager: 'ManagerId', team: 'Department', role: 'Title' }
    });
    expect(readSalesforce('Id,Name,Type,Industry,OwnerId,Segment__c,ARR__c,Renewal_Date__c,AnnualRevenue'.split(','))).toMatchObject({
      object: 'Account',
      table: 'accounts',
      fields: { account: 'Name', account_id: 'Id', csm: 'OwnerId', segment: 'Segment__c', arr: 'ARR__c', renewal_date: 'Renewal_Date__c' }
    });
  });
  it('objects Cadence does not count are named, with the reason', () => {
    expect(readSalesforce('Id,AccountId,FirstName,LastName,Email,Title,OwnerId'.split(','))).toMatchObject({ object: 'Contact', table: 'unknown' });
    expect(readSalesforce('Id,AccountId,Name,StageName,CloseDate,Amount,OwnerId'.split(','))!.notUsed).toMatch(/WhatId/);
  });
  it('ordinary exports are not Salesforce objects', () => {
    expect(readSalesforce(['Subject', 'Start Date', 'Start Time', 'Organizer'])).toBeNull();
    expect(readSalesforce(['Id', 'Title', 'Owner', 'Status', 'Progress %'])).toBeNull();
    expect(readSalesforce(['Account Name', 'Segment', 'ARR', 'Account Owner'])).toBeNull();
  });
});
