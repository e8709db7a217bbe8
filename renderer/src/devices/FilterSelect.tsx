import { useTranslation } from 'react-i18next';
import { SelectField } from '../components/SelectField';

export interface FilterOption {
  key: string;
  label: string;
}

interface Props {
  label: string;
  options: readonly FilterOption[];
  /** The chosen option's key; undefined shows "Any". */
  value: string | undefined;
  onChange(value: string | undefined): void;
}

/** The key of the "any value" choice: a filter that does not narrow. */
const anyKey = '__any__';

/** One filter of the device table: a labelled list with "Any" first. */
export function FilterSelect({ label, options, value, onChange }: Props) {
  const { t } = useTranslation();
  const items = [{ key: anyKey, label: t('inventory.filters.any') }, ...options];
  return (
    <SelectField
      label={label}
      options={items}
      value={value ?? anyKey}
      onChange={(key) => onChange(key === anyKey ? undefined : key)}
      buttonClass={value ? 'select-button-active' : undefined}
    />
  );
}
