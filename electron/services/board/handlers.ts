import type { boardMethods } from '../../api/domains/board';
import type { HandlerMap } from '../core/handler';
import { boardTimeline } from './board-timeline';
import { getBoard } from './board-view';
import { bulkRecheck, bulkTransition } from './bulk-decisions';
import { setSilenceMinutes } from './station-silence';
import { bulkPreview } from './bulk-preview';

export const boardHandlers: HandlerMap<keyof typeof boardMethods> = {
  'board.get': (input, ctx) => getBoard(ctx, input),
  'board.setStationSilence': (input, ctx) => setSilenceMinutes(ctx, input.minutes),
  'board.timeline': (input, ctx) => boardTimeline(ctx, input.incidentId),
  'cases.bulkPreview': (input, ctx) => bulkPreview(ctx, input),
  'cases.bulkTransition': (input, ctx) => bulkTransition(ctx, input),
  'cases.bulkRecheck': (input, ctx) => bulkRecheck(ctx, input),
};
