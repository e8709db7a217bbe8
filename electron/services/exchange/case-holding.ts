import type Database from 'better-sqlite3';
import type { BoundRowEntry } from '../audit/row-images';

/**
 * One writer per case: a station's events may speak only of cases it holds, those its own chain
 * opened (already in the replica, or opened by an earlier event of the same bundle) and has not
 * handed to another station since (its `transferred_to`, case-transfer.ts). An event about any
 * other case, through its entity or the records it carries, is refused with the bundle. The
 * event that hands a case on still speaks of a case held; only the events after it do not. A case
 * handed on and then handed back (case-handback.ts) is held again from the event that reopens it:
 * its record names the case it came back from, which must have been handed to this station (when
 * that station's bundle has not arrived here yet, the sending station's signed word is taken).
 */
export class CaseHolding {
  private readonly opened = new Set<number>();
  private readonly handedOn = new Set<number>();
  private readonly held: Database.Statement<[string, number], number>;
  private readonly known: Database.Statement<[string, number], number>;
  private readonly handedTo: Database.Statement<[string, number], string | null>;

  constructor(
    db: Database.Database,
    private readonly stationId: string,
  ) {
    this.held = db
      .prepare<[string, number], number>(
        'SELECT 1 FROM station_cases WHERE station_id = ? AND id = ? AND transferred_to IS NULL',
      )
      .pluck();
    this.known = db
      .prepare<[string, number], number>(
        'SELECT 1 FROM station_cases WHERE station_id = ? AND id = ?',
      )
      .pluck();
    this.handedTo = db
      .prepare<[string, number], string | null>(
        'SELECT transferred_to FROM station_cases WHERE station_id = ? AND id = ?',
      )
      .pluck();
  }

  /** The first case the event speaks of that the station does not hold, or null. */
  notHeld(
    event: { entityType: string; entityId: string | null },
    rows: readonly BoundRowEntry[],
  ): number | null {
    const handing: number[] = [];
    for (const [table, key, image] of rows) {
      if (table !== 'cases' || image === null || typeof key[0] !== 'number') continue;
      if (image.transferred_to !== null && image.transferred_to !== undefined) handing.push(key[0]);
      else if (!this.exists(key[0])) this.opened.add(key[0]);
      else if (this.handedBack(key[0], image)) {
        this.handedOn.delete(key[0]);
        this.opened.add(key[0]);
      }
    }
    const spoken: number[] = [];
    if (event.entityType === 'case' && event.entityId !== null) {
      spoken.push(parseInt(event.entityId, 10));
    }
    for (const [table, key, image] of rows) {
      if (table === 'cases' && typeof key[0] === 'number') spoken.push(key[0]);
      else if (table === 'case_answers' || table === 'case_history') {
        const caseId = image?.case_id ?? (table === 'case_answers' ? key[0] : undefined);
        if (typeof caseId === 'number') spoken.push(caseId);
      }
    }
    for (const id of spoken) {
      if (!Number.isSafeInteger(id)) continue;
      if (this.handedOn.has(id)) return id;
      if (!this.opened.has(id) && this.held.get(this.stationId, id) === undefined) return id;
    }
    for (const id of handing) {
      this.handedOn.add(id);
      this.opened.delete(id);
    }
    return null;
  }

  /** A case the station handed on, reopened as handed back to it by the station it names. */
  private handedBack(id: number, image: Record<string, unknown>): boolean {
    const from = image.transferred_from_station;
    const fromCase = image.transferred_from_case;
    if (typeof from !== 'string' || typeof fromCase !== 'number' || from === this.stationId) {
      return false;
    }
    const wasHanded = this.handedOn.has(id) || this.held.get(this.stationId, id) === undefined;
    if (!wasHanded) return false;
    const to = this.handedTo.get(from, fromCase);
    return to === undefined || to === this.stationId;
  }

  /** A case of the station's record already here, held or handed on. */
  private exists(id: number): boolean {
    return this.known.get(this.stationId, id) !== undefined;
  }
}
