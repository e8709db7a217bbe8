import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as given from '../demo/walkthrough-answers';
import { auditSince, lastAuditId } from '../people/test/test-calls';
import { bundledAdvisoryRevisionTwo } from '../test/advisory-revision';
import { fixturesDir, signInAs } from '../test/temp-runtime';
import { answerAll, demoIncidentForFile, signAs, testNow } from './test/case-test-setup';

/**
 * A new revision of an advisory sends the open cases that relied on an older one back for review.
 *
 * The shared fixture `csaf/icsma-17-215-02.json` is CISA's official document. It carries the same
 * tracking id as the app's bundled summary but another publisher (https://www.cisa.gov/ against
 * https://standalone.invalid), and CSAF makes a tracking id unique per publisher, so the import
 * stores it as a second advisory, not as a revision; and both are version 1, so even compared as
 * revisions neither would be newer. It therefore flags nothing. The newer revision below is the
 * bundled document itself, revised to version 2.
 */

const d = demoIncidentForFile(['NM-0001', 'NM-0003', 'NM-0007']);

const operator = { kind: 'operator', osUser: 'test' } as const;
const now = new Date(testNow);

const importFile = (fileName: string, content: string) =>
  d.rt.client(operator).value('advisories.import', { fileName, content });

describe('re-review on a new advisory revision', () => {
  let pet: number;
  let returned: number;

  it('CISA’s own ICSMA-17-215-02 is another publisher’s advisory: imported alongside, flags nothing', async () => {
    pet = d.caseOf('NM-0001');
    const cisa = await importFile(
      'icsma-17-215-02.json',
      fs.readFileSync(path.join(fixturesDir, 'csaf/icsma-17-215-02.json'), 'utf8'),
    );
    expect(cisa.outcome).toBe('imported');
    expect(cisa.advisoryId).not.toBe(d.advisoryId);
    await signInAs(d.rt, 'technologist');
    const c = await d.api.value('cases.get', { caseId: pet });
    expect(c.flags).toEqual([]);
    expect(c.advisory).toMatchObject({ id: d.advisoryId, revision: { version: '1' } });
  });

  it('revision 2 of the bundled advisory flags every open case on revision 1, not closed ones', async () => {
    // NM-0001 is being assessed, with the clinical lead's sign-off on revision 1. NM-0007 stands
    // for a case already returned to service (the whole path is the happy-path test's; here the
    // state is set in the table): closed cases are not sent back for review.
    await d.api.value('cases.transition', { caseId: pet, target: 'assessing' });
    await answerAll(d.api, pet, 'exposure_assessment', given.exposedOnClinicalNetwork('available'));
    await answerAll(d.api, pet, 'patient_safety_gate', given.gateClear(now));
    await answerAll(d.api, pet, 'backup', given.backupDone(now, 'M. Keller'));
    await signAs(d, 'clinical_lead', pet, 'patient_safety_clear');
    returned = d.caseOf('NM-0007');
    d.rt.services.db
      .prepare(`UPDATE cases SET state = 'returned_to_service' WHERE id = ?`)
      .run(returned);

    const before = lastAuditId(d.rt);
    const result = await importFile(
      'icsma-17-215-02.v2.json',
      bundledAdvisoryRevisionTwo(
        'Updated mitigations: the vendor softened the advice to disconnect.',
      ),
    );
    expect(result).toMatchObject({
      outcome: 'revised',
      advisoryId: d.advisoryId,
      previousVersion: '1',
    });
    const event = auditSince(d.rt, before).find((e) => e.action === 'advisory.revised');
    expect(event?.payload).toMatchObject({ version: '2', previousVersion: '1', flaggedCases: 2 });

    await signInAs(d.rt, 'technologist');
    const c = await d.api.value('cases.get', { caseId: pet });
    expect(c.flags).toEqual(['needs_re_review']);
    expect(c.reReview).toMatchObject({ fromVersion: '1', toVersion: '2' });
    expect(c.advisory).toMatchObject({ revision: { version: '1' }, currentVersion: '2' });
    expect(c.history.at(-1)).toMatchObject({ event: 'review_flagged', detail: { toVersion: '2' } });
    const board = await d.api.value('cases.list', { incidentId: d.incidentId });
    expect(board.cases.map((x) => [x.assetTag, x.flags])).toEqual([
      ['NM-0001', ['needs_re_review']],
      ['NM-0003', ['needs_re_review']],
      ['NM-0007', []],
    ]);
    const incident = await d.api.value('incidents.get', { id: d.incidentId });
    expect(incident.flagged.needsReReview).toBe(2);

    // Until acknowledged, steps wait (quarantine excepted).
    const blocked = await d.api.error('cases.transition', { caseId: pet, target: 'deferred' });
    expect((blocked.details as { missing: string[] }).missing[0]).toContain('newer revision (2');
  });

  it('only biomed or IT security acknowledge it, against the current revision; the case then relies on it', async () => {
    await signInAs(d.rt, 'technologist');
    const tech = await d.api.error('cases.acknowledgeRevision', { caseId: pet, version: '2' });
    expect(tech.code).toBe('forbidden');

    await signInAs(d.rt, 'it_security');
    const wrong = await d.api.error('cases.acknowledgeRevision', { caseId: pet, version: '1' });
    expect(wrong).toMatchObject({ code: 'conflict', details: { currentVersion: '2' } });

    const before = lastAuditId(d.rt);
    const c = await d.api.value('cases.acknowledgeRevision', {
      caseId: pet,
      version: '2',
      note: 'Softer advice; standalone still planned.',
    });
    expect(c.flags).toEqual([]);
    expect(c.reReview).toBeNull();
    expect(c.advisory.revision.version).toBe('2');
    // The clinical lead signed on revision 1: that sign-off no longer counts.
    expect(c.signoffs.map((s) => [s.kind, s.stale])).toEqual([['patient_safety_clear', true]]);
    expect(auditSince(d.rt, before)).toMatchObject([
      {
        action: 'case.revision_acknowledged',
        actorRole: 'it_security',
        entityId: String(pet),
        payload: { fromVersion: '1', toVersion: '2' },
      },
    ]);
    const again = await d.api.error('cases.acknowledgeRevision', { caseId: pet, version: '2' });
    expect(again.code).toBe('conflict');
  });
});
