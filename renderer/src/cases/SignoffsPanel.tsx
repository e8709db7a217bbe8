import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, SigningRequest } from '../../../electron/api/domains/cases';
import { maySign } from '../../../electron/api/permissions';
import { roleLabel } from '../people/role-label';
import { SignDialog } from '../people/SignDialog';
import { useSession } from '../session/session-context';
import { formatDateTime } from './time-format';
import { SuccessNotice } from '../components/SuccessNotice';

type Status = 'valid' | 'stale' | 'earlierRound' | 'missing';

function statusOf(detail: CaseDetail, request: SigningRequest): Status {
  if (request.given) return 'valid';
  const latest = detail.signoffs.filter((s) => s.kind === request.kind).at(-1);
  if (!latest) return 'missing';
  // Of an earlier round, it is not the checklist that changed: say so, not "changed since".
  return latest.earlierRound ? 'earlierRound' : latest.stale ? 'stale' : 'missing';
}

/** Lines the signer reads before signing: the device, the revision, the checklist covered. */
function summaryOf(detail: CaseDetail, request: SigningRequest, t: TFunction) {
  const sections = request.content.sections;
  const covered =
    sections && typeof sections === 'object' && !Array.isArray(sections)
      ? Object.keys(sections).map(
          (id) => detail.template.sections.find((s) => s.id === id)?.title ?? id,
        )
      : [];
  const lines = [
    t('cases.signoffs.summaryDevice', {
      assetTag: detail.device.assetTag,
      device: [detail.device.vendor, detail.device.model].filter(Boolean).join(' '),
    }),
    t('cases.signoffs.summaryAdvisory', {
      trackingId: detail.advisory.trackingId,
      version: detail.advisory.revision.version,
    }),
  ];
  if (covered.length > 0)
    lines.push(t('cases.signoffs.summarySections', { sections: covered.join(', ') }));
  return lines;
}

/**
 * The sign-offs the steps from here need: valid, stale (content changed since), of an earlier
 * round of the workflow, or missing.
 */
export function SignoffsPanel({ detail, onChanged }: { detail: CaseDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const held = useSession().status?.user?.roles ?? [];
  const [signing, setSigning] = useState<SigningRequest>();
  const [done, setDone] = useState<string>();
  if (detail.signing.length === 0) return null;
  // The sign-offs the one next step needs come first; the others belong to other steps.
  const forNext = new Set(detail.nextActions.next?.signoffs.map((s) => s.kind) ?? []);
  const groups = [
    { key: 'forNext' as const, requests: detail.signing.filter((r) => forNext.has(r.kind)) },
    { key: 'forOther' as const, requests: detail.signing.filter((r) => !forNext.has(r.kind)) },
  ];
  return (
    <section className="case-panel" aria-labelledby="signoffs-title">
      <h2 id="signoffs-title">{t('cases.signoffs.title')}</h2>
      <SuccessNotice message={done} />
      {groups.map((group) =>
        group.requests.length > 0 ? (
          <div key={group.key}>
            {groups[1] && groups[1].requests.length > 0 ? (
              <h3 className="signoff-group-title">{t(`cases.signoffs.${group.key}`)}</h3>
            ) : null}
            <ul className="signoff-list">
              {group.requests.map((request) => {
                const status = statusOf(detail, request);
                const latest = detail.signoffs.filter((s) => s.kind === request.kind).at(-1);
                const kindLabel = t(`people.sign.kinds.${request.kind}`);
                const roles = request.roles.map((r) => roleLabel(t, r)).join(', ');
                // Someone else must sign: the button says who, and its dialog takes their PIN.
                const needsOther = !maySign(request.kind, held);
                return (
                  <li
                    key={request.kind}
                    className={`signoff signoff-${status}`}
                    data-kind={request.kind}
                  >
                    <div className="signoff-text">
                      <span className="signoff-kind">{kindLabel}</span>
                      <span className="signoff-who">{t('cases.signoffs.by', { roles })}</span>
                      <span className={`signoff-status status-${status}`}>
                        {status === 'valid' && latest
                          ? t('cases.signoffs.valid', {
                              name: latest.userName,
                              at: formatDateTime(latest.signedAt),
                            })
                          : t(`cases.signoffs.${status}`)}
                      </span>
                    </div>
                    {status !== 'valid' && detail.open ? (
                      <Button
                        className={`button ${needsOther ? 'button-needs' : 'button-secondary'}`}
                        aria-label={
                          needsOther
                            ? t('cases.signoffs.needsNamed', { kind: kindLabel, roles })
                            : t('cases.signoffs.signNamed', { kind: kindLabel })
                        }
                        onPress={() => {
                          setDone(undefined);
                          setSigning(request);
                        }}
                      >
                        {needsOther
                          ? t('cases.signoffs.needs', { roles })
                          : t('cases.signoffs.sign')}
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null,
      )}
      <SignDialog
        kind={signing?.kind}
        subject={signing}
        summary={signing ? summaryOf(detail, signing, t) : []}
        onClose={() => setSigning(undefined)}
        onStale={onChanged}
        onSigned={(signoff) => {
          setSigning(undefined);
          setDone(
            t('people.sign.done', { name: signoff.userName, at: formatDateTime(signoff.signedAt) }),
          );
          onChanged();
        }}
      />
    </section>
  );
}
