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
    <Select
      className="filter-select"
      selectedKey={value ?? anyKey}
      onSelectionChange={(key) =>
        onChange(key === anyKey || key === null ? undefined : String(key))
      }
    >
      <Label className="field-label">{label}</Label>
      <Button className={value ? 'select-button select-button-active' : 'select-button'}>
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-arrow">
          ▾
        </span>
      </Button>
      <Popover className="select-popover">
        <ListBox className="select-list" items={items}>
          {(item) => (
            <ListBoxItem id={item.key} className="select-option" textValue={item.label}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
