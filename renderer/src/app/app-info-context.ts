import { createContext } from 'react';
import type { AppInfo } from '../../../electron/api';
import type { ApiError } from '../api/client';

export interface AppInfoState {
  info: AppInfo | undefined;
  /** The facility's name, or undefined while none is set up. */
  facility: string | undefined;
  error: ApiError | undefined;
  /** Re-read app.info (and the facility), e.g. after the demo facility was loaded. */
  refresh(): Promise<void>;
}

export const AppInfoContext = createContext<AppInfoState | undefined>(undefined);
