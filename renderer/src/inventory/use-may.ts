import type { MethodName } from '../../../electron/api';
import { mayCall } from '../../../electron/api/permissions';
import { useSession } from '../session/session-context';

/** Whether the signed-in user may call `method`: the UI hides what the services would refuse. */
export function useMay(method: MethodName): boolean {
  const { status } = useSession();
  return status?.role ? mayCall(method, [status.role]) : false;
}
