import type { Ref } from 'react';
import { Button, Input, Label, SearchField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
}

export function DeviceSearch({ value, onChange, inputRef }: Props) {
  const { t } = useTranslation();
  return (
    <SearchField className="search-field" value={value} onChange={onChange}>
      <Label className="field-label">{t('devices.searchLabel')}</Label>
      <div className="search-input-row">
        <Input className="text-input" maxLength={200} ref={inputRef} />
        {value ? (
          <Button className="button button-secondary search-clear">
            {t('devices.clearSearch')}
          </Button>
        ) : null}
      </div>
      <Text slot="description" className="field-help">
        {t('devices.searchHelp')}
      </Text>
    </SearchField>
  );
}
