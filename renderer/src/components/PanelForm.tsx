import type { ReactNode } from 'react';
import { Form } from 'react-aria-components';
import type { ApiError } from '../api/client';
import { FormFooter } from './FormFooter';

interface Props {
  /** The form's own heading, when the panel holds more than this form. */
  title?: { id: string; text: string };
  onSubmit(): void;
  submitLabel: string;
  /** The call is on its way: the submit button shows it. */
  busy: boolean;
  error: ApiError | undefined;
  /**
   * Buttons beside the submit button (stop using something, for example). Given, even as null
   * while there are none, the buttons stand in a row.
   */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * A form inside a page's panel (settings, exchange): its fields, the service's error, then the
 * submit button. The page's own counterpart of `FormDialog`.
 */
export function PanelForm({ title, onSubmit, submitLabel, busy, error, actions, children }: Props) {
  return (
    <Form
      className="settings-form"
      aria-labelledby={title?.id}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {title ? <h3 id={title.id}>{title.text}</h3> : null}
      {children}
      <FormFooter
        error={error}
        submitLabel={submitLabel}
        busy={busy}
        rowClassName={actions === undefined ? undefined : 'button-row'}
      >
        {actions}
      </FormFooter>
    </Form>
  );
}
