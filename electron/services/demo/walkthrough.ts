import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CaseDetail, CaseState, ChecklistSectionId } from '../../api/domains/cases';
import type { ApiClient } from '../../api/client';
import type { WalkthroughReport } from '../../api/domains/demo';
import type { InputOf, MethodName, ResultOf } from '../../api/methods';
import { roleLabels, roles, type Role, type SignoffKind } from '../../api/permissions';
import type { CallContext, Services } from '../core/context';
import { ServiceError, wordedError } from '../core/errors';
import { demoWords, type DemoWords } from './demo-words';
import * as answers from './walkthrough-answers';

/**
 * The demo walkthrough (issue 5, item 6): on the demo facility, the demo staff respond to
 * ICSMA-17-215-02 through the same API, permission checks, PIN checks and sign-off rules as anyone
 * at a station. It runs on a station of its own (its own session), so whoever started it stays
 * signed in where they are. Each step is audited under the demo user who took it.
 */

export const walkthroughIncidentName = 'ICSMA-17-215-02 response';

const demoUsersSchema = z.array(
  z.object({
    displayName: z.string(),
    staffId: z.string(),
    roles: z.array(z.enum(roles)),
    pin: z.string(),
  }),
);
type DemoUser = z.infer<typeof demoUsersSchema>[number];

export async function runDemoWalkthrough(ctx: CallContext): Promise<WalkthroughReport> {
  const { services } = ctx;
  const file = path.join(services.resourcesDir, 'demo', 'users.json');
  const staff = demoUsersSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const walk = Walk.start(services, staff);
  await walk.checkDemoFacility();
  return walk.run();
}

class Walk {
  readonly steps: string[] = [];
  private signedIn: DemoUser | null = null;
  private userIds = new Map<string, number>();

  private constructor(
    private readonly services: Services,
    private readonly staff: readonly DemoUser[],
    private readonly station: ApiClient,
  ) {}

  /** The demo's words: its reasons and typed answers in the language the demo was loaded in. */
  private words: DemoWords = (english) => english;

  static start(services: Services, staff: readonly DemoUser[]): Walk {
    return new Walk(services, staff, services.newStation());
  }

  private get incidentName(): string {
    return this.words(walkthroughIncidentName);
  }

  /** The walkthrough runs on the demo facility only. */
  async checkDemoFacility(): Promise<void> {
    const info = await this.call('app.info', {});
    if (info.demoLanguage) this.words = demoWords(this.services.resourcesDir, info.demoLanguage);
    if (!info.demoLoaded) {
      throw wordedError(
        'conflict',
        'walkthroughNeedsDemo',
        {},
        { command: 'standalone demo load' },
      );
    }
  }

  /** It runs once: a second run would find its incident's name taken. */
  private async checkNotRunBefore(): Promise<void> {
    const existing = (await this.call('incidents.list', {})).find(
      (i) => i.name === this.incidentName,
    );
    if (existing !== undefined) {
      throw wordedError(
        'conflict',
        'walkthroughRanBefore',
        { name: this.incidentName },
        { incidentId: existing.id },
      );
    }
  }

  private async call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> {
    const result = await this.station.call(method, input);
    if (result.ok) return result.value;
    throw new ServiceError(
      result.error.code,
      `The walkthrough stopped at ${method}: ${result.error.message}`,
      result.error.details,
    );
  }

  private get now(): Date {
    return this.services.clock.now();
  }

  /** Sign in (or take over the station) as the demo user holding `role`, with their PIN. */
  private async as(role: Role): Promise<DemoUser> {
    const user = this.demoUser(role);
    if (this.signedIn === user) return user;
    const input = { staffId: user.staffId, secret: user.pin, role };
    const status = await this.call(this.signedIn ? 'session.handOver' : 'session.signIn', input);
    if (status.user) this.userIds.set(user.staffId, status.user.id);
    this.signedIn = user;
    return user;
  }

  private note(who: DemoUser, role: Role, what: string): void {
    this.steps.push(`${who.displayName} (${roleLabels[role]}): ${what}`);
  }

  private async answer(
    caseId: number,
    section: ChecklistSectionId,
    list: answers.SectionAnswerList,
  ) {
    for (const [itemId, given] of list) {
      // A typed answer (a segment's name, where the media are) in the demo's language; choice
      // values and names are not in the table and stay as they are.
      const value = typeof given === 'string' ? this.words(given) : given;
      await this.call('cases.answer', { caseId, sectionId: section, itemId, value });
    }
  }

  private async move(caseId: number, target: CaseState, extra: { recheckAt?: string } = {}) {
    return this.call('cases.transition', { caseId, target, ...extra });
  }

