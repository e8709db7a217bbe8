import { useTranslation } from 'react-i18next';
import { SelectField } from '../components/SelectField';
import { chooseLanguage } from '../i18n';
import { languages, type Language } from '../i18n/resources';

/** This station's language (Settings and the sign-in screen); each name in its own language. */
export function LanguageChoice() {
  const { t, i18n } = useTranslation();
  const current = languages.find((l) => l === i18n.resolvedLanguage) ?? 'en';
  return (
    <SelectField
      className="filter-select language-choice"
      label={t('language.label')}
      options={languages.map((l) => ({ key: l, label: t(`language.${l}`), lang: l }))}
      value={current}
      onChange={(key) => chooseLanguage(key as Language)}
    />
  );
}
