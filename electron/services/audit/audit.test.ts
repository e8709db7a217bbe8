import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutate } from '../core/context';
import { startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { appendAuditEvent, systemActor } from './append';
import {
  bodyNamesEntity,
  canonicalEventJson,
  entityFragment,
  genesisHash,
  prevHashOfBody,
  sha256Hex,
  type HashedEventFields,
} from './hash';
import { verifyAuditChain } from './verify';

let rt: TestRuntime;
beforeEach(() => {
  rt = startTestRuntime();
});
afterEach(() => rt.cleanup());

function appendEvents(n: number): void {
  const { db } = rt.services;
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      appendAuditEvent(db, rt.clock.now(), {
        actor: { userId: i % 3 === 0 ? null : i, role: i % 3 === 0 ? 'system' : 'biomed' },
        action: 'test.event',
        entityType: 'device',
        entityId: `NM-${i}`,
        payload: { n: i, note: `Zürich Ørsted Łukasz ${i}`, nested: { b: [1, 2], a: null } },
      });
    }
  })();
}

const exec = (sql: string, ...params: unknown[]) => rt.services.db.prepare(sql).run(...params);

/** 20 events appended and `statements` run on them in one transaction: what the verification names. */
function firstBadAfter(...statements: string[]) {
  appendEvents(20);
  rt.services.db.transaction(() => {
    for (const sql of statements) exec(sql);
  })();
  return verifyAuditChain(rt.services.db).firstBad;
}

/** 20 events appended and `sql` run on them: the verification names event `id`, saying `why`. */
function expectFirstBadAfter(sql: string, id: number, why: string): void {
  expect(firstBadAfter(sql)).toEqual({
    id,
    reason: expect.stringContaining(why) as string,
    problem: expect.objectContaining({ kind: expect.any(String) as string }) as object,
  });
}

