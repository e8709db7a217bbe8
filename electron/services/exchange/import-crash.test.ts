/**
 * All or nothing under SIGKILL: a process importing a bundle of thousands of events is killed at
 * random moments; after each kill the database passes integrity_check and holds either every
 * event of the bundle (with the station's head) or none of them.
 *
 * Kills: STANDALONE_CRASH_KILLS, else 500 under `npm run test:soak`, else 25.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleExport } from '../../api/domains/exchange';
import { systemActor } from '../audit/append';
import { mutate } from '../core/context';
import { databaseFileName } from '../db/open';
import { stationKeyFileName } from '../stations/station-key';
import { call, enrol, startCommandPost, startFloorStation } from '../stations/test/stations-setup';
import { repoRoot, tempDir } from '../test/temp-runtime';

const soak = process.env.npm_lifecycle_event === 'test:soak';
const kills = Number(process.env.STANDALONE_CRASH_KILLS ?? (soak ? 500 : 25));
const eventCount = 20_000;

let pristine: ReturnType<typeof tempDir>;
let work: ReturnType<typeof tempDir>;
let bundle: BundleExport;
let floorId: string;

beforeAll(async () => {
  const post = await startCommandPost();
  const floor = await startFloorStation('NM laptop 2');
  pristine = tempDir('standalone-import-crash-post-');
  work = tempDir('standalone-import-crash-');
  try {
    await enrol(post, floor);
    // Thousands of events at the floor, so that applying them takes a while to kill into.
    mutate({ services: floor.services, actor: systemActor }, () => ({
      value: null,
      audit: Array.from({ length: eventCount }, (_, i) => ({
        action: 'test.work',
        entityType: 'test',
        entityId: i,
        payload: { step: i, note: 'work recorded at the floor station' },
      })),
    }));
    bundle = await call(floor, 'exchange.export', { outDir: work.dir });
    floorId = bundle.stationId;
  } finally {
    floor.cleanup();
    post.close();
  }
  for (const name of [databaseFileName, stationKeyFileName]) {
    fs.copyFileSync(path.join(post.dir, name), path.join(pristine.dir, name));
  }
  fs.rmSync(post.dir, { recursive: true, force: true });
}, 300_000);
afterAll(() => {
  pristine.cleanup();
  work.cleanup();
});

function freshCopy(n: number): string {
  const dir = path.join(work.dir, `post-${n}`);
  fs.mkdirSync(dir);
  for (const name of fs.readdirSync(pristine.dir)) {
    fs.copyFileSync(path.join(pristine.dir, name), path.join(dir, name));
  }
  return dir;
}

/** Import in a child process; kill it `afterMs` after it is ready (never, if undefined). */
function importAndKill(
  dataDir: string,
  afterMs?: number,
): Promise<{ finished: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/services/exchange/test/import-child.ts', dataDir, bundle.file],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let readyAt = 0;
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (!readyAt && out.includes('ready\n')) {
        readyAt = performance.now();
        if (afterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.on('error', reject);
    child.on('close', () =>
      resolve({ finished: out.includes('done {"ok":true'), ms: performance.now() - readyAt }),
    );
  });
}

function stateOf(dataDir: string): { integrity: string; events: number; headId: number | null } {
  const db = new Database(path.join(dataDir, databaseFileName), { fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      events: db
        .prepare('SELECT count(*) FROM station_events WHERE station_id = ?')
        .pluck()
        .get(floorId) as number,
      headId:
        (db.prepare('SELECT head_id FROM stations WHERE station_id = ?').pluck().get(floorId) as
          number | null | undefined) ?? null,
    };
  } finally {
    db.close();
  }
}

describe('bundle import under SIGKILL', () => {
  it(
    `applies a bundle wholly or not at all across ${kills} kills`,
    { timeout: 1_800_000 },
    async () => {
      // One undisturbed import measures how long applying takes, so kills land inside it.
      const measured = await importAndKill(freshCopy(0));
      expect(measured.finished).toBe(true);
      expect(stateOf(path.join(work.dir, 'post-0'))).toEqual({
        integrity: 'ok',
        events: bundle.events,
        headId: bundle.headId,
      });
      let whole = 0;
      let none = 0;
      for (let n = 1; n <= kills; n++) {
        const dir = freshCopy(n);
        const at = Math.random() * measured.ms;
        await importAndKill(dir, at);
        const state = stateOf(dir);
        expect(state.integrity, `kill ${n} at ${at.toFixed(0)} ms`).toBe('ok');
        if (state.events === 0) {
          expect(state.headId, `kill ${n}: events gone but head moved`).toBeNull();
          none++;
        } else {
          expect(state, `kill ${n} at ${at.toFixed(0)} ms left part of the bundle`).toEqual({
            integrity: 'ok',
            events: bundle.events,
            headId: bundle.headId,
          });
          whole++;
        }
        fs.rmSync(dir, { recursive: true, force: true });
      }
      console.log(`import under SIGKILL: ${kills} kills, ${whole} whole, ${none} none`);
      expect(whole + none).toBe(kills);
    },
  );
});
