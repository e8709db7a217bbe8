import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  completeAnswers,
  minutesAgo,
  minutesFromNow,
  now,
  template,
} from '../workflow/test/workflow-fixtures';
import { findItem, isItemVisible, validateAnswer, visibleItems, type CaseAnswers } from './answers';
import { sectionStatus } from './section-status';
import type { AnyItem, PlaybookItem } from './schema';

function item(id: string): PlaybookItem {
  const found = findItem(template, id);
  if (!found) throw new Error(`no item ${id}`);
  return found.item;
}

function field(list: string, id: string): AnyItem {
  const l = item(list);
  const found = l.type === 'list' ? l.fields.find((f) => f.id === id) : undefined;
  if (!found) throw new Error(`no field ${list}.${id}`);
  return found;
}

/** The shipped template has no free number item; a site's template might (e.g. an activity). */
const activity: AnyItem = {
  id: 'residual_activity',
  type: 'number',
  label: 'Residual activity',
  unit: 'MBq',
  min: 0,
  max: 1000,
  integer: false,
  required: true,
};

describe('an answer against its item', () => {
  it.each<[string, AnyItem, unknown, string | null]>([
    ['yes/no: Yes', item('config_backup_taken'), true, null],
    [
      'yes/no: a word is not an answer',
      item('config_backup_taken'),
      'yes',
      "'Configuration backup taken' must be Yes or No",
    ],
    ['choice: an offered option', item('backup_verified'), 'checksum', null],
    [
      'choice: an option not offered',
      item('backup_verified'),
      'eyeballed',
      "'Backup verified' must be one of: 'Yes, checksum compared', 'Yes, a restore test passed' or 'Not verified'",
    ],
    ['number: within its bounds', activity, 12.5, null],
    [
      'number: out of bounds, with its unit',
      activity,
      1200,
      "'Residual activity' must be a number from 0 to 1000 MBq",
    ],
    [
      'number: not a number',
      activity,
      '12',
      "'Residual activity' must be a number from 0 to 1000 MBq",
    ],
    [
      'number: whole numbers only when the item says so',
      { ...activity, integer: true } as AnyItem,
      12.5,
      "'Residual activity' must be a whole number from 0 to 1000 MBq",
    ],
    ['count: a whole number', item('studies_done_locally'), 14, null],
    [
      'count: not negative',
      item('studies_done_locally'),
      -1,
      "'Studies done locally (from the downtime log)' must be a whole number from 0 to 10000",
    ],
    [
      'count: not a fraction',
      item('studies_done_locally'),
      2.5,
      "'Studies done locally (from the downtime log)' must be a whole number from 0 to 10000",
    ],
    [
      'count: bounded',
      item('studies_done_locally'),
      10_001,
      "'Studies done locally (from the downtime log)' must be a whole number from 0 to 10000",
    ],
    ['date-time: with its offset', item('config_backup_at'), '2017-08-03T10:40:00+02:00', null],
    [
      'date-time: without a time zone it is ambiguous',
      item('config_backup_at'),
      '2017-08-03T08:40',
      "'Taken at' must be a date and time with its time zone, like 2017-08-03T08:30:00+02:00",
    ],
    [
      'date-time: a backup cannot have been taken in the future',
      item('config_backup_at'),
      minutesFromNow(30),
      `'Taken at' (${minutesFromNow(30)}) is later than now: a record of something done cannot be in the future`,
    ],
    [
      'date-time: a few minutes of clock difference are tolerated',
      item('config_backup_at'),
      minutesFromNow(4),
      null,
    ],
    [
      'date-time: a window may open later',
      item('remote_window_opens_at'),
      minutesFromNow(120),
      null,
    ],
    ['text: a short name', item('config_backup_by'), 'M. Keller', null],
    [
      'text: one line',
      item('config_backup_by'),
      'M. Keller\nand friends',
      "'Done by (name)' must be one line of plain text",
    ],
    [
      'text: short',
      item('config_backup_by'),
      'x'.repeat(101),
      "'Done by (name)' is longer than 100 characters",
    ],
    ['any: blank is unanswered', item('vendor_fix_id'), '   ', "'Vendor fix ID' is unanswered"],
    [
      'row field: radionuclide from the table',
      field('injected_patients', 'radionuclide'),
      'Lu-177',
      null,
    ],
    [
      'list: a row with a field the checklist does not ask for',
      item('injected_patients'),
      [{ radionuclide: 'F-18', injected_at: minutesAgo(5), initials: 'JD' }],
      'Injected patient 1 has fields this checklist does not ask for (initials)',
    ],
    [
      'list: a row missing a required field',
      item('upcoming_studies'),
      [{ scheduled_at: minutesFromNow(60), priority: 'urgent' }],
      "Study 1: 'Where does it go instead?' is unanswered",
    ],
    [
      'list: a field shown only for deferred studies is needed then',
      item('upcoming_studies'),
      [{ scheduled_at: minutesFromNow(60), priority: 'urgent', plan: 'deferred' }],
      "Study 1: 'Is the deferral documented (referrer informed)?' is unanswered",
    ],
    [
      'list: at least one row when shown',
      item('injected_patients'),
      [],
      "'Injected patients waiting' needs at least 1 injected patient entry",
    ],
    [
      'list: not a list',
      item('injected_patients'),
      { radionuclide: 'F-18' },
      "'Injected patients waiting' must be a list of injected patient entries",
    ],
  ])('%s', (_what, it_, value, problem) => {
    const result = validateAnswer(it_, value, { now });
    expect(result.ok ? null : result.problem).toBe(problem);
  });

  it('keeps only the fields a row shows: a deferral flag on a moved study is dropped', () => {
    const result = validateAnswer(item('upcoming_studies'), [
      {
        scheduled_at: minutesFromNow(60),
        priority: 'routine',
        plan: 'other_site',
        deferral_documented: false,
      },
    ]);
    expect(result).toEqual({
      ok: true,
      value: [{ scheduled_at: minutesFromNow(60), priority: 'routine', plan: 'other_site' }],
    });
  });

  it('never throws, whatever was saved in a draft', () => {
    const items = template.sections.flatMap((s) => s.items);
    fc.assert(
      fc.property(fc.constantFrom(...items), fc.jsonValue(), (it_, value) => {
        const result = validateAnswer(it_, value, { now });
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('which items are shown', () => {
  const answers = (patch: Record<string, unknown>): CaseAnswers => ({
    ...completeAnswers,
    patch_record: { ...completeAnswers.patch_record, ...patch },
  });

  it('shows the remote-update window, engineer, start and end only for a remote update', () => {
    const ids = (a: CaseAnswers) => visibleItems(template, 'patch_record', a).map((i) => i.id);
    expect(ids(answers({ update_method: 'on_site' }))).toEqual([
      'vendor_fix_id',
      'update_method',
      'onsite_engineer',
      'onsite_performed_at',
      'patch_result',
    ]);
    expect(ids(answers({ update_method: 'remote' }))).toEqual([
      'vendor_fix_id',
      'update_method',
      'remote_window_opens_at',
      'remote_window_closes_at',
      'remote_engineer',
      'remote_started_at',
      'remote_ended_at',
      'remote_path_closed',
      'patch_result',
    ]);
    expect(ids(answers({ update_method: undefined }))).toEqual([
      'vendor_fix_id',
      'update_method',
      'patch_result',
    ]);
  });

  it('follows conditions across sections: reconciliation only after temporary registrations', () => {
    const withRegistrations = (n: unknown): CaseAnswers => ({
      ...completeAnswers,
      standalone_operation: { ...completeAnswers.standalone_operation, temporary_registrations: n },
    });
    expect(isItemVisible(template, item('reconciliation_done'), withRegistrations(2))).toBe(true);
    expect(isItemVisible(template, item('reconciliation_done'), withRegistrations(0))).toBe(false);
    expect(isItemVisible(template, item('reconciliation_done'), withRegistrations('two'))).toBe(
      false,
    );
  });

  it('hides an item whose controlling answer is itself hidden', () => {
    const gate = {
      ...completeAnswers.patient_safety_gate,
      studies_upcoming: false,
      upcoming_studies: [],
    };
    expect(isItemVisible(template, item('upcoming_studies'), { patient_safety_gate: gate })).toBe(
      false,
    );
  });
});

describe('whether a section is complete', () => {
  const status = (
    section: 'backup' | 'reconnection' | 'patch_record',
    patch: Record<string, unknown>,
  ) =>
    sectionStatus(
      template,
      section,
      { ...completeAnswers, [section]: { ...completeAnswers[section], ...patch } },
      { now },
    );

  it('is complete and done when every visible required item is answered validly and every check passes', () => {
    expect(status('backup', {})).toMatchObject({
      complete: true,
      done: true,
      problems: [],
      answered: 14,
      visible: 14,
    });
  });

  it('does not need hidden items, and does not need optional ones', () => {
    const result = sectionStatus(template, 'exposure_assessment', {
      exposure_assessment: { ...completeAnswers.exposure_assessment, segment_name: undefined },
    });
    expect(result).toMatchObject({ complete: true, done: true, answered: 6, visible: 7 });
  });

  it('is incomplete when a visible required item is unanswered', () => {
    expect(
      status('backup', {
        config_backup_taken: undefined,
        config_backup_by: 'X',
        config_backup_at: minutesAgo(1),
      }),
    ).toMatchObject({
      complete: false,
      problems: [
        {
          itemId: 'config_backup_taken',
          kind: 'unanswered',
          message: "'Configuration backup taken' is unanswered",
        },
      ],
    });
  });

  it('is incomplete when an optional item is answered wrongly: it would be signed as given', () => {
    const result = sectionStatus(template, 'exposure_assessment', {
      exposure_assessment: { ...completeAnswers.exposure_assessment, segment_name: 'x'.repeat(65) },
    });
    expect(result).toMatchObject({
      complete: false,
      problems: [{ itemId: 'segment_name', kind: 'invalid' }],
    });
  });

  it('is complete but not done when a check fails (answered honestly)', () => {
    expect(status('backup', { recovery_media_available: false })).toMatchObject({
      complete: true,
      done: false,
      problems: [
        {
          itemId: 'recovery_media_available',
          kind: 'unmet',
          message: "'Recovery media available' is answered 'No'; it needs 'Yes'",
        },
      ],
    });
  });

  it('checks a count against the item it must match, and times against their window', () => {
    expect(status('reconnection', { backlog_sent_count: 13 }).problems).toEqual([
      {
        itemId: 'backlog_sent_count',
        label: 'Backlog studies sent to PACS',
        kind: 'invalid',
        message:
          "'Backlog studies sent to PACS' (13) does not match 'Studies done locally (from the downtime log)' (14)",
        // The same, as the catalogue's words, for the reader's language.
        words: {
          key: 'answerCountMismatch',
          params: {
            name: "'Backlog studies sent to PACS'",
            value: '13',
            other: "'Studies done locally (from the downtime log)'",
            expected: 14,
          },
        },
      },
    ]);
    const remote = {
      update_method: 'remote',
      remote_window_opens_at: minutesAgo(120),
      remote_window_closes_at: minutesAgo(60),
      remote_engineer: 'Remote FSE',
      remote_started_at: minutesAgo(110),
      remote_ended_at: minutesAgo(50),
      remote_path_closed: true,
    };
    expect(status('patch_record', remote).problems.map((p) => p.message)).toEqual([
      `'Remote session ended' (${minutesAgo(50)}) is after 'Remote window closes' (${minutesAgo(60)})`,
    ]);
    expect(status('patch_record', { ...remote, remote_ended_at: minutesAgo(70) }).done).toBe(true);
  });

  it('counts a backlog of zero as matching when nothing was logged (a device that never went standalone)', () => {
    const result = sectionStatus(template, 'reconnection', {
      reconnection: { dicom_echo_ok: true, test_study_committed: true, backlog_sent_count: 0 },
    });
    expect(result).toMatchObject({ complete: true, done: true });
  });

  it('names a section the template does not have instead of throwing', () => {
    const partial = { ...template, sections: template.sections.slice(0, 2) };
    expect(sectionStatus(partial, 'reimaging', {})).toMatchObject({
      complete: false,
      problems: [
        { message: 'This playbook (icsma-standalone-response v1) has no "reimaging" section' },
      ],
    });
  });
});
