import { describe, expect, it } from 'vitest';
import { englishErrorWords } from '../../api/error-words';
import { systemActor } from '../audit/append';
import { mutate } from '../core/context';
import { auditSince } from '../people/test/test-calls';
import { requireUnlockedIdentity } from '../signing/identity';
import { testPassphrase } from '../signing/test/test-identity';
import { call, refusal, setUnmarkedCertificate } from '../stations/test/stations-setup';
import { testSecret } from '../test/temp-runtime';
import type { SentRequest } from './case-requests';
import { exchangeThroughFolder, facilityForFile, slow, stationId } from './test/facility-setup';

/**
 * Requests and conflict choices count only from the command post, the station holding the
 * organisation identity (its certificate says so). A floor station is refused before it sends
 * anything; a request or choice that arrives from one anyway (an older or altered app) is refused
 * at the holding station by name, changes nothing there, and the refusal travels back.
 */

const f = facilityForFile();
const laptop = f.floor('NM laptop 2');
const biomed = f.floor('Biomed workstation');

const notFrom = (key: 'requestNotFromCommandPost' | 'choiceNotFromCommandPost') =>
  englishErrorWords({ key, params: { station: 'NM laptop 2' } });

describe('decisions on cases other stations hold', () => {
  it('are refused at a floor station before anything is signed or sent', slow, async () => {
    const board = await laptop.api.value('board.get', { incidentId: laptop.incidentId });
    const row = board.rows.find((r) => r.assetTag === 'NM-0005');
    expect(row?.heldHere).toBe(false);
    const nm5 = { stationId: stationId(biomed), caseId: row?.caseId ?? 0 };
    const words = englishErrorWords({
      key: 'notTheCommandPost',
      params: { station: 'NM laptop 2' },
    });
    const count = (table: string) =>
      laptop.rt.services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    const before = [count('case_requests'), count('bulk_decisions'), count('audit_events')];
    expect(
      await refusal(laptop.rt, 'requests.assign', {
        remoteCases: [nm5],
        assigneeStaffId: 'DEMO-TECH',
      }),
    ).toBe(words);
    expect(
      await refusal(laptop.rt, 'cases.bulkTransition', {
        incidentId: laptop.incidentId,
        caseIds: [],
        remoteCases: [nm5],
        target: 'assessing',
        signoff: { secret: testSecret },
      }),
    ).toBe(words);
    expect(
      await refusal(laptop.rt, 'conflicts.choose', {
        assetTag: 'NM-0005',
        trackingId: 'ICSMA-17-215-02',
        stationId: nm5.stationId,
      }),
    ).toBe(words);
    expect([count('case_requests'), count('bulk_decisions'), count('audit_events')]).toEqual(
      before,
    );
  });

  it(
    'that arrive from a floor station anyway are refused by name there, and the refusal comes back',
    slow,
    async () => {
      const nm5 = biomed.caseOf('NM-0005');
      const biomedId = stationId(biomed);
      const ldb = laptop.rt.services.db;
      // What an older or altered app at the laptop could write: a request and a conflict choice.
      const requestId = mutate({ services: laptop.rt.services, actor: systemActor }, () => {
        const id = Number(
          ldb
            .prepare(
              `INSERT INTO case_requests (station_id, case_id, asset_tag, kind, assignee_staff_id,
               requested_by, requested_at) VALUES (?, ?, 'NM-0005', 'assign', 'DEMO-TECH', 1, ?)`,
            )
            .run(biomedId, nm5, new Date().toISOString()).lastInsertRowid,
        );
        const sent: SentRequest = {
          kind: 'assign',
          assigneeStaffId: 'DEMO-TECH',
          requestId: id,
          stationId: biomedId,
          stationName: 'Biomed workstation',
          caseId: nm5,
          assetTag: 'NM-0005',
          requestedBy: 'someone',
        };
        return {
          value: id,
          audit: [
            {
              action: 'case_request.sent',
              entityType: 'case_request',
              entityId: id,
              payload: { ...sent },
            },
            {
              action: 'case_conflict.decided',
              entityType: 'device',
              entityId: 'NM-0005',
              payload: {
                assetTag: 'NM-0005',
                trackingId: 'ICSMA-17-215-02',
                stationId: stationId(laptop),
                stationName: 'NM laptop 2',
                reason: null,
              },
            },
          ],
        };
      });
      const bdb = biomed.rt.services.db;
      const casesBefore = bdb.prepare('SELECT * FROM cases').all();
      const lastBefore = auditSince(biomed.rt).at(-1)?.id ?? 0;

      await exchangeThroughFolder(f);
      expect(bdb.prepare('SELECT * FROM cases').all()).toEqual(casesBefore);
      expect(bdb.prepare('SELECT count(*) FROM case_held_elsewhere').pluck().get()).toBe(0);
      const answered = auditSince(biomed.rt, lastBefore).map((e) => [e.action, e.payload.reason]);
      expect(answered).toEqual([
        ['case_conflict.choice_refused', notFrom('choiceNotFromCommandPost')],
        ['case_request.answered', notFrom('requestNotFromCommandPost')],
      ]);

      // The refusals travel back in the biomed workstation's next bundle.
      await exchangeThroughFolder(f);
      const row = ldb
        .prepare('SELECT outcome, answer_reason, answer_words FROM case_requests WHERE id = ?')
        .get(requestId);
      expect(row).toEqual({
        outcome: 'refused',
        answer_reason: notFrom('requestNotFromCommandPost'),
        // With its words, for the laptop's language.
        answer_words: JSON.stringify({
          key: 'requestNotFromCommandPost',
          params: { station: 'NM laptop 2' },
        }),
      });
      const arrived = ldb
        .prepare(
          `SELECT count(*) FROM station_events WHERE station_id = ?
            AND body ->> '$.action' = 'case_conflict.choice_refused'`,
        )
        .pluck()
        .get(biomedId);
      expect(arrived).toBe(1);

      // The same request from the command post is applied.
      const sent = await f.post.api.value('requests.assign', {
        remoteCases: [{ stationId: biomedId, caseId: nm5 }],
        assigneeStaffId: 'DEMO-TECH',
      });
      expect(sent.requested).toHaveLength(1);
      await exchangeThroughFolder(f);
      const assigned = await biomed.api.value('cases.get', { caseId: nm5 });
      expect(assigned.assignee?.name).toBe('Zoë Brändli (demo)');
    },
  );

  it(
    'from a command post enrolled before certificates marked it say how to renew it; renewed, its requests are applied',
    slow,
    async () => {
      const { services } = f.post.rt;
      await call(f.post.rt, 'signing.unlock', { passphrase: testPassphrase });
      // What such a command post holds: a station certificate from its own authority, unmarked.
      setUnmarkedCertificate(
        services.db,
        requireUnlockedIdentity(services).privateKey,
        services.clock.now(),
      );
      const before = await call(f.post.rt, 'stations.status', {});
      expect([before.commandPost, before.renewCommandPost]).toEqual([false, true]);
      expect((await call(laptop.rt, 'stations.status', {})).renewCommandPost).toBe(false);

      const biomedId = stationId(biomed);
      const assign = {
        remoteCases: [{ stationId: biomedId, caseId: biomed.caseOf('NM-0005') }],
        assigneeStaffId: 'DEMO-BIOMED',
      };
      const refused = await refusal(f.post.rt, 'requests.assign', assign);
      expect(refused).toBe(englishErrorWords({ key: 'commandPostCertificateOld', params: {} }));
      expect(refused).toContain('Renew it on the Exchange page');
      // Only the station holding the organisation identity renews its certificate so.
      expect(await refusal(laptop.rt, 'stations.renewCommandPost', {})).toBe(
        englishErrorWords({ key: 'renewNotTheIdentity', params: { station: 'NM laptop 2' } }),
      );
      // The floor station's refusal of a request from it says the same way out.
      expect(notFrom('requestNotFromCommandPost')).toContain('renew it there on the Exchange page');

      const renewed = await call(f.post.rt, 'stations.renewCommandPost', {});
      expect([renewed.commandPost, renewed.renewCommandPost]).toEqual([true, false]);
      const sent = await f.post.api.value('requests.assign', assign);
      expect(sent.requested).toHaveLength(1);
      await exchangeThroughFolder(f);
      const assigned = await biomed.api.value('cases.get', {
        caseId: assign.remoteCases[0]?.caseId ?? 0,
      });
      expect(assigned.assignee?.name).toBe('Łukasz Wróbel (demo)');
    },
  );
});
