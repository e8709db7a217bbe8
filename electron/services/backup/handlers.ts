import type { backupMethods } from '../../api/domains/backup';
import { latestAnchor } from '../audit/anchors';
import { mutate, type CallContext } from '../core/context';
import type { HandlerMap } from '../core/handler';
import { setSetting } from '../settings/settings';
import { backupFolderOf, backupSettingsKey, readBackupSettings } from './backup-settings';
import { connectionOptionsOf } from './connections';
import { createBackup } from './create-backup';
import { requireAbsolutePath } from './files';
import { listBackups } from './list-backups';
import { restoreIntoServices } from './restore-backup';
import { backupStatus } from './scheduler';
import { verifyBackupFile } from './verify-backup';

function folderFor(ctx: CallContext, folder: string | undefined): string {
  return folder === undefined
    ? backupFolderOf(readBackupSettings(ctx.services.db), ctx.services.dataDir)
    : requireAbsolutePath(folder, 'backupFolder');
}

export const backupHandlers: HandlerMap<keyof typeof backupMethods> = {
  'backup.create': async ({ folder }, ctx) => {
    const { info } = await createBackup(ctx.services, folderFor(ctx, folder), 'manual');
    // Audited after the file is complete: the backup does not hold its own event.
    return mutate(ctx, () => ({
      value: info,
      audit: {
        action: 'backup.created',
        entityType: 'backup',
        entityId: info.fileName,
        payload: {
          file: info.file,
          sha256: info.sha256,
          bytes: info.bytes,
          schemaVersion: info.schemaVersion,
          auditEventCount: info.auditEventCount,
        },
      },
    }));
  },

  'backup.list': ({ folder }, ctx) => listBackups(folderFor(ctx, folder)),

  'backup.verify': ({ file }, { services }) =>
    verifyBackupFile(requireAbsolutePath(file, 'backupFile'), {
      ...connectionOptionsOf(services),
      anchor: latestAnchor(services.db),
    }),

  'backup.restore': ({ file, force }, ctx) =>
    restoreIntoServices(ctx, requireAbsolutePath(file, 'backupFile'), force),

  'backup.getSettings': (_input, { services }) => backupStatus(services),

  'backup.setSettings': (input, ctx) => {
    const settings = {
      ...input,
      folder: input.folder === null ? null : requireAbsolutePath(input.folder, 'backupFolder'),
    };
    const before = readBackupSettings(ctx.services.db);
    mutate(ctx, () => {
      setSetting(ctx.services.db, backupSettingsKey, settings);
      return {
        value: undefined,
        audit: {
          action: 'backup.settings_changed',
          entityType: 'settings',
          entityId: backupSettingsKey,
          payload: { before, after: settings },
        },
      };
    });
    return backupStatus(ctx.services);
  },
};
