import { describe, expect, it } from 'vitest';
import { roundAfter, startsNewRound } from './rounds';
import { workflowSignoffKinds, type WorkflowSignoffKind } from './signoff-kinds';
import type { WorkflowState } from './states';
import { transitionRules } from './transitions';

/**
 * A sign-off could be reused when the case comes back to a state it was in: given once, it would
 * admit the same step again. Every such path through the transition table must begin a new
 * round on the way, so the sign-off of the first pass no longer counts.
 */

type Path = WorkflowState[];

/** Every simple cycle from `start` back to `start` through the transition table. */
function cyclesThrough(start: WorkflowState): Path[] {
  const found: Path[] = [];
  const walk = (path: Path) => {
    const here = path.at(-1) as WorkflowState;
    for (const rule of transitionRules.filter((r) => r.from === here)) {
      if (rule.to === start) found.push([...path, start]);
      else if (!path.includes(rule.to)) walk([...path, rule.to]);
    }
  };
  walk([start]);
  return found;
}

const steps = (path: Path) =>
  path.slice(1).map((to, i) => ({ from: path[i] as WorkflowState, to }));

/** Each kind and the states whose steps it admits (where it is given, and could be given again). */
const kindsAndStates = (Object.keys(workflowSignoffKinds) as WorkflowSignoffKind[]).map(
  (kind) =>
    [
      kind,
      [...new Set(transitionRules.filter((r) => r.signoffs.includes(kind)).map((r) => r.from))],
    ] as const,
);

describe('every path that would reuse a sign-off begins a new round', () => {
  const paths = kindsAndStates.flatMap(([kind, states]) =>
    states.flatMap((state) =>
      cyclesThrough(state).map((path) => [kind, path.join(' → '), path] as const),
    ),
  );

  it('finds such paths for every kind the workflow asks for', () => {
    expect(new Set(paths.map(([kind]) => kind))).toEqual(
      new Set(Object.keys(workflowSignoffKinds)),
    );
  });

  it.each(paths)('%s: %s', (_kind, _label, path) => {
    expect(roundAfter(steps(path))).toBeGreaterThan(0);
  });
});

describe('the moves that begin a round', () => {
  it.each([
    ['assessing', 'quarantined'],
    ['verifying', 'quarantined'],
    ['quarantined', 'restoring'],
    ['restoring', 'quarantined'],
    ['deferred', 'assessing'],
    ['patching', 'assessing'],
    ['verifying', 'patching'],
  ] as const)('%s → %s begins a new round', (from, to) => {
    expect(startsNewRound(from, to)).toBe(true);
  });

  // Forward along the workflow, a sign-off given earlier in the round still admits its step.
  it.each(
    transitionRules
      .filter((r) => !(['quarantined', 'restoring'] as string[]).includes(r.to))
      .filter(
        (r) =>
          !['deferred→assessing', 'patching→assessing', 'verifying→patching'].includes(
            `${r.from}→${r.to}`,
          ),
      )
      .map((r) => [r.from, r.to] as const),
  )('%s → %s stays in the round', (from, to) => {
    expect(startsNewRound(from, to)).toBe(false);
  });

  it('counts the rounds of a case from its transitions', () => {
    const path: Path = [
      'at_risk',
      'assessing',
      'standalone',
      'patching',
      'verifying',
      'patching',
      'verifying',
      'quarantined',
      'restoring',
      'verifying',
      'reconnecting',
      'returned_to_service',
    ];
    expect(roundAfter(steps(path))).toBe(3);
    expect(roundAfter(steps(path.slice(0, 5)))).toBe(0);
  });
});
