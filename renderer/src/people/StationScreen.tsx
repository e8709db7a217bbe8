import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../app/use-app-info';
import { DemoAccountsBanner } from '../components/DemoAccountsBanner';
import { LanguageChoice } from '../settings/LanguageChoice';

/** The full-window frame of the sign-in, unlock and first-run screens. */
export function StationScreen({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { facility } = useAppInfo();
  return (
    <div className="station-screen">
      <header className="station-header">
        <span className="app-name">{t('app.name')}</span>
        {facility ? <span className="station-facility">{facility}</span> : null}
        <span className="station-language">
          <LanguageChoice />
        </span>
      </header>
      <DemoAccountsBanner />
      <main className="station-main" id="main">
        <h1 className="station-title">{title}</h1>
        {children}
      </main>
    </div>
  );
}
