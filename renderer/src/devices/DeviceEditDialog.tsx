import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  Form,
  Heading,
  Input,
  Label,
  Modal,
  ModalOverlay,
  Radio,
  RadioGroup,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { criticalities, type Criticality, type Device } from '../../../electron/api';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import {
  changedFields,
  formFromDevice,
  formGroups,
  formToFields,
  maxLengths,
  type DeviceForm,
} from './device-form';

interface Props {
  /** The device to edit; undefined adds a new one. */
  device: Device | undefined;
  onClose(): void;
  onSaved(device: Device): void;
}

/** Add a device by hand or change one; every field but the asset tag may stay empty. */
export function DeviceEditDialog({ device, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<DeviceForm>(() => formFromDevice(device));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const request = device
      ? call('devices.update', { id: device.id, changes: changedFields(device, form) })
      : call('devices.create', formToFields(form));
    void request.then((result) => {
      setBusy(false);
      if (result.ok) onSaved(result.value);
      else setError(result.error);
    });
  };

  const title = device
    ? t('inventory.edit.editTitle', { assetTag: device.assetTag })
    : t('inventory.edit.addTitle');
  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Form onSubmit={submit} className="device-form">
            <div className="dialog-header">
              <Heading slot="title">{title}</Heading>
              <Button className="button button-secondary" slot="close">
                {t('inventory.cancel')}
              </Button>
            </div>
            <p>{t('inventory.edit.help')}</p>
            {formGroups.map(([group, fields]) => (
              <fieldset key={group} className="form-group">
                <legend>{t(`devices.details.${group}`)}</legend>
                <div className="form-grid">
                  {fields.map((field) => (
                    <TextField
                      key={field}
                      className={field === 'notes' ? 'form-field form-field-wide' : 'form-field'}
                      value={form.text[field]}
                      onChange={(v) => setForm((f) => ({ ...f, text: { ...f.text, [field]: v } }))}
                      isRequired={field === 'assetTag'}
                      maxLength={maxLengths[field] ?? 200}
                      autoFocus={field === 'assetTag'}
                    >
                      <Label className="field-label">{t(`inventory.edit.fields.${field}`)}</Label>
                      <Input className="text-input" autoComplete="off" />
                    </TextField>
                  ))}
                </div>
              </fieldset>
            ))}
            <div className="form-grid">
              <RadioGroup
                className="form-field"
                value={form.criticality ?? 'none'}
                onChange={(v) =>
                  setForm((f) => ({ ...f, criticality: v === 'none' ? null : (v as Criticality) }))
                }
              >
                <Label className="field-label">{t('devices.details.fields.criticality')}</Label>
                <div className="radio-row">
                  {[...criticalities, 'none' as const].map((c) => (
                    <Radio key={c} value={c} className="radio-choice">
                      {c === 'none' ? t('devices.notRecorded') : t(`devices.criticality.${c}`)}
                    </Radio>
                  ))}
                </div>
              </RadioGroup>
              <RadioGroup
                className="form-field"
                value={
                  form.remoteUpdateCapable === null ? 'none' : String(form.remoteUpdateCapable)
                }
                onChange={(v) =>
                  setForm((f) => ({
                    ...f,
                    remoteUpdateCapable: v === 'none' ? null : v === 'true',
                  }))
                }
              >
                <Label className="field-label">{t('inventory.edit.remoteUpdate')}</Label>
                <div className="radio-row">
                  <Radio value="true" className="radio-choice">
                    {t('devices.details.yes')}
                  </Radio>
                  <Radio value="false" className="radio-choice">
                    {t('devices.details.no')}
                  </Radio>
                  <Radio value="none" className="radio-choice">
                    {t('devices.notRecorded')}
                  </Radio>
                </div>
              </RadioGroup>
            </div>
            {error ? <ErrorMessage error={error} /> : null}
            <div className="dialog-actions">
              <Button type="submit" className="button button-primary" isPending={busy}>
                {device ? t('inventory.edit.save') : t('inventory.edit.add')}
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
