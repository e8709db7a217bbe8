import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../electron/api/permissions';
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

interface RoleChecksProps {
  value: readonly Role[];
  onChange(roles: Role[]): void;
}

/** A user's roles, at least one: every role as a RoleCheck. */
export function RoleChecks({ value, onChange }: RoleChecksProps) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      className="people-field"
      value={[...value]}
      onChange={(v) => onChange(v as Role[])}
      isRequired
    >
      <Label className="field-label">{t('people.users.rolesLabel')}</Label>
      <div className="role-checks">
        {roles.map((r) => (
          <RoleCheck key={r} role={r} />
        ))}
      </div>
    </CheckboxGroup>
  );
}
