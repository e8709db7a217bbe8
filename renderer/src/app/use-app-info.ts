import { useContext } from 'react';
import { AppInfoContext, type AppInfoState } from './app-info-context';

export function useAppInfo(): AppInfoState {
  const state = useContext(AppInfoContext);
  if (!state) throw new Error('useAppInfo needs an <AppInfoProvider> above it');
  return state;
}
