/** Test-only: a demo facility with an incident open, and small helpers to work its cases. */
import { afterAll, beforeAll } from 'vitest';
import type { CaseDetail, ChecklistSectionId } from '../../../api/domains/cases';
import type { SignoffKind } from '../../../api/permissions';
import type { Role } from '../../../api/permissions';
import * as given from '../../demo/walkthrough-answers';
import type { SectionAnswerList } from '../../demo/walkthrough-answers';
import { typedCalls } from '../../people/test/test-calls';
import { loadDemo, signInAs, startTestRuntime, type TestRuntime } from '../../test/temp-runtime';

/** 3 August 2017, 09:00 UTC: the week ICSMA-17-215-02 was published. */
export const testNow = '2017-08-03T09:00:00.000Z';

export type Api = ReturnType<typeof typedCalls>;

export interface DemoIncident {
  rt: TestRuntime;
  api: Api;
  incidentId: number;
  /** The bundled ICSMA-17-215-02 (publisher standalone.invalid). */
  advisoryId: number;
  caseOf(assetTag: string): number;
}

/**
 * The demo facility; a biomed confirms the ICSMA-17-215-02 matches of `confirm`; the incident
 * commander opens "Test response" for that advisory. Whoever is signed in afterwards is the commander.
 */
export async function demoIncident(
  confirm: readonly string[] = ['NM-0001', 'NM-0003', 'NM-0007'],
): Promise<DemoIncident> {
  const rt = startTestRuntime(testNow);
  const api = typedCalls(rt);
  await loadDemo(rt);
  await signInAs(rt, 'biomed');
  const { matches } = await api.value('matches.list', { status: 'suggested' });
  const of02 = matches.filter((m) => m.trackingId === 'ICSMA-17-215-02');
  const advisoryId = of02[0]?.advisoryId ?? 0;
  for (const m of of02.filter((x) => confirm.includes(x.assetTag))) {
    await api.value('matches.confirm', { id: m.id, reason: 'Checked at the device.' });
  }
  const ic = await signInAs(rt, 'incident_commander');
  const created = await api.value('incidents.create', {
    name: 'Test response',
    commanderUserId: ic.id,
    operationalPeriod: { start: testNow, end: '2017-08-03T21:00:00.000Z' },
    advisoryIds: [advisoryId],
  });
  const { cases } = await api.value('cases.list', { incidentId: created.incident.id });
  return {
    rt,
    api,
    incidentId: created.incident.id,
    advisoryId,
    caseOf: (assetTag) => {
      const found = cases.find((c) => c.assetTag === assetTag);
      if (!found) throw new Error(`No case for ${assetTag}`);
      return found.caseId;
    },
  };
}

/**
 * One demo incident for the whole test file (`demoIncident(confirm)`): opened before the file's
 * tests, removed after them. The object it returns reads the incident once it is open, so a file
 * writes `const d = demoIncidentForFile([...])` and its tests use `d` as they would the incident.
 */
export function demoIncidentForFile(confirm?: readonly string[]): DemoIncident {
  let opened: DemoIncident | undefined;
  beforeAll(async () => {
    opened = await demoIncident(confirm);
  }, 240_000);
  afterAll(() => opened?.rt.cleanup());
  const incident = (): DemoIncident => {
    if (!opened) throw new Error('The demo incident opens before the tests: use it inside one.');
    return opened;
  };
  return {
    get rt() {
      return incident().rt;
    },
    get api() {
      return incident().api;
    },
    get incidentId() {
      return incident().incidentId;
    },
    get advisoryId() {
      return incident().advisoryId;
    },
    caseOf: (assetTag) => incident().caseOf(assetTag),
  };
}

export async function answerAll(
  api: Api,
  caseId: number,
  section: ChecklistSectionId,
  list: SectionAnswerList,
): Promise<CaseDetail> {
  let detail: CaseDetail | undefined;
  for (const [itemId, value] of list) {
    detail = await api.value('cases.answer', { caseId, sectionId: section, itemId, value });
  }
  if (!detail) throw new Error('nothing answered');
  return detail;
}

/** Sign in as `roles` and give a sign-off of `kind` on the content the case shows now. */
export async function signAs(
  d: Pick<DemoIncident, 'rt' | 'api'>,
  roles: Role | Role[],
  caseId: number,
  kind: SignoffKind,
): Promise<void> {
  const user = await signInAs(d.rt, roles);
  const detail = await d.api.value('cases.get', { caseId });
  const request = detail.signing.find((s) => s.kind === kind);
  if (!request) throw new Error(`case ${caseId} asks for no ${kind} sign-off in ${detail.state}`);
  await d.api.value('signoffs.sign', {
    kind,
    subjectType: request.subjectType,
    subjectId: request.subjectId,
    content: request.content,
    secret: user.secret,
  });
}

/**
 * A case in assessing, the technologist signed in, taken on to verifying with both verification
 * sign-offs given: exposure and a clear gate, the backup and the two sign-offs, standalone with
 * its log, the patch installed on site, the verification answered (at `now`, by default the
 * test's start).
 */
export async function throughVerification(
  d: Pick<DemoIncident, 'rt' | 'api'>,
  caseId: number,
  now: Date = new Date(testNow),
): Promise<void> {
  const { api, rt } = d;
  await answerAll(api, caseId, 'exposure_assessment', given.exposedOnClinicalNetwork('available'));
  await answerAll(api, caseId, 'patient_safety_gate', given.gateClear(now));
  await signInAs(rt, 'biomed');
  await answerAll(api, caseId, 'backup', given.backupDone(now, 'M. Keller'));
  await signAs(d, 'clinical_lead', caseId, 'patient_safety_clear');
  await signAs(d, 'biomed', caseId, 'technical_readiness');
  await signInAs(rt, 'technologist');
  await api.value('cases.transition', { caseId, target: 'standalone' });
  await answerAll(api, caseId, 'standalone_operation', given.standaloneLog(6, 1));
  await api.value('cases.transition', { caseId, target: 'patching' });
  await signInAs(rt, 'biomed');
  await answerAll(api, caseId, 'patch_record', given.patchedOnSite(now));
  await api.value('cases.transition', { caseId, target: 'verifying' });
  await answerAll(api, caseId, 'verification', given.verified);
  await signAs(d, 'biomed', caseId, 'verification_biomed');
  await signAs(d, 'it_security', caseId, 'verification_it');
}

export function auditHead(rt: TestRuntime): { count: number; last: string | null } {
  const db = rt.services.db;
  return {
    count: db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number,
    last:
      (db.prepare('SELECT last_hash FROM audit_head').pluck().get() as string | undefined) ?? null,
  };
}
