/**
 * Who may call what: one table for every API method, and one for every kind of sign-off. The
 * services enforce both on every call; the UI reads them only to hide what would be refused.
 */
import type { MethodName } from './methods';
import { roleLabels, roles, signoffKinds, type Role, type SignoffKind } from './roles';

export {
  roleLabels,
  roles,
  signoffKindNames,
  signoffKinds,
  type Role,
  type SignoffKind,
} from './roles';

/** Whether a call only reads, or changes something (refused changes are audited; reads never). */
export type Effect = 'read' | 'change';

/**
 * Who may call a method at the station, and whether the command-line operator may.
 * - `anyone`: no one needs to be signed in (app info, the sign-in list, signing in, checks).
 * - `first_run_or_roles`: anyone while no user exists yet (first run), afterwards only `roles`.
 * - `signed_in`: any signed-in user; `beforeCredentialChange` also admits a user who must first
 *   replace a credential an administrator reset (every other call waits for that).
 * - `roles`: a signed-in user holding one of `roles`.
 * `operator`: the CLI (someone with file access on this machine) may call it. Never true for
 * sign-offs: they need a person re-entering their own PIN or password.
 */
export type Access = { effect: Effect; operator: boolean } & (
  | { who: 'anyone' }
  | { who: 'first_run_or_roles'; roles: readonly Role[] }
  | { who: 'signed_in'; beforeCredentialChange?: true }
  | { who: 'roles'; roles: readonly Role[] }
);

const anyone = (effect: Effect, o: { operator: boolean }): Access => ({
  who: 'anyone',
  effect,
  ...o,
});
const signedIn = (effect: Effect, o: { operator: boolean }): Access => ({
  who: 'signed_in',
  effect,
  ...o,
});
const only = (rs: readonly Role[], effect: Effect, o: { operator: boolean }): Access => ({
  who: 'roles',
  roles: rs,
  effect,
  ...o,
});

/** Everyone but the technologist, whose work is at the device, not in the records. */
const recordReaders: readonly Role[] = roles.filter((r) => r !== 'technologist');
const admin: readonly Role[] = ['admin'];
/** Who imports inventories and advisories and decides matches. */
const inventoryKeepers: readonly Role[] = ['biomed', 'it_security', 'admin'];
/** Who opens, closes and staffs incidents. */
const commanders: readonly Role[] = ['incident_commander'];
/** Who sees the incident board and its reports (PRODUCT.md: the commander's picture). */
const boardReaders: readonly Role[] = [
  'incident_commander',
  'admin',
  'clinical_lead',
  'biomed',
  'it_security',
];
/** Who works device cases: everyone but the administrator. */
const caseWorkers: readonly Role[] = roles.filter((r) => r !== 'admin');

