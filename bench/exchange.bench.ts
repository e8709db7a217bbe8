import {
  call,
  enrol,
  startCommandPost,
  startFloorStation,
} from '../electron/services/stations/test/stations-setup';
import { facilityBoardFigures } from './facility-board.bench';
import { appendSystemEvents } from './bench-events';
import { benchDir, figure, timeAsync as timed, type BenchSuite, type Figure } from './harness';

const events = 100_000;

/** A bundle of 100,000 events: writing it at a floor station, verifying and applying it at the command post. */
export const exchangeBench: BenchSuite = {
  name: 'exchange',
  async run() {
    const figures: Figure[] = [];
    const post = await startCommandPost();
    const floor = await startFloorStation('NM laptop 2');
    const out = benchDir();
    try {
      await enrol(post, floor);
      const db = floor.services.db;
      // About devices, not cases: an event about a case its station does not hold (these carry
      // no case rows) is refused on import.
      appendSystemEvents(db, events, { action: 'device.noted', entityType: 'device' });
      const exported = await timed(() => call(floor, 'exchange.export', { outDir: out.dir }));
      figures.push(
        figure(
          `export a bundle of ${exported.value.events.toLocaleString('en-US')} events`,
          exported.ms,
          'ms',
          {
            atMost: 2000,
          },
        ),
      );
      figures.push(figure('bundle size', exported.value.bytes / 1e6, 'MB'));
      const imported = await timed(() =>
        call(post, 'exchange.import', { files: [exported.value.file] }),
      );
      if (imported.value.outcomes[0]?.status !== 'applied') throw new Error('bundle not applied');
      figures.push(figure('import and verify that bundle', imported.ms, 'ms', { atMost: 3000 }));
    } finally {
      out.cleanup();
      post.cleanup();
      floor.cleanup();
    }
    figures.push(...(await facilityBoardFigures()));
    return figures;
  },
};
