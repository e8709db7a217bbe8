/**
 * `standalone`: the headless command line over the same services and dispatcher as the app.
 * Exit codes: 0 success, 1 a check failed, 2 invalid input, 3 the database cannot be used,
 * 70 unexpected.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ApiCallError, type ApiClient } from '../api/client';
import {
  describeStartFailure,
  startServices,
  type Caller,
  type Runtime,
} from '../services/runtime';
import { advisoryImport, match } from './commands/advisories';
import { backupCreate, backupList, backupRestore, backupVerify } from './commands/backup';
import { caseList, demoWalkthrough, incidentList } from './commands/cases';
import { exchangeExport, exchangeImport, exchangeVerify } from './commands/exchange';
import { inventoryExport, inventoryImport } from './commands/inventory';
import { exportBlankCommand, verifyPdfCommand } from './commands/pdf';
import { exportCaseCommand, exportIncidentCommand } from './commands/pdf-export';
import { usersCreate, usersList } from './commands/people';
import { reportCommand } from './commands/reports';
import {
  caseTransfer,
  stationAccept,
  stationAuthority,
  stationEnrol,
  stationInit,
  stationList,
  stationRenew,
  stationRequest,
  stationRevoke,
} from './commands/stations';
import { auditVerify, dbCheck, demoLoad } from './commands/system';
import { epssImport, kevImport } from './commands/threats';
import { CliError, createOutput, exitCodeFor, exitCodes, failureText, type Output } from './output';

export const usage = `Usage: standalone [--data-dir DIR] [--json] <command>

Commands:
  db check [--full]     schema version and quick_check (integrity_check with --full)
  audit verify [--anchor FILE...]
                        recompute the audit hash chain, replay it and compare every bound table
                        (exit 1 naming the event, or the table, row and field); with --anchor,
                        check the chain extends the head each PDF, backup or export carries
  demo load [--lang en|de]
                        load the demo facility into an empty database (--lang de: its
                        departments, notes and the walkthrough's reasons in German; default en)
  demo walkthrough      on the demo facility: open the "ICSMA-17-215-02 response" incident and
                        take four devices through the workflow as the demo users (exit 1 if the
                        audit chain does not verify afterwards)
  incident list         every incident with its open and total cases
  case list [--incident ID] [--sort priority]
                        every case (of one incident): asset tag, state, assignee, gate verdict,
                        flags (needs_re_review, recheck_overdue, kev_re_review), priority with
                        its reasons and the CVEs known exploited; --sort priority: highest first
  case transfer CASE-ID STATION
                        hand a case held here to another station (its ID or name); it is worked
                        there once the transfer arrives in this station's bundle
  inventory import FILE [--skip-invalid] [--mapping MAPPING.json]
                        import a device inventory CSV (all or nothing unless --skip-invalid;
                        exit 2 listing every problem); MAPPING.json: {"<csv header>": "<field>"}
  inventory export [--format csv|json] [--out FILE]
                        write the inventory out (CSV formulas neutralised)
  advisory import FILE...
                        validate and store CSAF 2.0 advisories (exit 2 if any is refused)
  match                 recompute matches between devices and advisories and print them, and
                        why a device is not matched to an advisory naming its vendor's products
  kev import FILE       validate and store CISA's Known Exploited Vulnerabilities catalog (JSON);
                        exit 2 naming the field when it is refused (nothing is stored)
  epss import FILE      validate and store FIRST's EPSS scores (CSV); exit 2 naming the line
  verify-pdf FILE       check a PDF's signature and that it matches this database's audit trail
                        (exit 0 valid, 1 invalid naming why, 2 not a PDF or too large)
  export blank --template ID [--version N] --out FILE.pdf [--passphrase-file FILE]
              [--lang en|de]
                        a signed blank checklist of a playbook template, for paper downtime;
                        the signing passphrase comes from the file or STANDALONE_SIGNING_PASSPHRASE
  export case --asset-tag TAG --incident ID [--advisory TRACKING-ID] --out FILE.pdf
              [--passphrase-file FILE] [--lang en|de]
                        the signed PDF of one device case (--advisory when the device has a case
                        for each of two advisories)
  export incident --incident ID --report hics251|hics214|briefing|summary --out FILE.pdf
              [--passphrase-file FILE] [--lang en|de]
                        a signed incident report; summary: every case of the incident
                        (export --lang: the language of the PDF's fixed words, default en)
  report --incident ID --report hics251|hics214|briefing|timeline [--format text|csv|json]
         [--out FILE]
                        an incident report: HICS 251 facility system status, HICS 214 activity
                        log (from the audit trail), briefing, or timeline (csv: formulas
                        neutralised, as the app exports it)
  users list            every user account: id, name, staff ID, roles, state
  users create --name NAME --roles admin [--staff-id ID]
                        create an administrator, for recovery (other roles are given at a
                        station by an administrator); the initial PIN or password is read from
                        STANDALONE_NEW_SECRET, never from the command line; the user must
                        replace it at first sign-in
  backup create DIR     back up the database into DIR (SQLite online backup, SHA-256 sidecar
                        and manifest), named for the time and the schema version
  backup list DIR       the Standalone backups in DIR, newest first
  backup verify FILE    check a backup: checksum, integrity, audit chain, schema version
                        (exit 1 naming the check that failed)
  backup restore FILE   verify FILE, then replace the database with it; the replaced database
                        is kept aside beside it. Works when the database cannot be opened.
                        Close the app first: a database open elsewhere is refused. A backup
                        with schema objects the app did not create, or whose chain does not
                        reach the latest anchor issued here, is refused (exit 1) unless
                        --force-reason TEXT says why (recorded in the restore's audit event)
  station init --name NAME
                        this installation's station identity (once): station ID, name, and a
                        key pair made here whose private key never leaves the station
  station request --out FILE
                        write this station's enrolment request
  station enrol REQUEST --out FILE [--passphrase-file FILE]
                        at the station holding the organisation identity: check the request
                        (name and key fingerprint to compare) and write the enrolment response
  station accept RESPONSE
                        import the enrolment response: this station may exchange bundles
  station list          stations known here: id, name, enrolled, revoked, last heard from
  station revoke ID [--passphrase-file FILE]
                        revoke a station (signed by the organisation identity)
  station renew [--passphrase-file FILE]
                        at the station holding the organisation identity: renew its own
                        certificate as the command post (a command post enrolled before
                        certificates carried the mark, whose requests the others refuse)
  station authority --out FILE
                        the organisation's station authority certificate (PEM), for
                        openssl cms -verify -CAfile FILE
  exchange export --out DIR
                        write a bundle for the other stations; prints its path
  exchange import FILE...
                        verify and apply bundles, each all or nothing (exit 0 applied or
                        already had, 1 refused or held naming why, 2 not a bundle)
  exchange verify       re-verify every other station's chain kept here against the last head
                        received from it (exit 1 naming the station and event)

Global options:
  --data-dir DIR        the data folder (default: STANDALONE_DATA_DIR, else the app's folder)
  --json                machine-readable output
  --help                this text`;

/** A command: what it does through the API, as the operator. */
type Command = (api: ApiClient, out: Output, flags: Flags) => Promise<number>;
interface Flags {
  full: boolean;
  /** `--anchor FILE` (repeatable): artefacts whose anchored chain head the live chain must extend. */
  anchor: string[];
  /** Positionals after the command name (files). */
  args: string[];
  skipInvalid: boolean;
  mapping: string | undefined;
  format: string | undefined;
  out: string | undefined;
  template: string | undefined;
  version: string | undefined;
  passphraseFile: string | undefined;
  /** `export ... --lang en|de`: the language of the PDF's fixed words. */
  lang: string | undefined;
  name: string | undefined;
  roles: string | undefined;
  staffId: string | undefined;
  incident: string | undefined;
  sort: string | undefined;
  assetTag: string | undefined;
  advisory: string | undefined;
  report: string | undefined;
  /** `backup restore --force-reason TEXT`: restore past the forceable checks, recorded. */
  forceReason: string | undefined;
}

