import { useTranslation } from 'react-i18next';
import { SelectField } from '../components/SelectField';
import {
  deviceFieldNames,
  type ColumnMapping,
  type DeviceFieldName,
  type InventoryPreview,
} from '../../../electron/api/domains/inventory';
import { ColumnHeads } from '../components/ColumnHeads';

interface Props {
  preview: InventoryPreview;
  onChange(mapping: ColumnMapping): void;
  isDisabled?: boolean;
}

const ignoreKey = '__ignore__';

/** One line per column of the file: its header, what the first rows hold, and the device field. */
export function MappingTable({ preview, onChange, isDisabled = false }: Props) {
  const { t } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'inventory.mapping' });
  const options = [
    { key: ignoreKey, label: t('inventory.mapping.ignore') },
    ...deviceFieldNames.map((f) => ({ key: f, label: t(`inventory.edit.fields.${f}`) })),
  ];
  return (
    <table className="mapping-table">
      <caption className="mapping-caption">{t('inventory.mapping.caption')}</caption>
      <ColumnHeads columns={[heads('column'), heads('examples'), heads('field')]} />
      <tbody>
        {preview.headers.map((header, index) => {
          const field = preview.mapping[header] ?? null;
          const examples = preview.sampleRows
            .map((r) => r.cells[index] ?? '')
            .filter((c) => c.trim() !== '')
            .slice(0, 3);
          return (
            <tr key={header}>
              <th scope="row" className="mapping-header">
                {header || t('inventory.mapping.noHeader')}
              </th>
              <td className="mapping-examples">
                {examples.length ? examples.join(' · ') : t('inventory.mapping.noExamples')}
              </td>
              <td>
                <SelectField
                  className="mapping-select"
                  label={t('inventory.mapping.selectLabel', { column: header })}
                  labelHidden
                  options={options}
                  value={field ?? ignoreKey}
                  isDisabled={isDisabled}
                  onChange={(key) =>
                    onChange({
                      ...preview.mapping,
                      [header]: key === ignoreKey ? null : (key as DeviceFieldName),
                    })
                  }
                  buttonClass={field ? undefined : 'select-ignored'}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
