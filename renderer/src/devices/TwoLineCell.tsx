import { useTranslation } from 'react-i18next';

interface Props {
  main: string | undefined;
  sub?: string | undefined;
  /** Bold main line, for the column people scan first. */
  strong?: boolean;
}

/**
 * A cell with a primary and a secondary line. Long text is cut visually with an ellipsis, so
 * the full text is kept in the DOM (read by screen readers) and in the tooltip.
 */
export function TwoLineCell({ main, sub, strong = false }: Props) {
  const { t } = useTranslation();
  return (
    <td role="cell" className="vtable-cell" title={[main, sub].filter(Boolean).join('\n')}>
      {main ? (
        <span className={strong ? 'cell-main cell-strong' : 'cell-main'}>{main}</span>
      ) : (
        <span className="cell-missing">{t('devices.notRecorded')}</span>
      )}
      {sub ? <span className="cell-sub">{sub}</span> : null}
    </td>
  );
}
