import { useTranslation } from 'react-i18next';
import { stationPhrase } from './station-words';

/** Where a case is held (stationPhrase), wherever a case names its station: the board's rows,
 * the incident's cards, the briefing's priorities. */
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
  const phrase = stationPhrase(t, station, heldHere);
  if (!phrase) return null;
  return (
    <span className={className} data-testid={testId}>
      {phrase}
    </span>
  );
}