/** The one permission table. A method without an entry is a compile error. */
export const permissions: Record<MethodName, Access> = {
  'app.info': anyone('read', { operator: true }),
  'db.check': anyone('read', { operator: true }),
  'audit.verify': anyone('read', { operator: true }),
  'audit.startCheck': anyone('read', { operator: true }),
  // Names files on this machine: the operator at the command line, or an administrator.
  'audit.verifyAnchors': only(admin, 'read', { operator: true }),
  'audit.list': only(recordReaders, 'read', { operator: true }),
  'facility.setTimeZone': only(admin, 'change', { operator: false }),

  'devices.list': signedIn('read', { operator: true }),
  'devices.get': signedIn('read', { operator: true }),
  'devices.facets': signedIn('read', { operator: true }),
  'devices.create': only(inventoryKeepers, 'change', { operator: false }),
  'devices.update': only(inventoryKeepers, 'change', { operator: false }),

  // Inventory and advisory imports, and the matching decisions, belong to those who keep the
  // inventory (biomed, IT security, administrators); anyone signed in may read the results.
  'inventory.preview': only(inventoryKeepers, 'read', { operator: true }),
  'inventory.import': only(inventoryKeepers, 'change', { operator: true }),
  'inventory.export': signedIn('read', { operator: true }),
  'advisories.import': only(inventoryKeepers, 'change', { operator: true }),
  'advisories.list': signedIn('read', { operator: true }),
  'advisories.get': signedIn('read', { operator: true }),
  'matches.run': only(inventoryKeepers, 'change', { operator: true }),
  'matches.list': signedIn('read', { operator: true }),
  'matches.explain': signedIn('read', { operator: true }),
  // KEV and EPSS files come in like advisories, by those who keep the inventory.
  'threats.importKev': only(inventoryKeepers, 'change', { operator: true }),
  'threats.importEpss': only(inventoryKeepers, 'change', { operator: true }),
  'threats.status': signedIn('read', { operator: true }),
  'threats.forCves': signedIn('read', { operator: true }),
  'threats.priorities': signedIn('read', { operator: true }),
  'threats.acknowledgeCase': only(['biomed', 'it_security'], 'change', { operator: false }),
  'matches.confirm': only(inventoryKeepers, 'change', { operator: false }),
  'matches.confirmMany': only(inventoryKeepers, 'change', { operator: false }),
  'matches.dismiss': only(inventoryKeepers, 'change', { operator: false }),

  // Only while no user exists; the handler refuses it afterwards.
  'people.createFirstAdmin': anyone('change', { operator: false }),
  'people.list': only(admin, 'read', { operator: true }),
  // The operator may create users: the way back in when no administrator can sign in.
  'people.create': only(admin, 'change', { operator: true }),
  'people.update': only(admin, 'change', { operator: false }),
  'people.resetCredential': only(admin, 'change', { operator: false }),
  'people.unlock': only(admin, 'change', { operator: false }),
  'settings.getSecurity': only(admin, 'read', { operator: true }),
  'settings.setSecurity': only(admin, 'change', { operator: false }),

  'session.status': anyone('read', { operator: false }),
  'session.listUsers': anyone('read', { operator: false }),
  'session.signIn': anyone('change', { operator: false }),
  'session.signOut': anyone('change', { operator: false }),
  'session.lock': anyone('change', { operator: false }),
  'session.unlock': anyone('change', { operator: false }),
  'session.handOver': signedIn('change', { operator: false }),
  'session.touch': signedIn('read', { operator: false }),
  'session.changeCredential': {
    who: 'signed_in',
    beforeCredentialChange: true,
    effect: 'change',
    operator: false,
  },
  'drafts.save': signedIn('change', { operator: false }),
  'drafts.get': signedIn('read', { operator: false }),
  'drafts.list': signedIn('read', { operator: false }),
  'drafts.clear': signedIn('change', { operator: false }),

  // Whoever holds the station may open the sign dialog: the person who signs may be a co-signer
  // entering their own PIN there. The kind decides which roles may sign (see signoffKinds), and
  // the services check it against the signer, not the station's user.
  'signoffs.sign': signedIn('change', { operator: false }),
  'signoffs.list': signedIn('read', { operator: true }),

  // The organisation's signing identity. Replacing it is an administrator's decision; the
  // certificate is public (anyone may see and export it). Unlocking needs the passphrase anyway;
  // the roles are those who export signed PDFs. Anyone may lock: locking is always safe.
  'signing.status': signedIn('read', { operator: true }),
  'signing.generate': only(admin, 'change', { operator: false }),
  'signing.importP12': only(admin, 'change', { operator: false }),
  'signing.exportCertificate': signedIn('read', { operator: true }),
  'signing.unlock': only(['admin', 'incident_commander', 'biomed'], 'change', { operator: true }),
  'signing.lock': signedIn('change', { operator: true }),

  // Backups are an administrator's (PRODUCT.md); the operator may back up, list, verify and
  // restore from the command line, the way back when the app cannot start.
  'backup.create': only(admin, 'change', { operator: true }),
  'backup.list': only(admin, 'read', { operator: true }),
  'backup.verify': only(admin, 'read', { operator: true }),
  'backup.restore': only(admin, 'change', { operator: true }),
  'backup.getSettings': only(admin, 'read', { operator: true }),
  'backup.setSettings': only(admin, 'change', { operator: false }),

  // Incidents and cases. The incident commander opens and closes incidents and assigns devices.
  // Everyone who works a case (all roles but the administrator, whose work is the system, not the
  // response) answers checklists, moves cases and quarantines: a step that needs sign-offs is
  // guarded by those sign-offs (by role, from different people), not by who presses the button.
  // Matching decisions belong to biomed and IT security, so they and the commander may add a
  // device by hand; only biomed or IT security acknowledge a new advisory revision (PRODUCT.md).
  'incidents.create': only(commanders, 'change', { operator: false }),
  'incidents.list': signedIn('read', { operator: true }),
  'incidents.get': signedIn('read', { operator: true }),
  'incidents.cases': signedIn('read', { operator: true }),
  'incidents.close': only(commanders, 'change', { operator: false }),
  'cases.list': signedIn('read', { operator: true }),
  'cases.findByAssetTag': signedIn('read', { operator: true }),
  'cases.get': signedIn('read', { operator: true }),
  'cases.answer': only(caseWorkers, 'change', { operator: false }),
  'cases.transition': only(caseWorkers, 'change', { operator: false }),
  'cases.quarantine': only(caseWorkers, 'change', { operator: false }),
  'cases.assign': only(commanders, 'change', { operator: false }),
  // Handing a case to another station moves who works it: the commander and the device teams.
  'cases.transfer': only(['incident_commander', 'biomed', 'it_security'], 'change', {
    operator: true,
  }),
  'cases.acknowledgeRevision': only(['biomed', 'it_security'], 'change', { operator: false }),
  'cases.addDevice': only(['incident_commander', 'biomed', 'it_security'], 'change', {
    operator: false,
  }),
  // The board and the HICS reports: the commander's, and administrators'; clinical leads, biomed
  // and IT security may read them (they run the response with the commander). A bulk decision is
  // the commander's alone and is signed by them; every case still passes its own guard.
  'board.get': only(boardReaders, 'read', { operator: true }),
  'board.timeline': only(boardReaders, 'read', { operator: true }),
  'board.setStationSilence': only(commanders, 'change', { operator: false }),
  // A device opened at two stations: seen by the board's readers, settled by the commander.
  'conflicts.list': only(boardReaders, 'read', { operator: true }),
  'conflicts.choose': only(commanders, 'change', { operator: false }),
  'requests.list': only(boardReaders, 'read', { operator: true }),
  'requests.assign': only(commanders, 'change', { operator: false }),
  'cases.bulkPreview': only(commanders, 'read', { operator: true }),
  'cases.bulkTransition': only(commanders, 'change', { operator: false }),
  'cases.bulkRecheck': only(commanders, 'change', { operator: false }),
  'reports.hics251': only(boardReaders, 'read', { operator: true }),
  'reports.hics214': only(boardReaders, 'read', { operator: true }),
  'reports.briefing': only(boardReaders, 'read', { operator: true }),
  'reports.timeline': only(boardReaders, 'read', { operator: true }),
  'reports.csv': only(boardReaders, 'read', { operator: true }),
  // Signed PDFs (the key must be unlocked: signing.unlock). A device case and many at once: those
  // who read the records; incident reports: those who read the board; a blank checklist: anyone
  // signed in (the technologist prints the paper form for downtime).
  'exports.casePdf': only(recordReaders, 'read', { operator: true }),
  'exports.incidentPdf': only(boardReaders, 'read', { operator: true }),
  'exports.blankPdf': signedIn('read', { operator: true }),
  'exports.casePdfs': only(recordReaders, 'read', { operator: true }),
  'exports.progress': only(recordReaders, 'read', { operator: true }),
  'exports.cancel': only(recordReaders, 'read', { operator: true }),
  // Stations of the facility. Giving this installation its identity, enrolling and revoking
  // stations are an administrator's (enrolling and revoking also need the organisation's signing
  // key unlocked); the commander enrols and revokes too, running the response. Anyone signed in
  // sees the stations; the operator may do all of it (the command line of the exchange).
  'stations.status': signedIn('read', { operator: true }),
  'stations.init': only(admin, 'change', { operator: true }),
  'stations.request': only(admin, 'read', { operator: true }),
  'stations.reviewRequest': only([...admin, ...commanders], 'read', { operator: true }),
  'stations.enrol': only([...admin, ...commanders], 'change', { operator: true }),
  'stations.renewCommandPost': only([...admin, ...commanders], 'change', { operator: true }),
  'stations.accept': only(admin, 'change', { operator: true }),
  'stations.list': signedIn('read', { operator: true }),
  'stations.revoke': only([...admin, ...commanders], 'change', { operator: true }),
  'stations.authorityCertificate': signedIn('read', { operator: true }),
  // Exchanging bundles moves records between the facility's own stations: those who keep the
  // records and run the response (not the technologist at the device).
  'exchange.export': only(recordReaders, 'read', { operator: true }),
  'exchange.import': only(recordReaders, 'change', { operator: true }),
  'exchange.verify': only(recordReaders, 'read', { operator: true }),
  // The shared folder is where this station's records leave it: set by an administrator or the
  // commander; a pass over it (which imports, like exchange.import) by those who exchange.
  'exchange.status': only(recordReaders, 'read', { operator: true }),
  'exchange.setFolder': only([...admin, ...commanders], 'change', { operator: true }),
  'exchange.syncFolder': only(recordReaders, 'change', { operator: true }),
  // Checking a PDF reads the audit trail and the records it names: those who read the records.
  'exports.verifyPdf': only(recordReaders, 'read', { operator: true }),
  // The demo facility: loaded into an empty database on first run or by an administrator; the
  // walkthrough runs only on it, signing in as the demo users with their published PINs.
  'demo.load': { who: 'first_run_or_roles', roles: admin, effect: 'change', operator: true },
  'demo.walkthrough': signedIn('change', { operator: true }),
};

/** The roles that admit a signed-in user to a method, or null when any signed-in user may. */
export function rolesFor(access: Access): readonly Role[] | null {
  return access.who === 'roles' || access.who === 'first_run_or_roles' ? access.roles : null;
}

/** Whether a signed-in user holding `held` may call `method` (the UI hides what this refuses). */
export function mayCall(method: MethodName, held: readonly Role[]): boolean {
  const needed = rolesFor(permissions[method]);
  return needed === null || needed.some((r) => held.includes(r));
}

/** Whether a user holding `held` may give a sign-off of `kind`. */
export function maySign(kind: SignoffKind, held: readonly Role[]): boolean {
  return (signoffKinds[kind].roles as readonly Role[]).some((r) => held.includes(r));
}

/** "Biomed, IT security or Administrator" (who may), or with 'and' (what someone holds). */
export function describeRoles(rs: readonly Role[], conjunction: 'or' | 'and' = 'or'): string {
  const labels = rs.map((r) => roleLabels[r]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} ${conjunction} ${labels.at(-1) ?? ''}`;
}
