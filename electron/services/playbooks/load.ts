import fs from 'node:fs';
import path from 'node:path';
import { checkTemplateContract } from './contract';
import { formatPath, playbookTemplateSchema, type PlaybookTemplate } from './schema';

/**
 * Loads every playbook template in a folder at start-up. Every problem in every file is collected
 * before failing, each as "file: path: what is wrong", so an administrator fixes them in one pass.
 */

export interface PlaybookLibrary {
  templates: readonly PlaybookTemplate[];
  get(id: string, version: number): PlaybookTemplate | undefined;
  /** The highest version of a template: what a new case uses. */
  latest(id: string): PlaybookTemplate | undefined;
}

export class PlaybookLoadError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The playbook templates cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PlaybookLoadError';
  }
}

export interface LoadOptions {
  /** Radionuclide ids the site's table knows; the gate's radionuclide options must be among them. */
  radionuclides?: readonly string[];
  /** Checks a file's bytes before it is parsed (the shipped files' hashes); returns a problem. */
  checkFile?: (file: string, bytes: Buffer) => string | null;
}

/** Validates one template's JSON text; returns the template or the problems, each naming `file`. */
export function parsePlaybookTemplate(
  file: string,
  text: string,
  options: LoadOptions = {},
): { template: PlaybookTemplate } | { problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [`${file}: is not valid JSON (${(error as Error).message})`] };
  }
  const parsed = playbookTemplateSchema.safeParse(json);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message}`),
    };
  }
  const template = parsed.data;
  const problems = checkTemplateContract(template, options.radionuclides).map(
    (p) => `${file}: ${formatPath(p.path)}: ${p.message}`,
  );
  return problems.length > 0 ? { problems } : { template };
}

export function loadPlaybooks(dir: string, options: LoadOptions = {}): PlaybookLibrary {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new PlaybookLoadError([`${dir}: cannot be read (${(error as Error).message})`]);
  }
  const problems: string[] = [];
  const templates: PlaybookTemplate[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = path.join(dir, name);
    const bytes = fs.readFileSync(file);
    const refused = options.checkFile?.(file, bytes);
    if (refused) {
      problems.push(refused);
      continue;
    }
    const result = parsePlaybookTemplate(file, bytes.toString('utf8'), options);
    if ('problems' in result) {
      problems.push(...result.problems);
      continue;
    }
    const key = `${result.template.id}@${result.template.version}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        `${file}: ${result.template.id} version ${result.template.version} is already defined in ${first}; a version, once used by a case, never changes: give this one a new version`,
      );
      continue;
    }
    seen.set(key, file);
    templates.push(result.template);
  }
  if (names.length === 0) problems.push(`${dir}: holds no playbook templates (*.json)`);
  if (problems.length > 0) throw new PlaybookLoadError(problems);
  return libraryOf(templates);
}

export function libraryOf(templates: readonly PlaybookTemplate[]): PlaybookLibrary {
  return {
    templates,
    get: (id, version) => templates.find((t) => t.id === id && t.version === version),
    latest: (id) =>
      templates
        .filter((t) => t.id === id)
        .reduce<PlaybookTemplate | undefined>(
          (best, t) => (!best || t.version > best.version ? t : best),
          undefined,
        ),
  };
}
