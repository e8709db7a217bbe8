import { describe, expect, it } from 'vitest';
import type { CaseRequest } from '../../../electron/api/domains/case-requests';
import { activitySentence } from '../../../electron/api/activity-sentence';
import { errorWordsIn } from '../../../electron/api/error-words';
import { systemActor } from '../../../electron/services/audit/append';
import { mutate } from '../../../electron/services/core/context';
import type { RequestAnswer } from '../../../electron/services/exchange/case-requests';
import {
  exchangeThroughFolder,
  facilityForFile,
  slow,
  stationId,
} from '../../../electron/services/exchange/test/facility-setup';
import { refusal } from '../../../electron/services/stations/test/stations-setup';
import { testSecret } from '../../../electron/services/test/temp-runtime';
import { pdfWords } from '../../../electron/services/pdf/words';
import { activitySentence as pdfSentence } from '../../../electron/services/reports/activity-words';
import { pdfLookup } from '../components/report-words';
import { tFor } from '../i18n/test/translator';
import { refusalSentence } from './refusal-words';

/**
 * A request the station holding a case refuses comes back with that station's English sentence
 * and the errors catalogue's words: the command post reads the refusal in its own language. Two
 * data folders: the command post and one floor station holding NM-0007, in Assessing.
 */
const f = facilityForFile({
  devices: { post: ['NM-0001'], floors: [['NM laptop 2', ['NM-0007']]] },
  async prepare() {
    const laptop = f.floor('NM laptop 2');
    await laptop.api.value('cases.transition', {
      caseId: laptop.caseOf('NM-0007'),
      target: 'assessing',
    });
  },
});
const laptop = f.floor('NM laptop 2');
const recheckAt = '2017-08-03T15:00:00.000Z';

async function requestFor(tag: string, kind: CaseRequest['kind']): Promise<CaseRequest> {
  const { requests } = await f.post.api.value('requests.list', {});
  const found = requests.find((r) => r.assetTag === tag && r.kind === kind);
  if (!found) throw new Error(`no ${kind} request for ${tag}`);
  return found;
}

