import { useState } from 'react';
import { Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type {
  BulkDecisionResult,
  BulkPreviewTarget,
  RemoteCaseKey,
} from '../../../electron/api/domains/board';
import type { CaseState } from '../../../electron/api/domains/cases';
import { signoffStatement, statementLanguage } from '../../../electron/api/roles';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormDialog } from '../components/FormDialog';
import { SelectField } from '../components/SelectField';
import { TextInputField } from '../components/TextInputField';
import { formatDateTime, localInputFromNow, localInputToIso } from '../cases/time-format';
import { SecretField } from '../people/SecretField';
import { useSession } from '../session/session-context';
import { BulkPreviewList, bulkPlan } from './BulkPreviewList';
import { BulkResultView } from './BulkResultView';
import { useBulkPreview } from './use-bulk-preview';
import type { BulkMode } from './board-query';
import { TimeInput } from '../components/TimeInput';

interface Props {
  mode: BulkMode | undefined;
  incidentId: number;
  caseIds: readonly number[];
  /** Cases other stations hold: the decision reaches them as requests. */
  remoteCases: readonly RemoteCaseKey[];
  onClose(): void;
  /** Something changed (even if some cases were refused): the board reloads. */
  onDecided(): void;
}

/** A re-check an hour from now: the default the commander usually adjusts. */
const defaultRecheckMinutes = 60;

/**
 * One decision for many cases, signed once with the commander's PIN: move them to a state, or
 * set one re-check time. The dialog says exactly what will be done to how many cases; the
 * services apply the same guard to each and the result lists moved and refused cases with why.
 */
