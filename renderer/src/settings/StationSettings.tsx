import { useMemo, useState, type FormEvent } from 'react';
import {
  Button,
  ComboBox,
  Form,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { knownTimeZones, zoneCity, zoneLabel } from '../../../electron/api/clock';
import { call, type ApiError } from '../api/client';
import { useAppInfo } from '../app/use-app-info';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../cases/time-format';
import { useStationLanguage } from '../i18n/LocaleProvider';
import { LanguageChoice } from './LanguageChoice';
import { reopenSettingsSection } from './reopen-section';

/** Settings → Time and language: this station's language; the facility's zone (administrators). */
export function StationSettings({ mayChangeZone }: { mayChangeZone: boolean }) {
  const { t } = useTranslation();
  const { info, refresh } = useAppInfo();
  const language = useStationLanguage();
  const current = info?.timeZone ?? 'UTC';
  // Each zone by its id, with its city where the station's language names it otherwise
  // ("Europe/Zurich (Zürich)"): typing either finds it; the field keeps the id.
  const zones = useMemo(
    () => knownTimeZones().map((id) => ({ id, label: zoneLabel(id, language) })),
    [language],
  );
  const [zone, setZone] = useState(current);
  // The list filters here (react-aria leaves a controlled list as it is): a zone id as typed,
  // or the one saved, shows them all.
  const shown = useMemo(() => {
    const typed = zone.trim().toLocaleLowerCase();
    if (typed === '' || zones.some((z) => z.id.toLocaleLowerCase() === typed)) return zones;
    return zones.filter((z) => z.label.toLocaleLowerCase().includes(typed));
  }, [zones, zone]);
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setSaving(true);
    void call('facility.setTimeZone', { timeZone: zone }).then((result) => {
      setSaving(false);
      if (!result.ok) return setError(result.error);
      // app.info carries the zone; every time on screen is redrawn in the new one, this
      // section too.
      reopenSettingsSection('general');
      void refresh();
    });
  };

  return (
    <>
      <section className="panel" aria-labelledby="language-title">
        <h2 id="language-title">{t('settings.general.languageTitle')}</h2>
        <p>{t('settings.general.languageIntro')}</p>
        <LanguageChoice />
      </section>
      <section className="panel" aria-labelledby="zone-title">
        <h2 id="zone-title">{t('settings.general.zoneTitle')}</h2>
        <p>
          {t('settings.general.zoneCurrent', {
            zone: current,
            city: zoneCity(current, language),
            now: formatDateTime(new Date().toISOString()),
          })}
        </p>
        {mayChangeZone ? (
          <Form className="settings-form" onSubmit={submit}>
            <ComboBox
              className="zone-combo"
              items={shown}
              inputValue={zone}
              onInputChange={setZone}
              onSelectionChange={(key) => {
                if (key !== null) setZone(String(key));
              }}
              menuTrigger="focus"
              // What is typed stays when the field loses focus (the service checks the zone);
              // without this the field emptied itself on focus, Escape and blur.
              allowsCustomValue
            >
              <Label className="field-label">{t('settings.general.zoneLabel')}</Label>
              <Input className="text-input" />
              <Text slot="description" className="field-hint">
                {t('settings.general.zoneHelp')}
              </Text>
              <Popover className="select-popover">
                <ListBox className="select-list">
                  {(item: { id: string; label: string }) => (
                    <ListBoxItem id={item.id} className="select-option" textValue={item.id}>
                      {item.label}
                    </ListBoxItem>
                  )}
                </ListBox>
              </Popover>
            </ComboBox>
            {error ? <ErrorMessage error={error} /> : null}
            <Button type="submit" className="button button-primary" isPending={saving}>
              {t('settings.general.zoneSave')}
            </Button>
          </Form>
        ) : (
          <p>{t('settings.general.zoneWho')}</p>
        )}
      </section>
    </>
  );
}
