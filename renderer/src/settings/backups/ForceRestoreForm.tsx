import { useState, type FormEvent } from 'react';
import { Button, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  forceReasonLength,
  type BackupVerification,
} from '../../../../electron/api/domains/backup';
import { VerificationReport } from './VerificationReport';

interface Props {
  fileName: string;
  verification: BackupVerification;
  busy: boolean;
  onForce(reason: string): void;
}

/**
 * A backup refused only by checks an administrator may override (schema objects the app did not
 * create, a chain short of the latest anchor): what failed, and a reason that goes on the record.
 */
export function ForceRestoreForm({ fileName, verification, busy, onForce }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    setTooShort(trimmed.length < forceReasonLength.min);
    if (trimmed.length >= forceReasonLength.min) onForce(trimmed);
  };
  return (
    <Form className="settings-form" onSubmit={submit} aria-labelledby="force-restore-title">
      <h3 id="force-restore-title">{t('settings.backups.forceTitle')}</h3>
      <p>{t('settings.backups.forceIntro')}</p>
      <VerificationReport fileName={fileName} report={verification} />
      <TextField
        className="settings-field"
        value={reason}
        onChange={(text) => {
          // Typing clears the refusal: while the field is marked invalid, the form does not submit.
          setReason(text);
          setTooShort(false);
        }}
        isRequired
        isInvalid={tooShort}
        maxLength={forceReasonLength.max}
      >
        <Label className="field-label">{t('settings.backups.forceReason')}</Label>
        <TextArea className="text-input settings-input" rows={3} />
        <Text slot="description">
          {t('settings.backups.forceReasonHelp', { min: forceReasonLength.min })}
        </Text>
        {tooShort ? (
          <Text slot="errorMessage" className="field-error">
            {t('settings.backups.forceReasonShort', { min: forceReasonLength.min })}
          </Text>
        ) : null}
      </TextField>
      <Button type="submit" className="button button-danger" isPending={busy}>
        {t('settings.backups.forceConfirm')}
      </Button>
    </Form>
  );
}
