import { useRef } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseActionOption } from '../../../electron/api/domains/cases';
import type { ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { AdvisoryDetails, CaseHeader } from './CaseHeader';
import { CaseHistory } from './CaseHistory';
import { ChecklistPanel } from './ChecklistPanel';
import { GatePanel } from './GatePanel';
import { NextStepPanel } from './NextStepPanel';
import { OtherSteps } from './OtherSteps';
import { HandOnPanel } from './HandOnPanel';
import { HeldElsewhereNotice, workedElsewhere } from './HeldElsewhereNotice';
import { ReviewNotices } from './ReviewNotices';
import { CasePriorityPanel } from '../threats/CasePriorityPanel';
import { SignoffsPanel } from './SignoffsPanel';
import { useCase } from './use-case';

/** States in which the patient-safety gate is the question of the moment. */
const gateStates = new Set(['at_risk', 'assessing', 'deferred']);

/**
 * The on-floor case screen: the device and its advisory, the state, the one next step (never
 * below the fold at 1280×800), the checklist of the phase, then sign-offs, other steps, history.
 */
export function CasePage({
  caseId,
  backHref,
  backLabel,
}: {
  caseId: number;
  backHref: string;
  backLabel: string;
}) {
  const { t } = useTranslation();
  const handle = useCase(caseId);
  const pageRef = useRef<HTMLDivElement>(null);
  const { detail, loadError } = handle;

  if (loadError && !detail) {
    return (
      <div className="case-page">
        <Link className="back-link" href={backHref}>
          {backLabel}
        </Link>
        <ErrorMessage error={loadError} onRetry={handle.reload} />
      </div>
    );
  }
  if (!detail) return <p className="loading-text">{t('cases.loading')}</p>;

  // After a step the button that was pressed may be gone: bring the new next step into view.
  const focusNext = () =>
    requestAnimationFrame(() => {
      pageRef.current?.querySelector<HTMLElement>('#next-step-title')?.focus();
    });
  const take = async (
    option: CaseActionOption,
    extra: { reason?: string; recheckAt?: string },
  ): Promise<ApiError | undefined> => {
    const result = await handle.transition(option.target, extra);
    if (!result.ok) return result.error;
    focusNext();
    return undefined;
  };
  const quarantine = async (reason: string) => {
    const result = await handle.quarantine(reason);
    if (!result.ok) return result.error;
    focusNext();
    return undefined;
  };

  // Handed on: the notice at the top of the page says where the case is worked now.
  const handedOn = () => {
    handle.reload();
    pageRef.current?.scrollIntoView({ block: 'start' });
  };

  const showGate =
    gateStates.has(detail.state) || detail.phaseSections.includes('patient_safety_gate');
  // While assessing, the questions come first in the main column; the gate's verdict beside them.
  const gateBeside = detail.state === 'assessing';
  return (
    <div className="case-page" ref={pageRef} data-testid="case-page">
      <Link className="back-link" href={backHref}>
        {backLabel}
      </Link>
      <CaseHeader detail={detail} />
      <HeldElsewhereNotice detail={detail} />
      <ReviewNotices detail={detail} onAcknowledged={handle.reload} />
      {/* A case worked at another station has its priority there. */}
      {workedElsewhere(detail) ? null : (
        <CasePriorityPanel caseId={detail.caseId} version={detail.updatedAt} />
      )}
      <div className="case-grid">
        <div className="case-main">
          {/* A case held at another station takes no step here: its guard would refuse it. */}
          {workedElsewhere(detail) ? null : <NextStepPanel detail={detail} take={take} />}
          {showGate && !gateBeside ? <GatePanel gate={detail.gate} /> : null}
          <ChecklistPanel detail={detail} save={handle.answer} pending={handle.pending} />
        </div>
        <div className="case-side">
          {showGate && gateBeside ? <GatePanel gate={detail.gate} /> : null}
          <SignoffsPanel key={detail.state} detail={detail} onChanged={handle.reload} />
          {workedElsewhere(detail) ? null : (
            <>
              <OtherSteps detail={detail} take={take} quarantine={quarantine} />
              <HandOnPanel detail={detail} onHandedOn={handedOn} />
            </>
          )}
          <AdvisoryDetails detail={detail} />
          <CaseHistory detail={detail} />
        </div>
      </div>
    </div>
  );
}
