import type { TFunction } from 'i18next';

/**
 * Where a case is held, in one phrase wherever a case names its station: "Held here (NAME)" at
 * this station, "Held at NAME" for a case another station holds and works; undefined while this
 * installation has no station identity.
 */
export function stationPhrase(
  t: TFunction,
  station: { name: string } | null | undefined,
  heldHere: boolean,
): string | undefined {
  if (!station) return undefined;
  return t(heldHere ? 'board.table.stationHere' : 'board.table.stationElsewhere', {
    station: station.name,
  });
}
