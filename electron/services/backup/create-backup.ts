import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../audit/append';
import { issueAnchor } from '../audit/anchors';
import type { BackupInfo } from '../../api/domains/backup';
import { appVersion } from '../core/app-version';
import type { Services } from '../core/context';
import { schemaVersionOf } from '../db/migrate';
import { connectionOptionsOf, openOtherDatabase } from './connections';
import { checksumFileOf, freeBackupPath, manifestFileOf, type BackupKind } from './backup-names';
import { describeFolderFailure, fsyncPath, removeQuietly, sha256OfFile } from './files';
import { writeChecksumAndManifest, type BackupManifest } from './manifest';
import { createFolder } from '../storage/create-folder';

export interface CreatedBackup {
  info: BackupInfo;
  manifest: BackupManifest;
}

function infoOf(file: string, m: BackupManifest): BackupInfo {
  return {
    file,
    fileName: path.basename(file),
    createdAt: m.createdAt,
    kind: m.kind,
    schemaVersion: m.schemaVersion,
    bytes: m.bytes,
    sha256: m.sha256,
    appVersion: m.appVersion,
    auditEventCount: m.auditEventCount,
  };
}

export { infoOf as backupInfoOf };

/**
 * Copy the live database into `folder` with SQLite's online backup API (consistent even while
 * the app writes), then make the copy one self-contained file (rollback journal, no `-wal`
 * beside it), flush it, write its checksum and manifest, and only then give it its final name:
 * a failure never leaves a backup that looks complete.
 */
export async function createBackup(
  services: Services,
  folder: string,
  kind: BackupKind,
  time: Date = services.clock.now(),
): Promise<CreatedBackup> {
  const doing = 'takingBackup';
  let partial: string | undefined;
  let written: string | undefined;
  try {
    createFolder(folder, 'backupFolder');
    const file = freeBackupPath(folder, time, schemaVersionOf(services.db), kind);
    partial = path.join(folder, `.${path.basename(file)}.partial`);
    removeQuietly(partial);
    await services.db.backup(partial);

    const copy = openOtherDatabase(partial, connectionOptionsOf(services));
    let schemaVersion: number;
    let head: { last_id: number; last_hash: string } | undefined;
    try {
      copy.pragma('journal_mode = DELETE');
      schemaVersion = schemaVersionOf(copy);
      head = copy.prepare('SELECT last_id, last_hash FROM audit_head WHERE singleton = 1').get() as
        { last_id: number; last_hash: string } | undefined;
    } finally {
      copy.close();
    }
    fsyncPath(partial);

    const manifest: BackupManifest = {
      format: 'standalone-backup',
      formatVersion: 1,
      file: path.basename(file),
      sha256: sha256OfFile(partial),
      bytes: fs.statSync(partial).size,
      createdAt: time.toISOString(),
      kind,
      schemaVersion,
      appVersion: appVersion(),
      auditEventCount: head?.last_id ?? 0,
      auditLastHash: head?.last_hash ?? null,
    };
    // The backup's head is this chain's head at the copy: anchored, and the issue recorded.
    const anchor = head
      ? issueAnchor(
          { services, actor: systemActor },
          { kind: 'backup', name: path.basename(file) },
          { eventId: head.last_id, hash: head.last_hash },
        )
      : null;
    if (anchor) manifest.anchor = anchor;
    written = file;
    writeChecksumAndManifest(file, manifest);
    // The rename is the moment the backup exists: before it, a listing does not show it.
    fs.renameSync(partial, file);
    partial = undefined;
    fsyncPath(folder);
    return { info: infoOf(file, manifest), manifest };
  } catch (error) {
    if (partial) {
      for (const suffix of ['', '-wal', '-shm', '-journal']) removeQuietly(partial + suffix);
      if (written) {
        removeQuietly(checksumFileOf(written));
        removeQuietly(manifestFileOf(written));
      }
    }
    throw describeFolderFailure(error, folder, doing);
  }
}
