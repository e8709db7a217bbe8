/**
 * `standalone`: the headless command line over the same services and dispatcher as the app.
 * Exit codes: 0 success, 1 a check failed, 2 invalid input, 3 the database cannot be used,
 * 70 unexpected.
 */
import { parseArgs } from 'node:util';
import { ServiceError } from '../services/core/errors';
import { startServices, type Runtime } from '../services/runtime';
import { auditVerify, dbCheck, demoLoad } from './commands/system';
import { CliError, createOutput, exitCodeFor, exitCodes } from './output';

export const usage = `Usage: standalone [--data-dir DIR] [--json] <command>

Commands:
  db check [--full]     schema version and quick_check (integrity_check with --full)
  audit verify          recompute the audit hash chain; exit 1 naming the first bad event
  demo load             load the demo facility into an empty database

Global options:
  --data-dir DIR        the data folder (default: STANDALONE_DATA_DIR, else the app's folder)
  --json                machine-readable output
  --help                this text`;

type Command = (
  runtime: Runtime,
  out: ReturnType<typeof createOutput>,
  flags: Flags,
) => Promise<number>;
interface Flags {
  full: boolean;
}

const commands: Record<string, Command> = {
  'db check': (rt, out, f) => dbCheck(rt.dispatch, out, f.full),
  'audit verify': (rt, out) => auditVerify(rt.dispatch, out),
  'demo load': (rt, out) => demoLoad(rt.dispatch, out),
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
  const name = positionals.slice(0, 2).join(' ');
  const command = commands[name];
  if (!command || positionals.length > 2) {
    process.stderr.write(`Unknown command "${positionals.join(' ')}".\n\n${usage}\n`);
    return exitCodes.invalidInput;
  }
  const out = createOutput(values.json);
  let runtime: Runtime | undefined;
  try {
    runtime = startServices(values['data-dir'] ? { dataDir: values['data-dir'] } : {});
    return await command(runtime, out, { full: values.full });
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`standalone: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ServiceError) {
      process.stderr.write(`standalone: ${error.message}\n`);
      return exitCodeFor({ code: error.code, message: error.message });
    }
    process.stderr.write(
      `standalone: unexpected failure: ${(error as Error).stack ?? String(error)}\n`,
    );
    return exitCodes.unexpected;
  } finally {
    runtime?.close();
  }
}
