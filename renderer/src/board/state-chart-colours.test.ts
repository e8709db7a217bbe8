import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseStates } from '../../../electron/api/domains/cases';

const css = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '../styles/board-states.css'),
  'utf8',
);

/** The fill of every `.board-fill-<state>` rule, by state (a rule may name several states). */
function chartFills(): Map<string, string[]> {
  const fills = new Map<string, string[]>();
  for (const rule of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const [, selectors = '', body = ''] = rule;
    const fill = /(?:^|;|\s)fill:\s*([^;]+);/.exec(body)?.[1]?.trim().toLowerCase();
    if (!fill) continue;
    for (const match of selectors.matchAll(/\.board-fill-([a-z_]+)/g)) {
      const state = match[1] ?? '';
      fills.set(state, [...(fills.get(state) ?? []), fill]);
    }
  }
  return fills;
}

describe('the board chart', () => {
  it('gives every case state one colour of its own', () => {
    const fills = chartFills();
    for (const state of caseStates) expect(fills.get(state), state).toHaveLength(1);
    const colours = caseStates.map((s) => fills.get(s)?.[0]);
    expect(new Set(colours).size).toBe(caseStates.length);
  });
});
