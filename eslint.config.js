// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'dns',
  'url',
  'util',
  'stream',
  'worker_threads',
];
/** Package names are matched exactly; folder patterns (with a slash or glob) as gitignore patterns. */
const packages = new Set([
  'electron',
  'better-sqlite3',
  'react',
  'react-dom',
  ...nodeBuiltins.filter((n) => !n.includes('*')),
]);

const demoMessage =
  'The demo calls the API through the typed client, never another domain of the services.';

/** A `no-restricted-imports` rule: which of our folders (and which modules) a folder may not import. */
function boundary(message, restricted) {
  const paths = restricted.filter((r) => packages.has(r)).map((name) => ({ name, message }));
  const group = restricted.filter((r) => !packages.has(r));
  return {
    'no-restricted-imports': ['error', { paths, patterns: [{ group, message }] }],
  };
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.scratch*',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // The contract imports nothing of ours and no Node or DOM module.
  {
    files: ['electron/api/**/*.ts'],
    rules: boundary('electron/api is the pure contract: it imports only zod.', [
      '**/services/**',
      '**/main/**',
      '**/preload/**',
      '**/cli/**',
      '**/browser/**',
      '**/renderer/**',
      'electron',
      ...nodeBuiltins,
      'better-sqlite3',
      'react',
      'react-dom',
    ]),
  },
  // Services are plain Node: never Electron, never the UI.
  {
    files: ['electron/services/**/*.ts'],
    rules: boundary('electron/services is plain Node: no Electron, no renderer, no transports.', [
      'electron',
      '**/main/**',
      '**/preload/**',
      '**/cli/**',
      '**/browser/**',
      '**/renderer/**',
      'react',
      'react-dom',
    ]),
  },
  // The CLI is a caller like any other: it starts the runtime and calls the API through the
  // typed client, never a service module (its tests may use the test helpers).
  {
    files: ['electron/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: boundary(
      'The CLI calls the API through the typed client; of the services it may import only the runtime.',
      [
        '**/services/**',
        '!**/services/runtime',
        'electron',
        '**/main/**',
        '**/preload/**',
        '**/browser/**',
        '**/renderer/**',
        'react',
      ],
    ),
  },
  // The demo walkthrough is a caller too: it reaches the other domains through the API only
  // (of the services, only the shared core: the call context and its errors).
  {
    files: ['electron/services/demo/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'].map((name) => ({ name, message: demoMessage })),
          patterns: [
            { regex: '^\\.\\./(?!core/)[^./][^/]*(/|$)', message: demoMessage },
            {
              group: [
                '**/main/**',
                '**/preload/**',
                '**/cli/**',
                '**/browser/**',
                '**/renderer/**',
              ],
              message: demoMessage,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: boundary(
      'The main process relays to the services process; it never imports services code or the UI.',
      [
        '**/services/**',
        '!**/services/host-protocol',
        '**/cli/**',
        '**/browser/**',
        '**/renderer/**',
        'better-sqlite3',
        'react',
      ],
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: boundary('The preload exposes one typed object; no logic, no services, no Node.', [
      '**/services/**',
      '**/main/**',
      '**/cli/**',
      '**/browser/**',
      '**/renderer/**',
      ...nodeBuiltins,
      'better-sqlite3',
    ]),
  },
  // The renderer is DOM only: it talks to the services through window.standalone.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundary(
        'The renderer is DOM only: use window.standalone, never services or Node modules.',
        [
          '**/services/**',
          '**/main/**',
          '**/preload/**',
          '**/cli/**',
          '**/browser/**',
          'electron',
          ...nodeBuiltins,
          'better-sqlite3',
        ],
      ),
    },
  },
  // A renderer test may hold the screen's rules against the services' (both run in Node there).
  {
    files: ['renderer/**/*.test.ts'],
    rules: boundary('A renderer test may import the services it compares with, nothing else.', [
      '**/main/**',
      '**/preload/**',
      '**/cli/**',
      '**/browser/**',
      'electron',
    ]),
  },
  {
    files: [
      'e2e/**/*.ts',
      'bench/**/*.ts',
      '**/*.test.ts',
      'scripts/**',
      'electron/browser/**/*.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);
