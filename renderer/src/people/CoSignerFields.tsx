import { useEffect, useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../electron/api/domains/people';
import { maySign, type SignoffKind } from '../../../electron/api/permissions';
import { call } from '../api/client';
import { UserPicker } from './UserPicker';

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

  const typed = value && 'staffId' in value ? value.staffId : '';
  return (
    <div className="cosigner">
      {users && users.length > 0 ? (
        <UserPicker
          users={users}
          selected={value && 'userId' in value ? value.userId : undefined}
          onSelect={(userId) => onChange({ userId })}
          label={t('people.sign.pickSigner')}
          isRequired={false}
          listClassName="cosigner-list"
        />
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
