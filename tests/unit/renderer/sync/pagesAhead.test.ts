import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../../shared/sync/protocol';
import { PagesAhead } from '../../../../renderer/sync/pagesAhead';

/** A server of `last` pages (cursor n → page n+1) whose answers the test releases one by one. */
function server(last: number, failAt?: number) {
  const asked: string[] = [];
  const pending: Array<() => void> = [];
  const pull = (cursor: string) => {
    asked.push(cursor);
    return new Promise<PullResponse>((resolve, reject) => {
      const n = Number(cursor) + 1;
      pending.push(() =>
        n === failAt
          ? reject(new Error(`page ${n} failed`))
          : resolve({ serverTime: 0, changes: [], cursor: String(n), hasMore: n < last }),
      );
    });
  };
  const answer = async () => {
    pending.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { asked, pull, answer };
}

describe('PagesAhead (pull pages asked for ahead)', () => {
  it('asks one page at a time, in cursor order, and at most `depth` pages ahead of the one taken', async () => {
    const s = server(5);
    const pages = new PagesAhead(s.pull, '0', 2);
    expect(s.asked).toEqual(['0']);
    const first = pages.take('0');
    await s.answer();
    expect((await first).cursor).toBe('1');
    expect(s.asked).toEqual(['0', '1']); // the answer started the next request
    await s.answer();
    expect(s.asked).toEqual(['0', '1', '2']);
    await s.answer();
    // pages 2 and 3 arrived, none taken since the first: two ahead, no fourth request
    expect(s.asked).toEqual(['0', '1', '2']);
    expect((await pages.take('1')).cursor).toBe('2');
    expect(s.asked).toEqual(['0', '1', '2', '3']);
    expect((await pages.take('2')).cursor).toBe('3');
    await s.answer();
    await s.answer();
    const fourth = await pages.take('3');
    const fifth = await pages.take('4');
    expect([fourth.cursor, fifth.cursor, fifth.hasMore]).toEqual(['4', '5', false]);
    expect(s.asked).toEqual(['0', '1', '2', '3', '4']); // nothing after the last page
  });

  it('stops asking after a failed answer, which surfaces when its page is taken', async () => {
    const s = server(5, 2);
    const pages = new PagesAhead(s.pull, '0', 2);
    await s.answer();
    await s.answer();
    await s.answer();
    expect(s.asked).toEqual(['0', '1']);
    expect((await pages.take('0')).cursor).toBe('1');
    await expect(pages.take('1')).rejects.toThrow('page 2 failed');
    expect(s.asked).toEqual(['0', '1']);
  });

  it('drops the pages not taken: no unhandled failure, no further request', async () => {
    const s = server(5, 2);
    const pages = new PagesAhead(s.pull, '0', 2);
    await s.answer();
    pages.drop();
    await s.answer(); // page 2 fails after the drop: nobody waits for it
    expect(s.asked).toEqual(['0', '1']);
  });
});