/**
 * Every command runs as the operator (the OS user at this machine, audited under that name): no
 * one signs in on the command line, and the operator can never give a sign-off.
 */
function operator(): Caller {
  return { kind: 'operator', osUser: os.userInfo().username };
}

/** Commands that take files after their name. */
const takesArguments = new Set([
  'audit verify',
  'inventory import',
  'advisory import',
  'kev import',
  'epss import',
  'verify-pdf',
  'backup create',
  'backup list',
  'backup verify',
  'backup restore',
  'station enrol',
  'station accept',
  'station revoke',
  'exchange import',
  'case transfer',
]);

/** A command that reads several options is handed the flags whole and reads the ones it names. */
const commands: Record<string, Command> = {
  'db check': (api, out, f) => dbCheck(api, out, f.full),
  // `--anchor A B C`: the files after the first are positionals.
  'audit verify': (api, out, f) => {
    if (f.args.length && !f.anchor.length) {
      throw new CliError(
        'audit verify takes files only after --anchor: standalone audit verify --anchor FILE...',
        exitCodes.invalidInput,
      );
    }
    return auditVerify(api, out, [...f.anchor, ...f.args]);
  },
  'demo load': (api, out, f) => demoLoad(api, out, f.lang),
  'demo walkthrough': (api, out) => demoWalkthrough(api, out),
  'incident list': (api, out) => incidentList(api, out),
  'case list': (api, out, f) => caseList(api, out, f),
  'case transfer': (api, out, f) => caseTransfer(api, out, f.args),
  'users list': (api, out) => usersList(api, out),
  'users create': (api, out, f) => usersCreate(api, out, f),
  'inventory import': (api, out, f) => inventoryImport(api, out, f.args, f),
  'inventory export': (api, out, f) => inventoryExport(api, out, f),
  'advisory import': (api, out, f) => advisoryImport(api, out, f.args),
  match: (api, out) => match(api, out),
  'kev import': (api, out, f) => kevImport(api, out, f.args),
  'epss import': (api, out, f) => epssImport(api, out, f.args),
  'verify-pdf': (api, out, f) => verifyPdfCommand(api, out, f.args),
  'export blank': (api, out, f) => exportBlankCommand(api, out, f),
  'export case': (api, out, f) => exportCaseCommand(api, out, f),
  'export incident': (api, out, f) => exportIncidentCommand(api, out, f),
  report: (api, out, f) => reportCommand(api, out, f),
  'backup create': (api, out, f) => backupCreate(api, out, f.args),
  'backup list': (api, out, f) => backupList(api, out, f.args),
  'backup verify': (api, out, f) => backupVerify(api, out, f.args),
  'station init': (api, out, f) => stationInit(api, out, f.name),
  'station request': (api, out, f) => stationRequest(api, out, f.out),
  'station enrol': (api, out, f) => stationEnrol(api, out, f),
  'station accept': (api, out, f) => stationAccept(api, out, f.args),
  'station list': (api, out) => stationList(api, out),
  'station revoke': (api, out, f) => stationRevoke(api, out, f),
  'station renew': (api, out, f) => stationRenew(api, out, f),
  'station authority': (api, out, f) => stationAuthority(api, out, f.out),
  'exchange export': (api, out, f) => exchangeExport(api, out, f.out),
  'exchange import': (api, out, f) => exchangeImport(api, out, f.args),
  'exchange verify': (api, out) => exchangeVerify(api, out),
};

