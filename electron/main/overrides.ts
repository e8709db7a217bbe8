import path from 'node:path';
import { electronNativeBindingPath } from './native-binding';

export interface OverrideInputs {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** app.getAppPath(): the project root in development, app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: where extraResources sit when packaged. */
  resourcesPath: string;
  platform: string;
  arch: string;
}

export interface ShellPaths {
  /** better-sqlite3 built for Electron's ABI. */
  nativeBinding: string;
  /** The resources folder for the services, or undefined to let them find it beside the code. */
  resourcesDir: string | undefined;
}

/**
 * Which native module and which resources the app uses. STANDALONE_NATIVE_BINDING and
 * STANDALONE_RESOURCES_DIR are for development and tests only: a packaged build ignores them,
 * so that nobody who can set an environment variable can make the installed app load other
 * code or other playbooks.
 */
export function decideShellPaths(inputs: OverrideInputs, pathApi = path): ShellPaths {
  const shipped = electronNativeBindingPath(inputs.appPath, inputs.platform, inputs.arch, pathApi);
  if (inputs.isPackaged) {
    return {
      nativeBinding: shipped,
      resourcesDir: pathApi.join(inputs.resourcesPath, 'resources'),
    };
  }
  return {
    nativeBinding: inputs.env.STANDALONE_NATIVE_BINDING || shipped,
    resourcesDir: inputs.env.STANDALONE_RESOURCES_DIR || undefined,
  };
}
