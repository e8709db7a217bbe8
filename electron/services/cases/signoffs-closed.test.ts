import { beforeAll, describe, expect, it } from 'vitest';
import type { SigningRequest } from '../../api/domains/cases';
import * as given from '../demo/walkthrough-answers';
import { auditSince, lastAuditId } from '../people/test/test-calls';
import { signInAs, testSecret } from '../test/temp-runtime';
import {
  answerAll,
  demoIncidentForFile,
  signAs,
  throughVerification,
} from './test/case-test-setup';

/**
 * A closed case, and everything of a closed incident, is the signed record: a sign-off given
 * afterwards would read as part of it, so it is refused, audited, and nothing is stored.
 */

const d = demoIncidentForFile(['NM-0001']);
let caseId: number;
let decisionId: number;
/** What the IT security saw before the case closed: signing it again later must be refused. */
let lateRequest: SigningRequest;

beforeAll(async () => {
  const { api, rt } = d;
  caseId = d.caseOf('NM-0001');
  const bulk = await api.value('cases.bulkTransition', {
    incidentId: d.incidentId,
    caseIds: [caseId],
    target: 'assessing',
    reason: 'Start assessing',
    signoff: { secret: testSecret },
  });
  decisionId = bulk.decisionId;
  await signInAs(rt, 'technologist');
  await throughVerification(d, caseId);
  await api.value('cases.transition', { caseId, target: 'reconnecting' });
  await answerAll(api, caseId, 'reconnection', given.reconnected(6));
  await signAs(d, 'it_security', caseId, 'reconnect_approval');
  const detail = await api.value('cases.get', { caseId });
  const request = detail.signing.find((s) => s.kind === 'reconnect_approval');
  if (!request) throw new Error('no reconnect_approval request');
  lateRequest = request;
  await signInAs(rt, 'technologist');
  await api.value('cases.transition', { caseId, target: 'returned_to_service' });
}, 240_000);

const signoffCount = () =>
  d.rt.services.db.prepare('SELECT count(*) FROM signoffs').pluck().get() as number;

/** The reconnect approval IT security saw before the case closed, to sign late. */
const lateReconnect = () => ({
  kind: 'reconnect_approval' as const,
  subjectType: lateRequest.subjectType,
  subjectId: lateRequest.subjectId,
  content: lateRequest.content,
});

async function signLate(input: {
  kind: 'reconnect_approval' | 'bulk_decision';
  subjectId: string;
  subjectType: string;
  content: unknown;
}) {
  const before = lastAuditId(d.rt);
  const stored = signoffCount();
  const error = await d.api.error('signoffs.sign', {
    ...input,
    content: input.content as Record<string, never>,
    secret: testSecret,
  });
  expect(signoffCount()).toBe(stored);
  const events = auditSince(d.rt, before);
  expect(events.map((e) => [e.action, e.payload.reason])).toEqual([['signoff.refused', 'closed']]);
  return error;
}

describe('sign-offs after closing', () => {
  it('are refused on a case returned to service', async () => {
    await signInAs(d.rt, 'it_security');
    const error = await signLate(lateReconnect());
    expect(error).toMatchObject({ code: 'conflict', details: { reason: 'case_closed' } });
    expect(error.message).toContain('NM-0001 is closed');
  });

  it('are refused on the cases and the decisions of a closed incident', async () => {
    await signInAs(d.rt, 'incident_commander');
    await d.api.value('incidents.close', { id: d.incidentId, summary: 'NM-0001 back in service.' });

    await signInAs(d.rt, 'it_security');
    const onCase = await signLate(lateReconnect());
    expect(onCase).toMatchObject({ code: 'conflict', details: { reason: 'incident_closed' } });

    await signInAs(d.rt, 'incident_commander');
    const row = d.rt.services.db
      .prepare('SELECT incident_id, decision, case_ids FROM bulk_decisions WHERE id = ?')
      .get(decisionId) as { incident_id: number; decision: string; case_ids: string };
    const onDecision = await signLate({
      kind: 'bulk_decision',
      subjectType: 'bulk_decision',
      subjectId: String(decisionId),
      content: {
        incidentId: row.incident_id,
        decision: JSON.parse(row.decision) as unknown,
        caseIds: JSON.parse(row.case_ids) as unknown,
      },
    });
    expect(onDecision).toMatchObject({ code: 'conflict', details: { reason: 'incident_closed' } });
    expect(onDecision.message).toContain('is closed');
  });
});
