import type { TFunction } from 'i18next';
import type { BackupCheckWords, BackupVerification } from '../../../../electron/api/domains/backup';
import { errorWordsOf } from '../../../../electron/api/error-words';
import type { ApiError } from '../../api/client';
import { formatDateTime } from '../../cases/time-format';

/** What one backup check found, in the station's language (times in the facility's zone). */
export function checkDetailText(t: TFunction, words: BackupCheckWords): string {
  const params: Record<string, string | number> = { ...words.params };
  if (typeof params.issuedAt === 'string') params.issuedAt = formatDateTime(params.issuedAt);
  if (words.chain) {
    params.reason = t(`settings.auditChainProblems.${words.chain.kind}`, { ...words.chain });
  }
  if (words.differences) {
    const objects = words.differences
      .map((d) =>
        t(`settings.backups.schemaDifference.${d.kind}`, {
          name: d.name,
          // SQLite's object types are four; another is shown as SQLite names it.
          type: t(`settings.backups.schemaObjectTypes.${d.type as 'table'}`, {
            defaultValue: d.type,
          }),
        }),
      )
      .join('; ');
    params.objects =
      Number(params.more) > 0
        ? t('settings.backups.checkDetails.foreignObjectsMore', { objects, more: params.more })
        : objects;
  }
  return t(`settings.backups.checkDetails.${words.key}`, params);
}

/**
 * A refused restore with the failed checks in the station's language: the services name them
 * in English in the refusal's sentence, and send the verification beside it.
 */
export function restoreRefusalIn(t: TFunction, error: ApiError): ApiError {
  const details = error.details as { verification?: BackupVerification } | undefined;
  const words = errorWordsOf(error.details);
  if (!details?.verification || !words) return error;
  const failed = details.verification.checks.filter((c) => c.status === 'failed');
  const problems = failed.map((c) => checkDetailText(t, c.words)).join('; ');
  if (!problems) return error;
  // What SQLite said goes behind "Details" (ErrorMessage shows `technical` there).
  const technical = failed.flatMap((c) => (c.words.technical ? [c.words.technical] : []));
  return {
    ...error,
    details: {
      ...details,
      words: { ...words, params: { ...words.params, problems } },
      ...(technical.length > 0 ? { technical: technical.join('; ') } : {}),
    },
  };
}
