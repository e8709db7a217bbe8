import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { criticalities, type Criticality, type Device } from '../../../electron/api';
import { call } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { TextInputField } from '../components/TextInputField';
import { useSubmit } from '../components/use-submit';
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
  const submit = useSubmit();

  const save = () =>
    submit.run(
      device
        ? call('devices.update', { id: device.id, changes: changedFields(device, form) })
        : call('devices.create', formToFields(form)),
      onSaved,
    );

  return (
    <FormDialog
      title={
        device
          ? t('inventory.edit.editTitle', { assetTag: device.assetTag })
          : t('inventory.edit.addTitle')
      }
      onClose={onClose}
      width="wide"
      submitLabel={device ? t('inventory.edit.save') : t('inventory.edit.add')}
      onSubmit={save}
      busy={submit.busy}
      cancelLabel={t('inventory.cancel')}
      error={submit.error}
    >
      <p>{t('inventory.edit.help')}</p>
      {formGroups.map(([group, fields]) => (
        <fieldset key={group} className="form-group">
          <legend>{t(`devices.details.${group}`)}</legend>
          <div className="form-grid">
            {fields.map((field) => (
              <TextInputField
                key={field}
                className={field === 'notes' ? 'field form-field-wide' : 'field'}
                label={t(`inventory.edit.fields.${field}`)}
                value={form.text[field]}
                onChange={(v) => setForm((f) => ({ ...f, text: { ...f.text, [field]: v } }))}
                isRequired={field === 'assetTag'}
                maxLength={maxLengths[field] ?? 200}
                autoFocus={field === 'assetTag'}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <div className="form-grid">
        <RadioGroup
          className="field"
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
          className="field"
          value={form.remoteUpdateCapable === null ? 'none' : String(form.remoteUpdateCapable)}
          onChange={(v) =>
            setForm((f) => ({
              ...f,
              remoteUpdateCapable: v === 'none' ? null : v === 'true',
            }))
          }
        >
          <Label className="field-label">{t('inventory.edit.remoteUpdate')}</Label>
          <div className="radio-row">
            {(
              [
                ['true', t('devices.details.yes')],
                ['false', t('devices.details.no')],
                ['none', t('devices.notRecorded')],
              ] as const
            ).map(([value, label]) => (
              <Radio key={value} value={value} className="radio-choice">
                {label}
              </Radio>
            ))}
          </div>
        </RadioGroup>
      </div>
    </FormDialog>
  );
}
