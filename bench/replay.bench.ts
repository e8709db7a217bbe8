import path from 'node:path';
import { systemActor } from '../electron/services/audit/append';
import { verifyRecords, verifyRecordsSince } from '../electron/services/audit/replay-check';
import { fixedClock } from '../electron/services/core/clock';
import { mutate, type Services } from '../electron/services/core/context';
import { createMemoryLogger } from '../electron/services/core/log';
import { databaseFileName, openDatabase } from '../electron/services/db/open';
import { buildReplayDatabase } from './replay-data';
import { benchDir, figure, median, time, type BenchSuite, type Figure } from './harness';

/** The replay check: the full check of 1M events and 10k cases, and the incremental one. */
export const replayBench: BenchSuite = {
  name: 'replay',
  run() {
    const figures: Figure[] = [];
    const { dir, cleanup } = benchDir();
    try {
      const file = path.join(dir, databaseFileName);
      const build = time(() => buildReplayDatabase(file, 10_000));
      figures.push(
        figure(
          `replay bench database built (${build.value.events} events, ${build.value.rows} rows)`,
          build.ms,
          'ms',
        ),
      );
      const db = openDatabase(file);
      try {
        const full = time(() => verifyRecords(db));
        const r = full.value;
        if (!r.ok || r.eventCount < 1_000_000) {
          throw new Error(
            `replay check of the bench database failed: ${JSON.stringify(r.firstBad ?? r.records?.problems.slice(0, 3))}`,
          );
        }
        figures.push(
          figure('replay check, full: 1M events, 10k cases', full.ms, 'ms', { atMost: 10_000 }),
        );

        const services = {
          db,
          clock: fixedClock('2026-12-01T08:00:00Z'),
          log: createMemoryLogger(),
        } as unknown as Services;
        const samples: number[] = [];
        for (let round = 0; round < 5; round++) {
          for (let i = 0; i < 20; i++) {
            mutate({ services, actor: systemActor }, () => {
              db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(
                `2026-12-01T08:00:${String(i).padStart(2, '0')}Z`,
                1 + ((round * 20 + i) % 10_000),
              );
              return {
                value: null,
                audit: { action: 'case.touched', entityType: 'case', entityId: i },
              };
            });
          }
          const inc = time(() => verifyRecordsSince(db));
          if (!inc.value.ok || inc.value.records?.scope !== 'incremental')
            throw new Error('incremental check failed');
          samples.push(inc.ms);
        }
        figures.push(
          figure(
            'replay check, incremental after 20 changes (median of 5)',
            median(samples),
            'ms',
            { atMost: 200 },
          ),
        );
      } finally {
        db.close();
      }
    } finally {
      cleanup();
    }
    return figures;
  },
};
