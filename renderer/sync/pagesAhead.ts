/**
 * The pull pages of one run, asked for ahead of the page being applied (engine.ts).
 *
 * Invariants:
 * - Requests go one at a time, in cursor order: a page's request needs the cursor in the answer
 *   before it, so each answer with more to come starts the next request at once.
 * - At most `depth` pages are asked for and not yet taken: a slow answer, or the parse and check
 *   of one on this thread, overlaps the transactions of the pages before it, and memory stays
 *   bounded (a page is at most SYNC_LIMITS.maxChangesPerPull changes).
 * - Pages are taken in order. A failed request ends the requests; its failure surfaces when that
 *   page is taken. Pages never taken are dropped (`drop`): their failures are not the run's.
 */
import type { PullResponse } from '../../shared/sync/protocol';

export class PagesAhead {
  private readonly queue: Array<Promise<PullResponse>> = [];
  /** the cursor of the next request, once the answer before it has arrived */
  private nextCursor: string | null;
  private inFlight = false;
  private dropped = false;

  constructor(
    private readonly pull: (cursor: string) => Promise<PullResponse>,
    cursor: string,
    private readonly depth: number,
  ) {
    this.nextCursor = cursor;
    this.fill();
  }

  private fill(): void {
    if (this.dropped || this.inFlight || this.nextCursor === null) return;
    if (this.queue.length >= this.depth) return;
    const cursor = this.nextCursor;
    this.nextCursor = null;
    this.inFlight = true;
    const page = this.pull(cursor);
    this.queue.push(page);
    page.then(
      (answer) => {
        this.inFlight = false;
        if (answer.hasMore) this.nextCursor = answer.cursor;
        this.fill();
      },
      () => {
        this.inFlight = false; // no cursor to go on from: the failure is taken with this page
      },
    );
  }

  /** The next page in order; `cursor` (the position after the last page taken) if none is asked for yet. */
  take(cursor: string): Promise<PullResponse> {
    if (this.queue.length === 0 && !this.inFlight) {
      this.nextCursor = cursor;
      this.fill();
    }
    const page = this.queue.shift() as Promise<PullResponse>;
    this.fill();
    return page;
  }

  /** No more requests; the pages asked for and not taken are dropped. */
  drop(): void {
    this.dropped = true;
    for (const page of this.queue) page.catch(() => undefined);
    this.queue.length = 0;
  }
}
