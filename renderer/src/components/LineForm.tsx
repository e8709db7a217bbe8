import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Result } from '../api/client';
import { PanelForm } from './PanelForm';
import { TextInputField } from './TextInputField';
import { useSubmit } from './use-submit';

/** A second button that sends without the line (stop using the folder); it empties the field. */
interface Clear<T> {
  label: string;
  send(): Promise<Result<T>>;
}

interface Props<T> {
  /** Words above the field: what sending it does. */
  intro?: string;
  label: string;
  /** What the line must hold, read with the field by assistive technology. */
  help: string;
  maxLength: number;
  /** The line as it stands now (the folder in use); empty when absent. */
  initial?: string;
  submitLabel: string;
  send(line: string): Promise<Result<T>>;
  onDone(value: T): void;
  /** Given, even as null while there is nothing to clear, the buttons stand in a row. */
  clear?: Clear<T> | null;
}

/**
 * A panel's form that asks for one required line of text (a shared folder, a station's name) and
 * sends it in one call; the service's error under the field, the submit button last.
 */
export function LineForm<T>(props: Props<T>) {
  const { send, onDone, clear } = props;
  const [line, setLine] = useState(props.initial ?? '');
  const submit = useSubmit();
  const cleared = (value: T) => {
    setLine('');
    onDone(value);
  };
  // Given as null, the row stands without the button; absent, the submit button stands alone.
  const clearButton = clear && (
    <Button className="button" onPress={() => submit.run(clear.send(), cleared)}>
      {clear.label}
    </Button>
  );

  return (
    <PanelForm
      onSubmit={() => submit.run(send(line), onDone)}
      submitLabel={props.submitLabel}
      busy={submit.busy}
      error={submit.error}
      actions={clearButton}
    >
      {props.intro ? <p>{props.intro}</p> : null}
      <TextInputField
        label={props.label}
        help={props.help}
        maxLength={props.maxLength}
        value={line}
        onChange={setLine}
        isRequired
      />
    </PanelForm>
  );
}
