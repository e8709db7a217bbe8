import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n';
import { languages, type Language } from '../i18n/resources';

/** This station's language (Settings and the sign-in screen); each name in its own language. */
export function LanguageChoice() {
  const { t, i18n } = useTranslation();
  const current = languages.find((l) => l === i18n.resolvedLanguage) ?? 'en';
  return (
    <Select
      className="filter-select language-choice"
      selectedKey={current}
      onSelectionChange={(key) => {
        if (key !== null) chooseLanguage(String(key) as Language);
      }}
    >
      <Label className="field-label">{t('language.label')}</Label>
      <Button className="select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-arrow">
          ▾
        </span>
      </Button>
      <Popover className="select-popover">
        <ListBox className="select-list">
          {languages.map((l) => (
            <ListBoxItem key={l} id={l} className="select-option" lang={l}>
              {t(`language.${l}`)}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