  /** Sign what the case shows for this kind, re-entering the signer's PIN. */
  private async sign(caseId: number, kind: SignoffKind, pin: string): Promise<void> {
    const detail = await this.call('cases.get', { caseId });
    const request = detail.signing.find((s) => s.kind === kind);
    if (!request) throw new Error(`Case ${caseId} does not ask for a ${kind} sign-off now.`);
    await this.call('signoffs.sign', {
      kind,
      subjectType: request.subjectType,
      subjectId: request.subjectId,
      content: request.content,
      secret: pin,
    });
  }

  async run(): Promise<WalkthroughReport> {
    // Biomed confirms the matches the demo suggested, as one would after checking each device.
    const biomed = await this.as('biomed');
    await this.checkNotRunBefore();
    const matches = (await this.call('matches.list', { status: 'suggested' })).matches;
    const advisoryOf = (trackingId: string) =>
      matches.find((m) => m.trackingId === trackingId)?.advisoryId;
    const ids02 = advisoryOf('ICSMA-17-215-02');
    const ids01 = advisoryOf('ICSMA-17-215-01');
    if (ids02 === undefined || ids01 === undefined) {
      throw wordedError('conflict', 'walkthroughNoMatches');
    }
    const toConfirm = matches.filter(
      (m) => m.advisoryId === ids02 || (m.advisoryId === ids01 && m.assetTag === 'NM-0006'),
    );
    for (const m of toConfirm) {
      await this.call('matches.confirm', {
        id: m.id,
        reason: this.words('Checked on the device: {product}.', { product: m.productName }),
      });
    }
    this.note(
      biomed,
      'biomed',
      `confirmed ${toConfirm.length} matches (${toConfirm.map((m) => m.assetTag).join(', ')})`,
    );

    // The incident commander opens the incident for both advisories and assigns four devices.
    const ic = await this.as('incident_commander');
    const commanderUserId = await this.userId(ic);
    const created = await this.call('incidents.create', {
      name: this.incidentName,
      commanderUserId,
      operationalPeriod: {
        start: this.now.toISOString(),
        end: new Date(this.now.getTime() + 12 * 3_600_000).toISOString(),
      },
      advisoryIds: [ids02, ids01],
    });
    const incidentId = created.incident.id;
    const all = (await this.call('cases.list', { incidentId })).cases;
    const caseOf = (assetTag: string) => {
      const c = all.find((x) => x.assetTag === assetTag);
      if (!c) throw new Error(`The walkthrough incident has no case for ${assetTag}.`);
      return c.caseId;
    };
    const petCt = caseOf('NM-0001');
    const spectCt = caseOf('NM-0003');
    const xpSpect = caseOf('NM-0006');
    const workplace = caseOf('NM-0007');
    const technologist = this.demoUser('technologist');
    await this.call('cases.assign', {
      caseIds: [petCt, spectCt, xpSpect, workplace],
      assigneeUserId: await this.userId(technologist),
    });
    this.note(
      ic,
      'incident_commander',
      `opened "${this.incidentName}" with ${created.casesOpened} cases and assigned NM-0001, NM-0003, NM-0006 and NM-0007 to ${technologist.displayName}`,
    );

    // The technologist assesses all four at the devices.
    const tech = { user: await this.as('technologist') };
    for (const id of [petCt, spectCt, xpSpect, workplace]) await this.move(id, 'assessing');
    await this.answer(petCt, 'exposure_assessment', answers.exposedOnClinicalNetwork('available'));
    await this.answer(
      xpSpect,
      'exposure_assessment',
      answers.exposedOnClinicalNetwork('announced'),
    );
    await this.answer(
      spectCt,
      'exposure_assessment',
      answers.exposedOnClinicalNetwork('available'),
    );
    await this.answer(workplace, 'exposure_assessment', answers.isolatedSegment);
    await this.answer(petCt, 'patient_safety_gate', answers.gateClear(this.now));
    await this.answer(xpSpect, 'patient_safety_gate', answers.gateClear(this.now));
    await this.answer(spectCt, 'patient_safety_gate', answers.gateInjectedPatientWaiting(this.now));
    const blocked = await this.call('cases.get', { caseId: spectCt });
    const recheckAt = new Date(this.now.getTime() + 90 * 60_000).toISOString();
    await this.move(spectCt, 'deferred', { recheckAt });
    this.note(
      tech.user,
      'technologist',
      `assessed the four devices; deferred NM-0003: ${blocked.gate.reasons[0] ?? 'gate blocked'}`,
    );

    // Backups by the biomed, then both sign-offs for standalone and the two for protection.
    const biomedName = biomed.displayName.replace(/ \(demo\)$/, '');
    await this.as('biomed');
    await this.answer(petCt, 'backup', answers.backupDone(this.now, biomedName));
    await this.answer(xpSpect, 'backup', answers.backupDone(this.now, biomedName));
    const lead = await this.as('clinical_lead');
    await this.sign(petCt, 'patient_safety_clear', lead.pin);
    await this.sign(xpSpect, 'patient_safety_clear', lead.pin);
    this.note(
      lead,
      'clinical_lead',
      'signed that patient safety is not at risk for NM-0001 and NM-0006',
    );
    await this.as('biomed');
    await this.sign(petCt, 'technical_readiness', biomed.pin);
    await this.sign(xpSpect, 'technical_readiness', biomed.pin);
    await this.sign(workplace, 'risk_acceptance', biomed.pin);
    this.note(
      biomed,
      'biomed',
      'backed up NM-0001 and NM-0006, signed their technical readiness and the residual risk of NM-0007',
    );
    const itsec = await this.as('it_security');
    await this.sign(workplace, 'network_isolation', itsec.pin);
    this.note(itsec, 'it_security', 'signed that NM-0007 is on an isolated segment');

    await this.as('technologist');
    await this.move(petCt, 'standalone');
    await this.move(xpSpect, 'standalone');
    await this.move(workplace, 'protected_connected');
    await this.answer(petCt, 'standalone_operation', answers.standaloneLog(6, 1));
    await this.answer(xpSpect, 'standalone_operation', answers.standaloneLog(2, 0));
    this.note(
      tech.user,
      'technologist',
      'took NM-0001 and NM-0006 standalone and kept NM-0007 connected on its protected segment',
    );

    // NM-0001: backup again, patch, verify, reconnect, return to service.
    await this.as('biomed');
    await this.answer(petCt, 'backup', answers.backupDone(this.now, biomedName));
    await this.as('technologist');
    await this.move(petCt, 'patching');
    await this.as('biomed');
    await this.answer(petCt, 'patch_record', answers.patchedOnSite(this.now));
    await this.as('technologist');
    await this.move(petCt, 'verifying');
    await this.as('biomed');
    await this.answer(petCt, 'verification', answers.verified);
    await this.sign(petCt, 'verification_biomed', biomed.pin);
    await this.as('it_security');
    await this.sign(petCt, 'verification_it', itsec.pin);
    await this.as('technologist');
    await this.move(petCt, 'reconnecting');
    await this.answer(petCt, 'reconnection', answers.reconnected(6));
    await this.as('it_security');
    await this.sign(petCt, 'reconnect_approval', itsec.pin);
    await this.as('technologist');
    const done = await this.move(petCt, 'returned_to_service');
    this.note(
      tech.user,
      'technologist',
      `returned NM-0001 to service (patched, verified, ${done.history.length} steps in its history)`,
    );
    const final: CaseDetail[] = [];
    for (const caseId of [petCt, spectCt, workplace, xpSpect]) {
      final.push(await this.call('cases.get', { caseId }));
    }
    await this.call('session.signOut', {});
    const verify = await this.call('audit.verify', {});
    return {
      incidentId,
      incidentName: this.incidentName,
      cases: final.map((c) => ({
        caseId: c.caseId,
        assetTag: c.device.assetTag,
        trackingId: c.advisory.trackingId,
        state: c.state,
        story: storyOf(c),
        reasonWords: c.gate.reasonWords[0] ?? null,
      })),
      steps: this.steps,
      auditOk: verify.ok,
      auditEventCount: verify.eventCount,
    };
  }

  private demoUser(role: Role): DemoUser {
    const user = this.staff.find((u) => u.roles.includes(role));
    if (!user) throw new Error(`resources/demo/users.json has no demo user with the role ${role}.`);
    return user;
  }

  /** A demo user's id, from the station's sign-in list (what the name picker shows). */
  private async userId(user: DemoUser): Promise<number> {
    const known = this.userIds.get(user.staffId);
    if (known !== undefined) return known;
    const found = (await this.call('session.listUsers', {})).find(
      (u) => u.staffId === user.staffId,
    );
    if (!found) throw new Error(`The demo user ${user.displayName} is not in this database.`);
    this.userIds.set(user.staffId, found.id);
    return found.id;
  }
}

function storyOf(c: CaseDetail): string {
  switch (c.state) {
    case 'returned_to_service':
      return 'Taken standalone, patched on site, verified and reconnected: back in service.';
    case 'deferred':
      return `Deferred: ${c.gate.reasons[0] ?? 'the patient-safety gate is blocked'}`;
    case 'protected_connected':
      return 'Kept connected on its isolated segment (IT security and biomed signed); to be patched.';
    case 'standalone':
      return 'Running standalone, awaiting the vendor patch.';
    default:
      return c.stateLabel;
  }
}
