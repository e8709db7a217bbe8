import { useTranslation } from 'react-i18next';
import { TextInputField } from '../components/TextInputField';

export interface Names {
  displayName: string;
  staffId: string;
}

interface Props {
  value: Names;
  onChange(value: Names): void;
  autoFocus?: boolean;
  /** What is wrong with either, said at the field. */
  problems?: { displayName?: string | null; staffId?: string | null };
}

/** A person's name (required) and staff ID (optional), as the first run and user forms ask. */
export function NameFields({ value, onChange, autoFocus, problems }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextInputField
        label={t('people.firstRun.displayName')}
        value={value.displayName}
        onChange={(displayName) => onChange({ ...value, displayName })}
        isRequired
        maxLength={120}
        autoFocus={autoFocus}
        problem={problems?.displayName}
      />
      <TextInputField
        label={t('people.firstRun.staffId')}
        value={value.staffId}
        onChange={(staffId) => onChange({ ...value, staffId })}
        maxLength={64}
        problem={problems?.staffId}
      />
    </>
  );
}
