import type { ReactNode } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ApiError } from '../api/client';
import { ErrorMessage } from './ErrorMessage';

interface Props {
  title: string;
  /** The dialog's `data-testid`, for the end-to-end tests. */
  testId?: string;
  /** Absent: open while mounted. */
  isOpen?: boolean;
  onClose(): void;
  /** `narrow` for a few fields, `wide` for a long form. */
  width?: 'narrow' | 'wide';
  submitLabel: string;
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
  /** Once the call succeeded: what it did, in place of the fields, and a button that closes. */
  done?: { message: string; closeLabel: string };
  children: ReactNode;
}

/**
 * The app's one form dialog: a title, the fields, the service's error, then submit and cancel.
 * Escape, a click outside and cancel all close it, except while the call is on its way.
 */
export function FormDialog(props: Props) {
  const { title, isOpen = true, onClose, width, busy, error, done, children } = props;
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      isDismissable={!busy}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className={width === 'wide' ? 'modal' : 'modal modal-narrow'}>
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
                {error ? <ErrorMessage error={error} /> : null}
                <div className="dialog-actions">
                  <Button
                    type="submit"
                    className="button button-primary"
                    isPending={busy}
                    isDisabled={props.submitDisabled}
                  >
                    {props.submitLabel}
                  </Button>
                  <Button className="button button-secondary" slot="close" isDisabled={busy}>
                    {props.cancelLabel}
                  </Button>
                </div>
              </>
            )}
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function DoneView({ done }: { done: { message: string; closeLabel: string } }) {
  return (
    <>
      <p className="notice notice-success" role="status">
        {done.message}
      </p>
      <div className="dialog-actions">
        <Button className="button button-primary" slot="close" autoFocus>
          {done.closeLabel}
        </Button>
      </div>
    </>
  );
}
