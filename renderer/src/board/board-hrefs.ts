/** The board keeps its sub-views in the hash like the other pages: `#/board/case/42`. */
export const boardHref = () => '#/board';
export const boardCaseHref = (caseId: number) => `#/board/case/${caseId}`;
export const boardReportsHref = () => '#/board/reports';