describe('the audit chain', () => {
  it('hashes each event as SHA-256 of the RFC 8785 canonical JSON of the event with its previous hash', () => {
    appendEvents(3);
    const rows = rt.services.db.prepare('SELECT * FROM audit_events ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    let prev = genesisHash;
    for (const r of rows) {
      const body = JSON.parse(String(r.body)) as Record<string, unknown>;
      const event = {
        id: r.id,
        time: body.time,
        actorUserId: body.actorUserId,
        actorRole: body.actorRole,
        action: body.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        payload: body.payload,
        prevHash: prev,
      };
      const expected = createHash('sha256')
        .update(canonicalize(event) ?? '')
        .digest('hex');
      expect(r.hash).toBe(expected);
      prev = expected;
    }
  });

  it('builds the same canonical JSON as an RFC 8785 library for any event', () => {
    const jsonValue = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(
        fc.record({
          id: fc.nat(),
          time: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          actorUserId: fc.option(fc.nat()),
          actorRole: fc.string(),
          action: fc.string(),
          entityType: fc.string(),
          entityId: fc.option(fc.string()),
          payload: fc.oneof(
            jsonValue,
            fc.constant({
              prevHash: 'f'.repeat(64),
              id: 1,
              entityId: 'x',
              nested: { ',"entityId":': 1 },
            }),
          ),
          prevHash: fc.stringMatching(/^[0-9a-f]{64}$/),
        }),
        (e) => {
          const fields: HashedEventFields = { ...e, payload: canonicalize(e.payload) ?? 'null' };
          const body = canonicalEventJson(fields);
          expect(body).toBe(canonicalize(e));
          // Hostile strings and nested look-alike keys must not fool the fast field readers.
          expect(prevHashOfBody(body)).toBe(e.prevHash);
          expect(bodyNamesEntity(body, e)).toBe(true);
          expect(bodyNamesEntity(body, { ...e, id: e.id + 1 })).toBe(false);
          expect(bodyNamesEntity(body, { ...e, entityId: `${e.entityId ?? ''}x` })).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads the entity in place exactly as the whole entity fragment would', () => {
    // Strings with quotes, backslashes, control characters and lone surrogates take the escaped path.
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('"', '\\', '\n'),
    );
    const entity = fc.record({ id: fc.nat(), entityType: text, entityId: fc.option(text) });
    fc.assert(
      fc.property(entity, entity, fc.boolean(), fc.boolean(), (e, other, sameType, sameId) => {
        const body = canonicalEventJson({
          ...e,
          time: '2026-11-28T08:00:00.000Z',
          actorUserId: null,
          actorRole: 'system',
          action: 'x',
          payload: '{}',
          prevHash: genesisHash,
        });
        const asked = {
          id: sameType && sameId ? e.id : other.id,
          entityType: sameType ? e.entityType : other.entityType,
          entityId: sameId ? e.entityId : other.entityId,
        };
        const at = body.indexOf(',"entityId":');
        expect(bodyNamesEntity(body, asked)).toBe(body.startsWith(entityFragment(asked), at));
        expect(bodyNamesEntity(body, e)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('verifies a chain longer than one page of events, and names a gap where a page ends', () => {
    appendEvents(600);
    expect(verifyAuditChain(rt.services.db)).toMatchObject({ ok: true, eventCount: 600 });
    exec('DELETE FROM audit_events WHERE id IN (256, 257)');
    expect(verifyAuditChain(rt.services.db)).toMatchObject({
      eventCount: 255,
      firstBad: {
        id: 258,
        reason: expect.stringContaining('256–257 before it are missing'),
        problem: { kind: 'missing_before', from: 256, to: 257 },
      },
    });
  });

  it('verifies an intact chain', () => {
    appendEvents(50);
    expect(verifyAuditChain(rt.services.db)).toMatchObject({
      ok: true,
      eventCount: 50,
      firstBad: null,
    });
  });

  it('names the event whose payload was edited', () => {
    expectFirstBadAfter(
      `UPDATE audit_events SET body = json_set(body, '$.payload.n', 999) WHERE id = 7`,
      7,
      'edited',
    );
  });

  it('names the event whose actor was edited even when the payload is untouched', () => {
    appendEvents(20);
    exec(
      `UPDATE audit_events SET body = replace(body, '"actorRole":"biomed"', '"actorRole":"admin"') WHERE id = 11`,
    );
    expect(verifyAuditChain(rt.services.db).firstBad?.id).toBe(11);
  });

  it('names the event whose indexed entity no longer matches its hashed body', () => {
    expectFirstBadAfter(`UPDATE audit_events SET entity_id = 'NM-999' WHERE id = 3`, 3, 'columns');
  });

  it('names the event after a deleted one', () => {
    expectFirstBadAfter('DELETE FROM audit_events WHERE id = 9', 10, '9 before it are missing');
  });

  it('names the missing tail when the last events are deleted', () => {
    expectFirstBadAfter('DELETE FROM audit_events WHERE id >= 18', 18, '18–20');
  });

  it('names the first of two reordered events', () => {
    // Swap everything but the ids of events 5 and 6.
    const swapped = firstBadAfter(
      'UPDATE audit_events SET id = -5 WHERE id = 5',
      'UPDATE audit_events SET id = 5 WHERE id = 6',
      'UPDATE audit_events SET id = 6 WHERE id = -5',
    );
    expect(swapped?.id).toBe(5);
  });

  it('names an event inserted into the middle of the chain', () => {
    const inserted = firstBadAfter(
      'UPDATE audit_events SET id = id + 1000 WHERE id >= 11',
      'UPDATE audit_events SET id = id - 999 WHERE id >= 1011',
      `INSERT INTO audit_events SELECT 11, entity_type, entity_id, body, hash FROM audit_events WHERE id = 10`,
      'UPDATE audit_head SET last_id = 21',
    );
    expect(inserted?.id).toBe(11);
  });

  it('names an event appended behind the services’ back', () => {
    appendEvents(5);
    exec(
      `INSERT INTO audit_events SELECT 6, entity_type, entity_id, body, hash FROM audit_events WHERE id = 5`,
    );
    expect(verifyAuditChain(rt.services.db).firstBad?.id).toBe(6);
  });

  it('names the next event when an edited event was re-hashed to hide the edit', () => {
    appendEvents(10);
    const { db } = rt.services;
    const body = db.prepare('SELECT body FROM audit_events WHERE id = 4').pluck().get() as string;
    const forged = body.replace('"n":4', '"n":40');
    exec('UPDATE audit_events SET body = ?, hash = ? WHERE id = 4', forged, sha256Hex(forged));
    expect(verifyAuditChain(db).firstBad).toEqual({
      id: 5,
      reason: expect.stringContaining('link'),
      problem: { kind: 'link_broken' },
    });
  });

  it('refuses to append outside a transaction', () => {
    expect(() =>
      appendAuditEvent(rt.services.db, rt.clock.now(), {
        actor: systemActor,
        action: 'x',
        entityType: 'y',
      }),
    ).toThrow(/transaction/);
  });

  it('commits a change and its event together, or neither', () => {
    const ctx = { services: rt.services, actor: systemActor };
    const { db } = rt.services;
    expect(() =>
      mutate(ctx, () => {
        db.prepare("INSERT INTO settings (key, value) VALUES ('a', '1')").run();
        throw new Error('the change failed half-way');
      }),
    ).toThrow('half-way');
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(0);
    mutate(ctx, () => {
      db.prepare("INSERT INTO settings (key, value) VALUES ('a', '1')").run();
      return {
        value: null,
        audit: { action: 'setting.changed', entityType: 'setting', entityId: 'a' },
      };
    });
    expect(db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(1);
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});
