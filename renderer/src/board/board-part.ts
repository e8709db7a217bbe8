import type { BoardView } from '../../../electron/api/domains/board';

/** What a part of the board above its table gets: the board, and whom to tell when it changed. */
export interface BoardPartProps {
  view: BoardView;
  onChanged(): void;
}
