import { Label, Radio, RadioGroup } from 'react-aria-components';
import { FieldProblem } from '../components/FieldProblem';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../electron/api/domains/people';
import { roleLabel } from './role-label';

interface Props {
  users: UserSummary[];
  selected: number | undefined;
  onSelect(id: number): void;
  /** Said under the names when the form was submitted with none picked. */
  problem?: string | null;
  /** What the names are for (default: signing in here). */
  label?: string;
  /** A name must be picked (default), or another field may stand in for it. */
  isRequired?: boolean;
  listClassName?: string;
}

/** The names at this station as large radio cards: arrow keys move, the PIN field follows. */
export function UserPicker({
  users,
  selected,
  onSelect,
  problem,
  label,
  isRequired = true,
  listClassName,
}: Props) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      className="user-picker"
      value={selected === undefined ? null : String(selected)}
      onChange={(value) => onSelect(Number(value))}
      isRequired={isRequired}
      isInvalid={problem ? true : undefined}
    >
      <Label className="field-label">{label ?? t('people.signIn.pickName')}</Label>
      <FieldProblem problem={problem} />
      <div className={listClassName ? `user-picker-list ${listClassName}` : 'user-picker-list'}>
        {users.map((user) => (
          <Radio key={user.id} value={String(user.id)} className="user-card">
            <span className="user-card-name">{user.displayName}</span>
            <span className="user-card-roles">
              {user.roles.map((r) => roleLabel(t, r)).join(', ')}
              {user.demo ? <span className="demo-badge">{t('people.demoBadge')}</span> : null}
            </span>
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
