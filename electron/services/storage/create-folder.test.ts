import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorWordsIn, errorWordsOf, type ErrorWords } from '../../api/error-words';
import { ServiceError } from '../core/errors';
import { runCli } from '../test/run-cli';
import { createFolder } from './create-folder';
import { networkPathReason } from './local-path';
import { cleanupAfterEach } from '../test/cleanups';

const { folder } = cleanupAfterEach();

function scratch(): string {
  return folder('standalone-folder-');
}

function technical(error: ServiceError): unknown {
  return (error.details as { technical?: unknown } | undefined)?.technical;
}

function wordsOf(error: ServiceError): ErrorWords {
  const words = errorWordsOf(error.details);
  if (!words) throw new Error(`${error.message} carries no words`);
  return words;
}

function thrown(run: () => void): ServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe('createFolder', () => {
  it('creates missing parents one level at a time, and accepts a folder that exists', () => {
    const root = scratch();
    const deep = path.join(root, 'a', 'b', 'c');
    createFolder(deep, 'dataFolder');
    expect(fs.statSync(deep).isDirectory()).toBe(true);
    createFolder(deep, 'dataFolder');
  });

  // Node's recursive mkdir never returns for this path: the test would time out.
  it.runIf(fs.existsSync('/proc/self'))(
    'fails at once under /proc, naming the folder, instead of retrying forever',
    () => {
      const error = thrown(() => createFolder('/proc/nope/deeper', 'backupFolder'));
      expect(error.code).toBe('storage_error');
      expect(error.message).toContain(
        'backup folder /proc/nope/deeper cannot be created: a folder on the way does not exist.',
      );
      // The code is for IT, behind Details, never in the sentence (in either language).
      expect(error.message).not.toContain('ENOENT');
      expect(error.details).toMatchObject({ code: 'ENOENT' });
      expect(technical(error)).toMatch(/^ENOENT: .*\/proc\/nope/);
      const german = errorWordsIn('de', wordsOf(error));
      expect(german).toContain('ein Ordner auf dem Weg dorthin existiert nicht');
      expect(german).toContain('Backup-Ordner');
      expect(german).not.toContain('ENOENT');
    },
  );

  it('refuses a path whose parent is a file', () => {
    const root = scratch();
    fs.writeFileSync(path.join(root, 'file'), 'x');
    const error = thrown(() => createFolder(path.join(root, 'file', 'sub'), 'exportFolder'));
    expect(error.code).toBe('storage_error');
    expect(error.message).toContain(
      'cannot be created: a part of the path is a file, not a folder.',
    );
    expect(error.message).not.toContain('ENOTDIR');
    expect(error.details).toMatchObject({ code: 'ENOTDIR' });
    expect(technical(error)).toContain('ENOTDIR');
  });

  it.runIf(fs.existsSync('/proc/self'))(
    'the command line ends with exit 3 and a clear message for a data folder under /proc',
    async () => {
      const run = await runCli('/proc/nope', ['db', 'check']);
      expect(run.code).toBe(3);
      const [sentence, details] = run.stderr.split('\n');
      expect(sentence).toContain(
        'data folder /proc/nope cannot be created: a folder on the way does not exist.',
      );
      expect(sentence).not.toContain('ENOENT');
      // The code is still there for IT, on a line of its own.
      expect(details).toMatch(/^ {2}Details: ENOENT: /);
    },
  );
});

describe('networkPathReason', () => {
  const mounts = [
    { mountPoint: '/', type: 'ext4' },
    { mountPoint: '/mnt/share', type: 'cifs' },
    { mountPoint: '/mnt/share/local', type: 'ext4' },
    { mountPoint: '/srv/nfs', type: 'nfs4' },
  ];
  it.each([
    ['\\\\server\\share\\x', 'UNC'],
    ['//server/share/x', 'UNC'],
    ['\\\\?\\UNC\\server\\share', 'UNC'],
    ['\\\\.\\pipe\\x', 'UNC'],
    ['smb://server/share', 'network address'],
    ['/mnt/share/exports', 'cifs at /mnt/share'],
    ['/mnt/share', 'cifs at /mnt/share'],
    ['/srv/nfs/a/b', 'nfs4'],
  ])('refuses %s', (folder, reason) => {
    expect(networkPathReason(folder, mounts)).toContain(reason);
  });
  it.each(['/home/me/exports', '/mnt/share/local/x', '/mnt/shared', 'C:\\Exports', 'D:/out'])(
    'accepts the local folder %s',
    (folder) => {
      expect(networkPathReason(folder, mounts)).toBeUndefined();
    },
  );
});
