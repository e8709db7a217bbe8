import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../test/temp-runtime';

let rt: TestRuntime;
beforeEach(() => {
  rt = startTestRuntime();
});
afterEach(() => rt.cleanup());

/** The query plan of the devices page filtered on one column, as SQLite would run it. */
function plan(column: string): string {
  const rows = rt.services.db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT * FROM devices WHERE ${column} = ? ORDER BY asset_tag LIMIT 200 OFFSET 0`,
    )
    .all('x') as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('the devices page query plan', () => {
  it.each([
    ['vendor', 'devices_vendor'],
    ['family', 'devices_family'],
    ['department', 'devices_department'],
    ['os_name', 'devices_os'],
  ])('a %s filter reads its page from %s in asset-tag order, without sorting', (column, index) => {
    const p = plan(column);
    expect(p).toContain(`USING INDEX ${index} (${column}=?)`);
    expect(p).not.toContain('TEMP B-TREE');
  });
});
