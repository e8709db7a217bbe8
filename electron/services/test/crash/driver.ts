import type Database from 'better-sqlite3';
import type { ApiError, Result } from '../../../api/result';
import type { AdvisorySummary } from '../../../api/domains/advisories';
import type { CaseDetail } from '../../../api/domains/cases';
import type { IncidentSummary } from '../../../api/domains/incidents';
import type { SessionStatus } from '../../../api/domains/session';
import type { ChildServices } from '../child-services';
import {
  caseStateFrom,
  crashIncidentName,
  demoAdmin,
  demoBiomed,
  demoCommander,
  incidentMissing,
  type CaseListing,
} from './case-operations';
import type { Acknowledged, DriveState, Operation, OperationKind } from './operations';

/** A small deterministic generator, so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gone = (r: Result<unknown>) =>
  !r.ok && r.error.code === 'internal' && /services process (exited|is gone)/.test(r.error.message);

/** Thrown when the process died in the middle: expected in the crash loop, a failure elsewhere. */
export class ProcessGone extends Error {}

async function call(child: Caller, method: string, input: unknown): Promise<unknown> {
  const r = await child.call(method, input);
  if (gone(r)) throw new ProcessGone(`${method}: the services process is gone`);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** What the set-up needs of the services process: its calls (a test passes an in-process one). */
export type Caller = Pick<ChildServices, 'call'>;

/**
 * After a (re)start: load the demo facility unless an earlier run committed it, or finish the
 * load a kill cut short (its accounts exist by then, so the demo administrator signs in, finishes
 * it and signs out again); sign in the person this round works as, and open the drill incident
 * unless one is there (see prepareCases). A restarted services process starts signed out, and a
 * station refuses a second sign-in while someone is signed in (only a hand-over switches user),
 * so each step leaves the station as the next one expects it. Acknowledged set-up changes join
 * the ledger.
 */
export async function prepareSession(
  child: Caller,
  ledger: Acknowledged[],
  state: DriveState,
  persona: Persona = demoAdmin,
): Promise<void> {
  const info = (await call(child, 'app.info', {})) as {
    demoLoaded: boolean;
    demoUnfinished: boolean;
  };
  if (!info.demoLoaded || info.demoUnfinished) {
    if (info.demoUnfinished) await call(child, 'session.signIn', demoAdmin);
    const value = await call(child, 'demo.load', {});
    ledger.push({ operation: 'load the demo', input: {}, value });
    if (info.demoUnfinished) await call(child, 'session.signOut', {});
  }
  await call(child, 'session.signIn', { staffId: persona.staffId, secret: persona.secret });
  await prepareCases(child, ledger, state, persona);
}

export interface Persona {
  staffId: string;
  secret: string;
}

const byId = (c: { caseId: number }, d: { caseId: number }) => c.caseId - d.caseId;

/**
 * The drill incident for ICSMA-17-215-02 (the biomed confirms the matches, the commander opens
 * it and starts the first assessment), then what the driver may do to its cases, read back from
 * the services. Each step checks what is there first, so a kill anywhere in here is picked up
 * where it left off. Whoever the round works as reads; the others take the station by hand-over
 * only for a step of theirs still to do (early in a run), and hand it back, so a round usually
 * checks one PIN only (each check costs a deliberate fraction of a second).
 */
async function prepareCases(
  child: Caller,
  ledger: Acknowledged[],
  state: DriveState,
  persona: Persona,
): Promise<void> {
  let holder = persona.staffId;
  const as = async (who: Persona) => {
    if (holder === who.staffId) return;
    await call(child, 'session.handOver', { staffId: who.staffId, secret: who.secret });
    holder = who.staffId;
  };
  const incidents = (await call(child, 'incidents.list', {})) as IncidentSummary[];
  let incident = incidents.find((i) => i.name === crashIncidentName);
  if (!incident) {
    await as(demoBiomed);
    const { matches } = (await call(child, 'matches.list', { status: 'suggested' })) as {
      matches: { id: number; trackingId: string }[];
    };
    for (const m of matches.filter((x) => x.trackingId === 'ICSMA-17-215-02')) {
      await call(child, 'matches.confirm', { id: m.id, reason: 'Seen on the device.' });
    }
    await as(demoCommander);
    const commander = (await call(child, 'session.status', {})) as SessionStatus;
    const advisories = (await call(child, 'advisories.list', {})) as AdvisorySummary[];
    const advisory = advisories.find((a) => a.trackingId === 'ICSMA-17-215-02');
    if (!advisory || !commander.user) throw new Error('The demo has no ICSMA-17-215-02.');
    const now = Date.now();
    const input = {
      name: crashIncidentName,
      commanderUserId: commander.user.id,
      operationalPeriod: {
        start: new Date(now).toISOString(),
        end: new Date(now + 12 * 3_600_000).toISOString(),
      },
      advisoryIds: [advisory.id],
    };
    const value = (await call(child, 'incidents.create', input)) as { incident: IncidentSummary };
    ledger.push({ operation: 'open an incident', input, value });
    incident = value.incident;
  }
  const list = async (incidentId: number) =>
    (
      (await call(child, 'cases.list', { incidentId, limit: 500 })) as {
        cases: CaseListing[];
      }
    ).cases.sort(byId);
  let cases = await list(incident.id);
  // Answers need the first case in assessment: the commander starts it.
  const first = cases[0];
  if (first?.state === 'at_risk') {
    await as(demoCommander);
    const input = { caseId: first.caseId, target: 'assessing' };
    const value = await call(child, 'cases.transition', input);
    ledger.push({ operation: 'start an assessment', input, value });
    cases = await list(incident.id);
  }
  await as(persona);
  const details = new Map<number, CaseDetail>();
  for (const c of cases.filter((x) => x.state === 'assessing')) {
    details.set(c.caseId, (await call(child, 'cases.get', { caseId: c.caseId })) as CaseDetail);
  }
  state.cases = {
    ...caseStateFrom(cases, details),
    incidentId: incident.id,
    commanderId: incident.commander.userId,
  };
}

/** An acknowledged load (first or finishing) left the whole demo: advisories and identity too. */
export function demoLoadMissing(db: Database.Database): string | null {
  const has = (sql: string) => db.prepare(sql).get() !== undefined;
  if (!has("SELECT 1 FROM settings WHERE key = 'demo'")) return 'the demo facility';
  if (!has("SELECT 1 FROM advisories WHERE tracking_id = 'ICSMA-17-215-02'")) {
    return 'the demo advisory ICSMA-17-215-02';
  }
  if (!has('SELECT 1 FROM signing_identities WHERE current = 1')) return 'the demo identity';
  return null;
}

export interface DriveOptions {
  child: ChildServices;
  operations: Operation[];
  state: DriveState;
  ledger: Acknowledged[];
  /** The next call number (unique across the run); advanced as calls are made. */
  counter: { n: number };
  random: () => number;
  /** Calls in flight at once: more than one, so a kill can land with work queued. */
  inFlight?: number;
  /** Stop after this many calls (the offline test); without it, drive until the process dies. */
  maxCalls?: number;
  /**
   * Acknowledgements so far by kind, across the run (drive adds to it). Given, two picks in three
   * go to the kind acknowledged least, so the slow and queued kinds (restores, bulk decisions,
   * sign-offs) get their share; the third is any operation, so the mix stays random.
   */
  shares?: Map<OperationKind, number>;
  /** After each acknowledgement, with how many this drive has had (a kill may follow). */
  onAcknowledged?(count: number): void;
}

export interface DriveOutcome {
  calls: number;
  acknowledged: number;
  /** Calls the services refused while alive: none are expected. */
  refused: { operation: string; error: ApiError }[];
}

/** Call random operations until the process dies (or maxCalls), recording every acknowledgement. */
export async function drive(options: DriveOptions): Promise<DriveOutcome> {
  const { child, operations, state, ledger, counter, random } = options;
  const outcome: DriveOutcome = { calls: 0, acknowledged: 0, refused: [] };
  let alive = true;
  void child.exited.then(() => (alive = false));
  const live = [...operations];
  const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));
  const { shares } = options;
  const pick = (): Operation | undefined => {
    if (shares && live.length > 0 && random() < 2 / 3) {
      const least = Math.min(...live.map((o) => shares.get(o.kind) ?? 0));
      const fair = live.filter((o) => (shares.get(o.kind) ?? 0) === least);
      return fair[Math.floor(random() * fair.length)];
    }
    return live[Math.floor(random() * live.length)];
  };
  // An exclusive operation waits for the calls in flight to end, and the others wait for it.
  let inFlight = 0;
  let exclusive: Promise<void> | null = null;
  const worker = async () => {
    while (alive && (options.maxCalls === undefined || outcome.calls < options.maxCalls)) {
      while (exclusive) await exclusive;
      const op = pick();
      if (!op) return;
      const n = counter.n++;
      const input = op.input(state, n);
      if (input === null) {
        // Nothing for it now: a queue another call refills waits (yielding to the calls in
        // flight); nothing left at all (every fixture imported) drops it from this drive.
        if (op.waits) await yieldTurn();
        else live.splice(live.indexOf(op), 1);
        continue;
      }
      outcome.calls++;
      let release = () => {};
      if (op.exclusive) exclusive = new Promise((resolve) => (release = resolve));
      inFlight++;
      while (op.exclusive && inFlight > 1) await yieldTurn();
      const call = (method: string, input: unknown) => child.call(method, input);
      const r = await (op.run ? op.run(call, input) : call(op.method, input)).finally(() => {
        inFlight--;
        if (op.exclusive) {
          exclusive = null;
          release();
        }
      });
      if (gone(r)) return;
      if (r.ok) {
        ledger.push({ operation: op.name, input, value: r.value });
        op.acknowledged?.(state, input, r.value);
        outcome.acknowledged++;
        shares?.set(op.kind, (shares.get(op.kind) ?? 0) + 1);
        options.onAcknowledged?.(outcome.acknowledged);
      } else {
        outcome.refused.push({ operation: op.name, error: r.error });
      }
    }
  };
  await Promise.all(Array.from({ length: options.inFlight ?? 3 }, worker));
  return outcome;
}

/** Every acknowledged operation that is not in the database, with what is missing. */
export function missingAcknowledged(
  db: Database.Database,
  ledger: Acknowledged[],
  operations: Operation[],
  state: DriveState,
): string[] {
  const byName = new Map(operations.map((o) => [o.name, o]));
  const missing: string[] = [];
  for (const ack of ledger) {
    const op = byName.get(ack.operation);
    const what =
      ack.operation === 'load the demo'
        ? demoLoadMissing(db)
        : ack.operation === 'open an incident'
          ? incidentMissing(db, (ack.value as { incident: { id: number } }).incident.id)
          : op
            ? op.missing(db, ack, state)
            : `unknown operation ${ack.operation}`;
    if (what !== null) missing.push(`${ack.operation}: ${what}`);
  }
  return missing;
}
