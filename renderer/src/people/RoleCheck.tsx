import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../electron/api/permissions';
import { roleLabel } from './role-label';

/** One role in a role CheckboxGroup: a large box with a visible tick, the role's name beside it. */
export function RoleCheck({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Checkbox value={role} className="role-check">
      {({ isSelected }) => (
        <>
          <span className="role-check-box" aria-hidden="true">
            {isSelected ? '✓' : ''}
          </span>
          {roleLabel(t, role)}
        </>
      )}
    </Checkbox>
  );
}
