import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../electron/api/domains/people';
import { roleLabel } from './role-label';

interface Props {
  users: UserSummary[];
  selected: number | undefined;
  onSelect(id: number): void;
}

/** The names at this station as large radio cards: arrow keys move, the PIN field follows. */
export function UserPicker({ users, selected, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      className="user-picker"
      value={selected === undefined ? null : String(selected)}
      onChange={(value) => onSelect(Number(value))}
      isRequired
    >
      <Label className="field-label">{t('people.signIn.pickName')}</Label>
      <div className="user-picker-list">
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
