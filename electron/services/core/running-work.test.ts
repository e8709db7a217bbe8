import { describe, expect, it } from 'vitest';
import { germanError } from '../../api/test/german-words';
import type { Services } from './context';
import { ServiceError } from './errors';
import { startWork, withWorkStopped } from './running-work';

describe('work refused while a restore holds the database', () => {
  it('names the restore in the reader’s language, not in English inside German', async () => {
    // The registry is keyed by the services object only; no database is touched here.
    const services = {} as Services;
    let refused: unknown;
    await withWorkStopped(
      services,
      { what: 'a restore from a backup', term: 'restoreFromBackup', reason: 'test' },
      () => {
        try {
          void startWork(services, { kind: 'batch_pdf_export', what: 'batch PDF export' }, () =>
            Promise.resolve(),
          );
        } catch (error) {
          refused = error;
        }
      },
    );
    expect(refused).toBeInstanceOf(ServiceError);
    const error = refused as ServiceError;
    expect(error.message).toContain('a restore from a backup');
    const german = germanError(error.details);
    expect(german).toContain('solange eine Wiederherstellung aus einem Backup läuft');
    expect(german).not.toMatch(/restore/);
  });
});
