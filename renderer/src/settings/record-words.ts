import type { TFunction } from 'i18next';
import type { RecordProblem } from '../../../electron/api';

/**
 * A record that does not match the audit trail, in words for people: the table named as what
 * it holds ("Fälle", "cases"), the row by its key's columns ("case 3, section …"), and the
 * column that differs by its name in the reader's language (a column the catalogue does not
 * name is called a column, with its name as the database has it).
 */
export function recordProblemText(t: TFunction, p: RecordProblem): string {
  // The table and column names come from the database's bound tables, so the typed catalogue
  // cannot check them: one it lacks reads as the database names it.
  const table = t(`settings.recordTables.${p.table}` as 'settings.recordTables.cases', {
    defaultValue: p.table,
  });
  const row = p.keyParts
    .map(({ column, value }) =>
      t('settings.recordRowPart', { column: columnName(t, column), value }),
    )
    .join(', ');
  const text = t(`settings.recordProblem.${p.problem}`, {
    table,
    row: row || p.key,
    field: p.field === null ? '' : columnName(t, p.field),
    actual: p.actual ?? '',
    expected: p.expected ?? '',
    eventId: p.eventId ?? '',
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function columnName(t: TFunction, column: string): string {
  return t(`settings.recordColumns.${column}` as 'settings.recordColumns.id', {
    defaultValue: t('settings.recordColumn', { column }),
  });
}
