import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The heading's id, which names the panel. */
  titleId: string;
  title: string;
  onClose(): void;
  children: ReactNode;
}

/** The frame of an import (inventory, advisories): its heading, a close button, then its steps. */
export function ImportPanel({ titleId, title, onClose, children }: Props) {
  const { t } = useTranslation();
  return (
    <section className="import-panel" aria-labelledby={titleId}>
      <div className="import-header">
        <h2 id={titleId}>{title}</h2>
        <Button className="button button-secondary" onPress={onClose}>
          {t('inventory.import.close')}
        </Button>
      </div>
      {children}
    </section>
  );
}
