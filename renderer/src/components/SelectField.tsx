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

export interface SelectOption {
  key: string;
  label: string;
  /** The option's own language, when it is a language's name in that language. */
  lang?: string;
}

interface Props {
  label: string;
  /** Said to assistive technology only (the column or row already shows it). */
  labelHidden?: boolean;
  /** The label's class in its form's layout (a checklist question's words); `field-label` else. */
  labelClassName?: string;
  options: readonly SelectOption[];
  /** The chosen option's key; undefined shows the placeholder. */
  value: string | undefined;
  onChange(key: string): void;
  placeholder?: string;
  isDisabled?: boolean;
  /** Options shown but not choosable (their label says why). */
  disabledKeys?: readonly string[];
  /** The select's class; `filter-select` lays out a labelled list in a row of filters. */
  className?: string;
  /** Marks the button (a filter that narrows, a column that is ignored). */
  buttonClass?: string;
}

/** The app's one drop-down list: a label, a button showing the choice, and its options. */
export function SelectField(props: Props) {
  const { t } = useTranslation();
  const { label, labelHidden, options, value, onChange, isDisabled } = props;
  // Never react-aria's own "Select an item", which is not in the station's language.
  const placeholder = props.placeholder ?? t('forms.choose');
  const { className = 'filter-select', buttonClass } = props;
  return (
    <Select
      className={className}
      selectedKey={value ?? null}
      onSelectionChange={(key) => {
        if (key !== null) onChange(String(key));
      }}
      placeholder={placeholder}
      isDisabled={isDisabled}
      {...(props.disabledKeys ? { disabledKeys: props.disabledKeys } : {})}
    >
      <Label className={labelHidden ? 'visually-hidden' : (props.labelClassName ?? 'field-label')}>
        {label}
      </Label>
      <Button className={buttonClass ? `select-button ${buttonClass}` : 'select-button'}>
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-arrow">
          ▾
        </span>
      </Button>
      <Popover className="select-popover">
        <ListBox className="select-list" items={options}>
          {(item) => (
            <ListBoxItem
              id={item.key}
              className="select-option"
              textValue={item.label}
              lang={item.lang}
            >
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
