import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { injectContentSecurityPolicy } from './electron/api/content-security-policy';

/**
 * Three builds: the main process (with the services process and the CLI as extra entries, all
 * plain Node except main/), the sandboxed preload (CommonJS), and the React renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          services: resolve('electron/services/host.ts'),
          cli: resolve('electron/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [
      react(),
      // The page's meta tag gets the same policy the app protocol and browser mode send.
      {
        name: 'content-security-policy',
        transformIndexHtml: { order: 'pre', handler: injectContentSecurityPolicy },
      },
    ],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
