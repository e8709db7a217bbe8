import { FieldError } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/**
 * What is wrong with a field, under it: the form's own words when it gives them, else "fill this
 * in" for a required field left empty (react-aria stops the browser's own bubble, which would
 * speak the browser's language rather than the station's).
 */
export function FieldProblem({ problem }: { problem?: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <FieldError className="field-error">
      {problem ?? ((v) => (v.validationDetails.valueMissing ? t('forms.required') : null))}
    </FieldError>
  );
}