export function BulkDecisionDialog(props: Props) {
  const { mode, incidentId, caseIds, remoteCases, onClose, onDecided } = props;
  const { t, i18n } = useTranslation();
  // The commander signs the statement they read, in the station's language.
  const language = statementLanguage(i18n.resolvedLanguage);
  const { status } = useSession();
  const [target, setTarget] = useState<CaseState>();
  const [reason, setReason] = useState('');
  const [recheck, setRecheck] = useState(() => localInputFromNow(defaultRecheckMinutes));
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<BulkDecisionResult>();
  const { preview, error: previewError } = useBulkPreview(
    incidentId,
    caseIds,
    remoteCases,
    mode !== undefined && result === undefined,
  );
  const plan = bulkPlan(preview, mode, target, t('board.bulk.preview.notDeferred'));
  const count = caseIds.length + remoteCases.length;
  // Only the cases that can move are decided on: the signature covers exactly the list shown.
  // Cases other stations hold go as requests where the table has the step; their guard decides.
  const movable = plan?.movable ?? [];
  const requested = plan?.requested ?? [];
  const doing = movable.length + requested.length;
  const nothingMoves = plan !== undefined && doing === 0;
  const needsRecheck = mode === 'recheck' || target === 'deferred';
  const needsReason =
    preview?.targets.find((x) => x.target === target)?.needs.includes('reason') ?? false;
  const recheckIso = localInputToIso(recheck, 'future');
  const ready =
    secret.length > 0 &&
    doing > 0 &&
    (!needsReason || reason.trim() !== '') &&
    (!needsRecheck || recheckIso !== null);

  const close = () => {
    setTarget(undefined);
    setReason('');
    setSecret('');
    setError(undefined);
    setResult(undefined);
    onClose();
  };

  const submit = () => {
    if (!ready) return;
    setBusy(true);
    setError(undefined);
    const common = {
      incidentId,
      caseIds: [...movable],
      ...(requested.length > 0 ? { remoteCases: requested.map((r) => ({ ...r })) } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      signoff: { secret, language },
    };
    const request =
      mode === 'recheck'
        ? call('cases.bulkRecheck', { ...common, recheckAt: recheckIso ?? '' })
        : call('cases.bulkTransition', {
            ...common,
            target: target ?? 'assessing',
            ...(needsRecheck && recheckIso ? { recheckAt: recheckIso } : {}),
          });
    void request.then((answer) => {
      setBusy(false);
      setSecret('');
      if (!answer.ok) return setError(answer.error);
      setResult(answer.value);
      onDecided();
    });
  };

  const what =
    mode === 'recheck'
      ? t('board.bulk.willRecheck', {
          count: movable.length,
          at: recheckIso ? formatDateTime(recheckIso) : recheck,
        })
      : target
        ? t('board.bulk.willMove', { count: movable.length, state: t(`cases.state.${target}`) })
        : t('board.bulk.chooseTarget', { count });
  const total = preview?.cases.length ?? count;
  const sendsRequests =
    requested.length > 0 ? t('board.bulk.willRequest', { count: requested.length }) : null;
  // A signature only for a decision that changes something, once its target is chosen.
  const signing = preview !== undefined && !nothingMoves && (mode === 'recheck' || !!target);

  return (
    <FormDialog
      title={
        mode === 'recheck'
          ? t('board.bulk.recheckTitle', { count })
          : t('board.bulk.moveTitle', { count })
      }
      testId="bulk-dialog"
      isOpen={mode !== undefined}
      onClose={close}
      width="wide"
      submitLabel={
        !signing
          ? undefined
          : mode === 'recheck'
            ? t('board.bulk.submitRecheck', { count: doing })
            : t('board.bulk.submitMove', { count: doing })
      }
      onSubmit={submit}
      busy={busy}
      submitDisabled={!ready}
      cancelLabel={nothingMoves ? t('board.dialog.close') : t('board.dialog.cancel')}
      error={error}
      done={
        result
          ? {
              details: <BulkResultView result={result} mode={mode ?? 'move'} />,
              closeLabel: t('board.dialog.done'),
            }
          : undefined
      }
    >
      {mode === 'move' ? (
        <SelectField
          label={t('board.bulk.target')}
          options={(preview?.targets ?? []).map((x) => ({
            key: x.target,
            label: targetLabel(t, x, total),
          }))}
          disabledKeys={(preview?.targets ?? [])
            .filter((x) => x.movable.length === 0 && x.requested.length === 0)
            .map((x) => x.target)}
          isDisabled={!preview}
          value={target}
          onChange={(key) => setTarget(key as CaseState)}
          placeholder={t('board.bulk.targetPlaceholder')}
        />
      ) : null}
      {needsRecheck && !nothingMoves ? (
        <TextField className="field" value={recheck} onChange={setRecheck} isRequired>
          <Label className="field-label">{t('board.bulk.recheckAt')}</Label>
          <TimeInput value={recheck} leaning="future" />
        </TextField>
      ) : null}
      {nothingMoves ? null : (
        <TextInputField
          label={t('board.bulk.reason')}
          value={reason}
          onChange={setReason}
          maxLength={1000}
          isRequired={needsReason}
        />
      )}
      {previewError ? <ErrorMessage error={previewError} /> : null}
      {!preview && !previewError ? (
        <p className="loading-text">{t('board.bulk.preview.loading')}</p>
      ) : null}
      {nothingMoves ? (
        <p className="notice notice-danger" role="status" data-testid="bulk-nothing">
          {mode === 'recheck'
            ? t('board.bulk.preview.noneDeferred', { count: total })
            : t('board.bulk.preview.noneMoves', {
                count: total,
                state: t(`cases.state.${target ?? 'assessing'}`),
              })}
        </p>
      ) : null}
      {preview && plan && mode ? (
        <BulkPreviewList preview={preview} plan={plan} mode={mode} target={target} />
      ) : null}
      {preview && !signing && !nothingMoves ? (
        <p className="board-bulk-what" data-testid="bulk-what">
          {what}
        </p>
      ) : null}
      {signing ? (
        <>
          <section className="board-bulk-summary" aria-label={t('board.bulk.summaryLabel')}>
            <p className="board-bulk-what" data-testid="bulk-what">
              {movable.length > 0 || !sendsRequests ? what : null} {sendsRequests}
            </p>
            <p>{t('board.bulk.guards')}</p>
            {status?.user ? (
              <p className="board-bulk-signer">
                {t('board.bulk.signer', { name: status.user.displayName })}
              </p>
            ) : null}
            <blockquote className="sign-quote" data-testid="bulk-statement" lang={language}>
              {signoffStatement('bulk_decision', language)}
            </blockquote>
          </section>
          <SecretField
            label={t('board.bulk.secret')}
            value={secret}
            onChange={setSecret}
            kind={status?.user?.credentialKind}
          />
        </>
      ) : null}
    </FormDialog>
  );
}

/** "Deferred (2 of 3 can move now)", with the cases sent as requests to their stations. */
function targetLabel(t: TFunction, x: BulkPreviewTarget, total: number): string {
  const state = t(`cases.state.${x.target}`);
  if (x.requested.length === 0) {
    return t('board.bulk.preview.option', { state, count: x.movable.length, total });
  }
  return total === 0
    ? t('board.bulk.preview.optionRequests', { state, count: x.requested.length })
    : t('board.bulk.preview.optionBoth', {
        state,
        count: x.movable.length,
        total,
        requested: x.requested.length,
      });
}
