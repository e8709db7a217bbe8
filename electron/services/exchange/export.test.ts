import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent, systemActor } from '../audit/append';
import { call, enrol, startCommandPost, startFloorStation } from '../stations/test/stations-setup';
import { tempDir, type TestRuntime } from '../test/temp-runtime';
import { readPayload } from './bundle-format';
import { envelopeSignatureValid, openEnvelope } from './cms';

let post: TestRuntime;
let floor: TestRuntime;
let folder: ReturnType<typeof tempDir>;

beforeAll(async () => {
  post = await startCommandPost();
  floor = await startFloorStation('Säule Nord');
  await enrol(post, floor);
  folder = tempDir('standalone-export-folder-');
}, 300_000);
afterAll(() => {
  post.cleanup();
  floor.cleanup();
  folder.cleanup();
});

describe('bundle export', () => {
  it('writes multi-byte text and an event larger than its write buffer exactly as hashed', async () => {
    const db = floor.services.db;
    // Three bytes per character in UTF-8, and a surrogate pair: about 6 MB for one event.
    const note = 'Prüfung ✓ 🩺 '.repeat(400_000);
    db.transaction(() => {
      for (const [entityId, text] of [
        ['Ä-1', note],
        ['Ä-2', 'kurz'],
      ] as const) {
        appendAuditEvent(db, floor.clock.now(), {
          actor: systemActor,
          action: 'device.noted',
          entityType: 'device',
          entityId,
          payload: { note: text },
        });
      }
    })();
    const exported = await call(floor, 'exchange.export', { outDir: folder.dir });
    const bytes = fs.readFileSync(exported.file);
    expect(bytes.length).toBe(exported.bytes);
    expect(fs.readdirSync(folder.dir)).toEqual([exported.file.split('/').at(-1)]);
    const envelope = openEnvelope(bytes);
    expect(envelopeSignatureValid(envelope)).toBe(true);
    const { header, events } = readPayload(envelope.payload);
    expect(header.station.name).toBe('Säule Nord');
    expect(events.length).toBe(exported.events);
    expect(events.map((e) => e.payload)).toContainEqual({ note });
    const report = await call(post, 'exchange.import', {
      files: [exported.file],
    });
    expect(report.outcomes.map((o) => o.status)).toEqual(['applied']);
  });
});