/** Commands that open the database themselves: a restore must work when it cannot be opened. */
const withoutRuntime: Record<
  string,
  (dataDir: string | undefined, out: Output, flags: Flags) => Promise<number>
> = {
  'backup restore': (dataDir, out, f) =>
    backupRestore(dataDir, operator(), out, f.args, f.forceReason),
};

export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        full: { type: 'boolean', default: false },
        anchor: { type: 'string', multiple: true },
        'skip-invalid': { type: 'boolean', default: false },
        mapping: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        template: { type: 'string' },
        version: { type: 'string' },
        'passphrase-file': { type: 'string' },
        lang: { type: 'string' },
        name: { type: 'string' },
        roles: { type: 'string' },
        'staff-id': { type: 'string' },
        incident: { type: 'string' },
        sort: { type: 'string' },
        'asset-tag': { type: 'string' },
        advisory: { type: 'string' },
        report: { type: 'string' },
        'force-reason': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    return exitCodes.invalidInput;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stdout.write(usage + '\n');
    return values.help ? exitCodes.ok : exitCodes.invalidInput;
  }
  const two = positionals.slice(0, 2).join(' ');
  const name = commands[two] || withoutRuntime[two] ? two : (positionals[0] ?? '');
  const command = commands[name];
  const args = positionals.slice(name.split(' ').length);
  if ((!command && !withoutRuntime[name]) || (args.length > 0 && !takesArguments.has(name))) {
    process.stderr.write(`Unknown command "${positionals.join(' ')}".\n\n${usage}\n`);
    return exitCodes.invalidInput;
  }
  const out = createOutput(values.json);
  let runtime: Runtime | undefined;
  try {
    const flags: Flags = {
      full: values.full,
      anchor: values.anchor ?? [],
      args,
      skipInvalid: values['skip-invalid'],
      mapping: values.mapping,
      format: values.format,
      out: values.out,
      template: values.template,
      version: values.version,
      passphraseFile: values['passphrase-file'],
      lang: values.lang,
      name: values.name,
      roles: values.roles,
      staffId: values['staff-id'],
      incident: values.incident,
      sort: values.sort,
      assetTag: values['asset-tag'],
      advisory: values.advisory,
      report: values.report,
      forceReason: values['force-reason'],
    };
    const own = withoutRuntime[name];
    if (own) return await own(values['data-dir'], out, flags);
    if (!command) throw new CliError(`Unknown command "${name}".`, exitCodes.invalidInput);
    // A command runs its own checks; the replay at start is for the long-running app.
    runtime = startServices({
      ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
      replayCheckAtStart: false,
      folderExchangePollMs: false,
    });
    return await command(runtime.client(operator()), out, flags);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`standalone: ${error.message}\n`);
      return error.exitCode;
    }
    const failure = error instanceof ApiCallError ? error.error : describeStartFailure(error);
    if (failure) {
      process.stderr.write(`standalone: ${failureText(failure)}\n`);
      return exitCodeFor(failure);
    }
    process.stderr.write(
      `standalone: unexpected failure: ${(error as Error).stack ?? String(error)}\n`,
    );
    return exitCodes.unexpected;
  } finally {
    runtime?.close();
  }
}
