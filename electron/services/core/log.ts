import fs from 'node:fs';
import path from 'node:path';
import { createFolder } from '../storage/create-folder';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

/** JSON lines to `<dataDir>/logs/services.log`; stacks go here, never into API results. */
export function createFileLogger(dataDir: string): Logger {
  const dir = path.join(dataDir, 'logs');
  createFolder(dir, 'logFolder');
  const file = path.join(dir, 'services.log');
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
    try {
      fs.appendFileSync(file, line + '\n');
    } catch {
      process.stderr.write(line + '\n');
    }
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export function createMemoryLogger(): Logger & { lines: { level: Level; message: string }[] } {
  const lines: { level: Level; message: string; fields?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
  };
}
