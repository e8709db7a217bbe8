import { CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../electron/api/permissions';
import { FieldProblem } from '../components/FieldProblem';
import { TickBox } from '../components/TickBox';
import { roleLabel } from './role-label';

/** One role in a role CheckboxGroup: a large box with a visible tick, the role's name beside it. */
export function RoleCheck({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <TickBox value={role}>{roleLabel(t, role)}</TickBox>;
}

interface RoleChecksProps {
  value: readonly Role[];
  onChange(roles: Role[]): void;
  /** Said under the label when the form was submitted with no role. */
  problem?: string | null;
}

/**
 * A user's roles, at least one: every role as a RoleCheck. Not `isRequired`: that would make
 * each of the boxes required, so the form's own check says when none is ticked.
 */
export function RoleChecks({ value, onChange, problem }: RoleChecksProps) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      className="people-field"
      value={[...value]}
      onChange={(v) => onChange(v as Role[])}
      isInvalid={problem ? true : undefined}
    >
      <Label className="field-label">{t('people.users.rolesLabel')}</Label>
      <FieldProblem problem={problem} />
      <div className="role-checks">
        {roles.map((r) => (
          <RoleCheck key={r} role={r} />
        ))}
      </div>
    </CheckboxGroup>
  );
}
