import { useTranslation } from 'react-i18next';

/**
 * Where a case is held, in one phrase wherever a case names its station (the board's rows, the
 * incident's cards): "Held here (NAME)" at this station, "Held at NAME" for a case another station
 * holds and works.
 */
export function StationLabel({
  station,
  heldHere,
  className,
  testId,
}: {
  station: { name: string } | null | undefined;
  heldHere: boolean;
  className: string;
  testId: string;
}) {
  const { t } = useTranslation();
  if (!station) return null;
  return (
    <span className={className} data-testid={testId}>
      {t(heldHere ? 'board.table.stationHere' : 'board.table.stationElsewhere', {
        station: station.name,
      })}
    </span>
  );
}
