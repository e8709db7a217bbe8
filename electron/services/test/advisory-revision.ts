import fs from 'node:fs';
import path from 'node:path';

interface CsafTracking {
  document: {
    tracking: {
      version: string;
      current_release_date: string;
      revision_history: { date: string; number: string; summary: string }[];
    };
  };
  vulnerabilities: { scores?: unknown[] }[];
}

/**
 * The app's bundled ICSMA-17-215-02 as its publisher's revision 2, as a CSAF file's text: the
 * newer revision that sends the open cases relying on version 1 back for review. With
 * `withoutScores`, revision 2 carries no CVSS scores, so that a case ranked by it ranks
 * differently from one ranked by revision 1.
 */
export function bundledAdvisoryRevisionTwo(
  summary: string,
  options: { withoutScores?: boolean } = {},
): string {
  const file = path.resolve(
    import.meta.dirname,
    '../../../resources/advisories/icsma-17-215-02.json',
  );
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as CsafTracking;
  const date = '2017-08-10T00:00:00.000Z';
  doc.document.tracking.version = '2';
  doc.document.tracking.current_release_date = date;
  doc.document.tracking.revision_history.push({ date, number: '2', summary });
  if (options.withoutScores) for (const v of doc.vulnerabilities) delete v.scores;
  return JSON.stringify(doc, null, 2);
}
