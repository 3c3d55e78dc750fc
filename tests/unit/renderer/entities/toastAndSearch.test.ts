import { beforeEach, describe, expect, it } from 'vitest';
import {
  latestUndoToast,
  runToastAction,
  showToast,
  useToastStore,
} from '../../../../renderer/ui/toast';
import { exactRef, searchRefs } from '../../../../renderer/features/entities/widgets/refSearch';

describe('toasts', () => {
  beforeEach(() => useToastStore.getState().clear());

  it('offers the newest undo to Ctrl+Z and runs it once only', async () => {
    let undone = 0;
    showToast({ message: '저장되었습니다', tone: 'success' });
    const id = showToast({
      message: '삭제되었습니다',
      action: { kind: 'undo', label: '실행 취소', run: () => void undone++ },
    });
    showToast({ message: 'info' });
    const undo = latestUndoToast(useToastStore.getState().toasts);
    expect(undo?.id).toBe(id);
    expect(undo?.durationMs).toBeGreaterThan(4000); // time to react
    if (!undo) return;
    await runToastAction(undo);
    await runToastAction(undo); // a double click must not undo twice
    expect(undone).toBe(1);
    expect(useToastStore.getState().toasts.some((t) => t.id === id)).toBe(false);
    expect(latestUndoToast(useToastStore.getState().toasts)).toBeUndefined();
  });

  it('keeps the stack short', () => {
    for (let i = 0; i < 10; i++) showToast({ message: `m${i}` });
    const messages = useToastStore.getState().toasts.map((t) => t.message);
    expect(messages.length).toBeLessThanOrEqual(4);
    expect(messages.at(-1)).toBe('m9');
  });

  it('turns a failing action into an error toast', async () => {
    const id = showToast({
      message: 'x',
      action: {
        kind: 'undo',
        label: 'u',
        run: () => {
          throw new Error('실패');
        },
      },
    });
    const toast = useToastStore.getState().toasts.find((t) => t.id === id);
    if (toast) await runToastAction(toast);
    const last = useToastStore.getState().toasts.at(-1);
    expect(last).toMatchObject({ message: '실패', tone: 'error' });
  });
});

describe('reference search', () => {
  const titles = new Map([
    ['a', '한빛정밀'],
    ['b', '(주)한빛테크'],
    ['c', '구미전자'],
    ['d', 'LG Display'],
  ]);

  it('finds titles containing the text, prefix matches first', () => {
    const r = searchRefs(titles, '한빛');
    expect(r.options.map((o) => o.id)).toEqual(['a', 'b']);
    expect(searchRefs(titles, 'lg').options.map((o) => o.id)).toEqual(['d']);
    expect(searchRefs(titles, 'ＬＧ').options.map((o) => o.id)).toEqual(['d']); // full-width
  });

  it('leaves out chosen ids and caps the list', () => {
    expect(searchRefs(titles, '', new Set(['a', 'b', 'c'])).options.map((o) => o.id)).toEqual([
      'd',
    ]);
    const many = new Map(Array.from({ length: 120 }, (_, i) => [`id${i}`, `회사${i}`]));
    const r = searchRefs(many, '회사', new Set(), 50);
    expect(r.options).toHaveLength(50);
    expect(r.more).toBe(true);
    expect(searchRefs(undefined, 'x')).toEqual({ options: [], more: false });
  });

  it('matches a fully typed title exactly', () => {
    expect(exactRef(titles, ' 구미전자 ')).toBe('c');
    expect(exactRef(titles, '구미')).toBeUndefined();
    expect(exactRef(titles, '구미전자', new Set(['c']))).toBeUndefined();
  });
});