describe('a refusal from the station holding a case', () => {
  it('is worded at the reader in the reader’s language', slow, async () => {
    const nm7 = { stationId: stationId(laptop), caseId: laptop.caseOf('NM-0007') };
    await f.post.api.value('cases.bulkTransition', {
      incidentId: f.post.incidentId,
      caseIds: [],
      remoteCases: [nm7],
      target: 'deferred',
      recheckAt,
      reason: 'Scan running; decide after the session.',
      signoff: { secret: testSecret },
    });
    await f.post.api.value('requests.assign', {
      remoteCases: [nm7],
      assigneeStaffId: 'NOT-HERE-1',
    });
    // The laptop's own words for the same step.
    const localWords = await refusal(laptop.rt, 'cases.transition', {
      caseId: nm7.caseId,
      target: 'deferred',
      recheckAt,
    });
    await exchangeThroughFolder(f);
    await exchangeThroughFolder(f);

    const [de, en] = [await tFor('de'), await tFor('en')];
    const deferral = await requestFor('NM-0007', 'transition');
    expect(deferral.outcome).toBe('refused');
    expect(deferral.answerReason).toBe(localWords);
    const deferralWords = deferral.answerWords;
    if (!deferralWords) throw new Error('the refusal came back without its words');
    expect(refusalSentence(en, deferral)).toBe(localWords);
    const german = refusalSentence(de, deferral);
    expect(german).toBe(errorWordsIn('de', deferralWords));
    expect(german).not.toBe(localWords);

    const assign = await requestFor('NM-0007', 'assign');
    expect(assign.answerWords).toEqual({
      key: 'requestNoStaff',
      params: { staffId: 'NOT-HERE-1' },
    });
    expect(refusalSentence(en, assign)).toBe(
      'No one with staff ID NOT-HERE-1 has an account at the station holding the case: the case was not assigned there. Check the staff ID, or assign someone who works there.',
    );
    expect(refusalSentence(de, assign)).toBe(
      'Niemand mit der Personalnummer NOT-HERE-1 hat an der Station, die den Fall führt, ein Konto: Der Fall wurde dort nicht zugewiesen. Prüfen Sie die Personalnummer oder weisen Sie den Fall jemandem zu, der dort arbeitet.',
    );

    // The command post's HICS 214 says what the laptop did, on screen and in the PDF, in the
    // reader's language.
    const hics214 = await f.post.api.value('reports.hics214', { incidentId: f.post.incidentId });
    const refusals = hics214.entries
      .filter((e) => e.station === 'NM laptop 2')
      .flatMap((e) => e.activities)
      .filter((a) => a.words.key === 'requestRefused');
    expect(refusals.map((a) => a.activity)).toEqual([
      `Refused the request of Command post for NM-0007: ${localWords}`,
      `Refused the request of Command post for NM-0007: ${refusalSentence(en, assign)}`,
    ]);
    const screenDe = pdfLookup(de);
    expect(refusals.map((a) => activitySentence(screenDe, a.words))).toEqual([
      `Anfrage von Command post zu NM-0007 abgelehnt: ${german}`,
      `Anfrage von Command post zu NM-0007 abgelehnt: ${refusalSentence(de, assign)}`,
    ]);
    expect(refusals.map((a) => pdfSentence(pdfWords('de'), a.words))).toEqual(
      refusals.map((a) => activitySentence(screenDe, a.words)),
    );
    expect(refusals.map((a) => activitySentence(pdfLookup(en), a.words))).toEqual(
      refusals.map((a) => a.activity),
    );
  });

  it(
    'from an app that sent only its sentence, or words this app lacks, shows the sentence',
    slow,
    async () => {
      const nm7 = { stationId: stationId(laptop), caseId: laptop.caseOf('NM-0007') };
      const postId = stationId(f.post);
      const sent: number[] = [];
      for (const staffId of ['OLD-APP-1', 'NEW-APP-1']) {
        const { requested } = await f.post.api.value('requests.assign', {
          remoteCases: [nm7],
          assigneeStaffId: staffId,
        });
        sent.push(requested[0]?.id ?? 0);
      }
      const oldWords = 'No one with staff ID OLD-APP-1 works here.';
      const newWords = 'No one with staff ID NEW-APP-1 works here (a newer app).';
      // What the laptop's answers would be from an older app (a sentence only) and a newer one
      // (words of a key this app's catalogue does not have), before it reads the requests.
      mutate({ services: laptop.rt.services, actor: systemActor }, () => ({
        value: undefined,
        audit: [
          [sent[0] ?? 0, oldWords, undefined],
          [sent[1] ?? 0, newWords, { key: 'aKeyOfANewerApp', params: { staffId: 'NEW-APP-1' } }],
        ].map(([requestId, reason, words]) => {
          const answer: Omit<RequestAnswer, 'words'> & { words?: unknown } = {
            request: {
              stationId: postId,
              stationName: 'Command post',
              requestId: Number(requestId),
            },
            caseId: nm7.caseId,
            assetTag: 'NM-0007',
            outcome: 'refused',
            reason: String(reason),
            missing: [],
            ...(words ? { words } : {}),
          };
          return {
            action: 'case_request.answered',
            entityType: 'case_request',
            entityId: `${postId}:${String(requestId)}`,
            payload: { ...answer },
          };
        }),
      }));
      await exchangeThroughFolder(f);

      const de = await tFor('de');
      const { requests } = await f.post.api.value('requests.list', {});
      const answered = sent.map((id) => requests.find((r) => r.id === id));
      expect(answered.map((r) => [r?.outcome, r?.answerReason, r?.answerWords])).toEqual([
        ['refused', oldWords, null],
        ['refused', newWords, null],
      ]);
      expect(answered.map((r) => r && refusalSentence(de, r))).toEqual([oldWords, newWords]);
      const hics214 = await f.post.api.value('reports.hics214', {
        incidentId: f.post.incidentId,
      });
      const lines = hics214.entries
        .flatMap((e) => e.activities)
        .map((a) => activitySentence(pdfLookup(de), a.words));
      expect(lines).toEqual(
        expect.arrayContaining([
          `Anfrage von Command post zu NM-0007 abgelehnt: ${oldWords}`,
          `Anfrage von Command post zu NM-0007 abgelehnt: ${newWords}`,
        ]),
      );
    },
  );
});
