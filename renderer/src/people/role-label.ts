import type { TFunction } from 'i18next';
import type { Role } from '../../../electron/api/permissions';

export const roleLabel = (t: TFunction, role: Role) => t(`people.roles.${role}`);
