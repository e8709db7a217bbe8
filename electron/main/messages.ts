/**
 * Every string the main process shows to a person, in one place. The renderer's i18n catalogue is
 * not loaded in the main process; these few dialog texts are the ones to translate with it.
 */
export const messages = {
  fatalTitle: 'Standalone cannot start',
  fatalDetail: (message: string, dataDir: string) =>
    `${message}\n\nData folder: ${dataDir}\nThe log file in that folder has the details. ` +
    `Standalone will now close.`,
  crashedTitle: 'Standalone stopped working',
  crashedMessage: (exitCode: number) =>
    `The Standalone services stopped unexpectedly (exit code ${exitCode}).`,
  crashedDetail: (dataDir: string) =>
    `Steps confirmed on screen were already saved. Start Standalone again; if this keeps ` +
    `happening, send the log file from ${dataDir} to your administrator. Standalone will now close.`,
  missingNativeBinding: (file: string) =>
    `The database engine built for this version of Electron is missing (${file}). ` +
    `Run \`npm start\` (which builds it) or reinstall Standalone.`,
  servicesExitedEarly: (exitCode: number) =>
    `The Standalone services stopped before they were ready (exit code ${exitCode}).`,
  shuttingDown: 'Standalone is closing; the call was not sent.',
  servicesStopped: 'The Standalone services have stopped; restart Standalone.',
  untrustedSender: 'This call did not come from the Standalone window and was refused.',
  invalidMethod: 'The method name must be a string.',
  viewMenu: 'View',
} as const;
