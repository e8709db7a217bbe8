import type { ReactNode } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ApiError } from '../api/client';
import { FormFooter } from './FormFooter';

interface Props {
  title: string;
  /** The dialog's `data-testid`, for the end-to-end tests. */
  testId?: string;
  /** Absent: open while mounted. */
  isOpen?: boolean;
  onClose(): void;
  /** `narrow` for a few fields, `wide` for a long form or one with lists. */
  width?: 'narrow' | 'wide';
  /** Absent: nothing to submit yet (the dialog only says why), so no submit button. */
  submitLabel?: string;
  onSubmit(): void;
  /** The call is on its way: the dialog cannot be dismissed and the submit button shows it. */
  busy: boolean;
  /** Submitting would refuse anyway (nothing chosen yet). */
  submitDisabled?: boolean;
  cancelLabel: string;
  error: ApiError | undefined;
  /**
   * The form says what is missing at its fields itself (`useMissing`): the browser's own bubble,
   * not in the station's language, must not stop the submit first.
   */
  checksFields?: boolean;
  /**
   * Once the call succeeded: what it did, in place of the fields, and a button that closes: a
   * `message` in one line, `details` for more (lists), or both.
   */
  done?: Done;
  children: ReactNode;
}

interface Done {
  message?: string;
  closeLabel: string;
  /** More of what it did, under the message (a list). */
  details?: ReactNode;
}

const modalClass = { narrow: 'modal modal-narrow', wide: 'modal' };

/**
 * The app's one form dialog: a title, the fields, the service's error, then submit and cancel.
 * Escape, a click outside and cancel all close it, except while the call is on its way.
 */
export function FormDialog(props: Props) {
  const { title, isOpen = true, onClose, width = 'narrow', busy, error, done, children } = props;
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      isDismissable={!busy}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className={modalClass[width]}>
        <Dialog className="dialog" data-testid={props.testId}>
          <Form
            className="dialog-form"
            validationBehavior={props.checksFields ? 'aria' : 'native'}
            onSubmit={(event) => {
              event.preventDefault();
              props.onSubmit();
            }}
          >
            <Heading slot="title">{title}</Heading>
            {done ? (
              <DoneView done={done} />
            ) : (
              <>
                {children}
                <FormFooter
                  error={error}
                  submitLabel={props.submitLabel}
                  busy={busy}
                  submitDisabled={props.submitDisabled}
                  rowClassName="dialog-actions"
                >
                  <Button className="button button-secondary" slot="close" isDisabled={busy}>
                    {props.cancelLabel}
                  </Button>
                </FormFooter>
              </>
            )}
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function DoneView({ done }: { done: Done }) {
  return (
    <>
      {done.message === undefined ? null : (
        <p className="notice notice-success" role="status">
          {done.message}
        </p>
      )}
      {done.details}
      <div className="dialog-actions">
        <Button className="button button-primary" slot="close" autoFocus>
          {done.closeLabel}
        </Button>
      </div>
    </>
  );
}
