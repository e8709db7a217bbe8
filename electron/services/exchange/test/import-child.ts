/**
 * A process that imports one bundle into a data folder as the command line does, saying `ready`
 * once the services are up and `done` when the import has returned: the crash test kills it
 * with SIGKILL somewhere in between.
 */
import { startServices } from '../../runtime';

const [dataDir, file] = process.argv.slice(2);
if (!dataDir || !file) throw new Error('usage: import-child DATA_DIR BUNDLE');
const rt = startServices({ dataDir, backupScheduler: false });
process.stdout.write('ready\n');
const result = await rt
  .client({ kind: 'operator', osUser: 'crash-test' })
  .call('exchange.import', { files: [file] });
process.stdout.write(`done ${JSON.stringify(result)}\n`);
rt.close();
