import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signInAs, startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { errorWordsIn } from '../../api/error-words';
import { runDueBackups } from './scheduler';
import { cleanupAfterEach } from '../test/cleanups';

const { folder, later } = cleanupAfterEach();

async function setUp(): Promise<{ rt: TestRuntime; dir: string }> {
  const rt = startTestRuntime('2026-11-28T08:00:00.000Z');
  later(rt.cleanup);
  const dir = folder('standalone-auto-backups-');
  await rt.client().value('demo.load', {});
  await signInAs(rt, 'admin');
  return { rt, dir };
}

const minutes = (n: number) => n * 60_000;
const at = (rt: TestRuntime, offset: number) => new Date(rt.clock.now().getTime() + offset);

describe('automatic backups', () => {
  it('are off until turned on, then run on their interval and keep only the newest', async () => {
    const { rt, dir } = await setUp();
    expect(await rt.client().value('backup.getSettings', {})).toMatchObject({
      settings: { automatic: false, folder: null },
      folder: path.join(rt.dir, 'backups'),
      nextDueAt: null,
    });
    expect((await runDueBackups(rt.services, at(rt, 0))).outcome).toBe('off');

    const status = await rt.client().value('backup.setSettings', {
      automatic: true,
      folder: dir,
      intervalMinutes: 30,
      keep: 2,
    });
    expect(status).toMatchObject({
      folder: dir,
      lastAutomatic: null,
      nextDueAt: rt.clock.now().toISOString(),
    });

    // A backup taken by hand is never pruned.
    const manual = await rt.client().value('backup.create', { folder: dir });

    const first = await runDueBackups(rt.services, at(rt, minutes(1)));
    expect(first.outcome).toBe('created');
    expect(first.created?.fileName).toMatch(
      /^standalone-2026-11-28T080100Z-schema\d+-auto\.sqlite$/,
    );
    expect((await runDueBackups(rt.services, at(rt, minutes(30)))).outcome).toBe('not_due');
    expect((await runDueBackups(rt.services, at(rt, minutes(31)))).outcome).toBe('created');
    const third = await runDueBackups(rt.services, at(rt, minutes(61)));
    expect(third.outcome).toBe('created');
    // keep: 2 — the oldest automatic one goes, with its checksum and manifest.
    expect(third.removed).toEqual([first.created?.file]);
    const names = fs.readdirSync(dir);
    expect(
      names.filter((n) => n.startsWith(path.basename(first.created?.file ?? '', '.sqlite'))),
    ).toEqual([]);
    const list = await rt.client().value('backup.list', {});
    expect(list.map((b) => b.kind)).toEqual(['automatic', 'automatic', 'manual']);
    expect(list.at(-1)?.file).toBe(manual.file);

    const after = await rt.client().value('backup.getSettings', {});
    expect(after.lastAutomatic?.file).toBe(third.created?.file);
    expect(after.nextDueAt).toBe(
      new Date(at(rt, minutes(61)).getTime() + minutes(30)).toISOString(),
    );
  });

  it('reports a failing backup folder in the status and recovers when it works again', async () => {
    const { rt, dir } = await setUp();
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, 'a file where the folder should be');
    await rt.client().value('backup.setSettings', {
      automatic: true,
      folder: blocked,
      intervalMinutes: 5,
      keep: 3,
    });
    const failed = await runDueBackups(rt.services, at(rt, 0));
    expect(failed.outcome).toBe('failed');
    expect(failed.error).toContain(blocked);
    const status = await rt.client().value('backup.getSettings', {});
    expect(status.lastError?.message).toBe(failed.error);
    // Said in the reader's language from its words, not as the services' English.
    const words = status.lastError?.words;
    if (!words) throw new Error('the failure has no words');
    const german = errorWordsIn('de', words);
    expect(german).toContain(blocked);
    expect(german).not.toBe(errorWordsIn('en', words));
    expect(german.replaceAll(blocked, '')).not.toMatch(/\b(the|is|not|folder|choose)\b/);

    await rt.client().value('backup.setSettings', {
      automatic: true,
      folder: dir,
      intervalMinutes: 5,
      keep: 3,
    });
    expect((await runDueBackups(rt.services, at(rt, minutes(1)))).outcome).toBe('created');
    expect((await rt.client().value('backup.getSettings', {})).lastError).toBeNull();
  });

  it('refuses settings out of range or with a relative folder', async () => {
    const { rt } = await setUp();
    for (const input of [
      { automatic: true, folder: null, intervalMinutes: 1, keep: 3 },
      { automatic: true, folder: null, intervalMinutes: 60, keep: 0 },
      { automatic: true, folder: 'backups', intervalMinutes: 60, keep: 3 },
    ]) {
      const r = await rt.client().call('backup.setSettings', input);
      expect(r.ok ? 'ok' : r.error.code).toBe('invalid_input');
    }
  });
});
