import { useEffect, useState } from 'react';
import { Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../electron/api/domains/people';
import { maySign, type SignoffKind } from '../../../electron/api/permissions';
import { call } from '../api/client';
import { roleLabel } from './role-label';

/** Who signs when it is not the station's user: picked by name, or a typed staff ID. */
export type CoSigner = { userId: number } | { staffId: string } | undefined;

interface Props {
  kind: SignoffKind;
  /** The station's user: not offered (they would sign as themself). */
  stationUserId: number | undefined;
  value: CoSigner;
  onChange(signer: CoSigner): void;
}

/**
 * The people who may give this sign-off, as large name cards (one of them is picked at once when
 * there is only one), and a staff ID field for someone not listed or who prefers to type. The
 * services check the role again once the PIN is verified.
 */
export function CoSignerFields({ kind, stationUserId, value, onChange }: Props) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserSummary[]>();

  useEffect(() => {
    let live = true;
    void call('session.listUsers', {}).then((result) => {
      if (!live || !result.ok) return;
      const eligible = result.value.filter((u) => u.id !== stationUserId && maySign(kind, u.roles));
      setUsers(eligible);
      const only = eligible[0];
      if (eligible.length === 1 && only) onChange({ userId: only.id });
    });
    return () => {
      live = false;
    };
    // Asked once per dialog: the list of people does not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, stationUserId]);

  const picked = value && 'userId' in value ? String(value.userId) : null;
  const typed = value && 'staffId' in value ? value.staffId : '';
  return (
    <div className="cosigner">
      {users && users.length > 0 ? (
        <RadioGroup
          className="user-picker"
          value={picked}
          onChange={(id) => onChange({ userId: Number(id) })}
        >
          <Label className="field-label">{t('people.sign.pickSigner')}</Label>
          <div className="user-picker-list cosigner-list">
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
      ) : null}
      <TextField
        className="people-field cosigner-staff-id"
        value={typed}
        onChange={(text) => onChange(text.trim() === '' ? undefined : { staffId: text })}
        maxLength={64}
      >
        <Label className="field-label">
          {users && users.length > 0 ? t('people.sign.orStaffId') : t('people.sign.staffId')}
        </Label>
        <Input className="text-input" autoComplete="off" />
      </TextField>
    </div>
  );
}
