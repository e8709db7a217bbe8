import type { ReactNode } from 'react';
import { CasePage } from './CasePage';
import { idFromSegment, useHashPath } from './hash-path';

/** The case a page's path opens in place (`…/case/42`, from segment `at`), if any. */
export function openedCaseId(path: readonly string[], at = 0): number | undefined {
  return path[at] === 'case' ? idFromSegment(path[at + 1]) : undefined;
}

/** A page's own view, or the case its path opens in place (`#/board/case/42`) with a way back. */
export function CaseInPlace(props: { backHref: string; backLabel: string; children: ReactNode }) {
  const caseId = openedCaseId(useHashPath());
  if (caseId === undefined) return props.children;
  return (
    <CasePage key={caseId} caseId={caseId} backHref={props.backHref} backLabel={props.backLabel} />
  );
}
