/**
 * Toasts: short messages at the bottom of the window, optionally with one action (실행 취소).
 * A zustand store so any code (a form, the sync engine) can raise one without prop drilling;
 * `<ToastHost/>`, mounted once by the shell, renders them.
 */
import { create } from 'zustand';

export type ToastTone = 'info' | 'success' | 'error';

export interface ToastAction {
  /** button text, already translated */
  label: string;
  run: () => void | Promise<void>;
  /** an undo action also answers Ctrl+Z while its toast is visible */
  kind?: 'undo' | 'action';
}

export interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
  action?: ToastAction;
  /** how long the toast stays; undo toasts stay longer so there is time to react */
  durationMs: number;
}

export interface ToastInput {
  message: string;
  tone?: ToastTone;
  action?: ToastAction;
  durationMs?: number;
}

interface ToastState {
  toasts: Toast[];
  show: (input: ToastInput) => number;
  dismiss: (id: number) => void;
  clear: () => void;
}

const DEFAULT_DURATION_MS = 4000;
const ACTION_DURATION_MS = 8000;
/** Older toasts are dropped beyond this: a burst of saves must not cover the screen. */
const MAX_VISIBLE = 4;

let nextId = 1;

export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  show: (input) => {
    const id = nextId++;
    const toast: Toast = {
      id,
      message: input.message,
      tone: input.tone ?? 'info',
      action: input.action,
      durationMs: input.durationMs ?? (input.action ? ACTION_DURATION_MS : DEFAULT_DURATION_MS),
    };
    set((s) => ({ toasts: [...s.toasts, toast].slice(-MAX_VISIBLE) }));
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  clear: () => set({ toasts: [] }),
}));

/** Raises a toast from anywhere (components, async callbacks). Returns its id. */
export function showToast(input: ToastInput): number {
  return useToastStore.getState().show(input);
}

export function dismissToast(id: number): void {
  useToastStore.getState().dismiss(id);
}

/** The newest visible toast offering an undo, if any (Ctrl+Z runs it). */
export function latestUndoToast(toasts: readonly Toast[]): Toast | undefined {
  for (let i = toasts.length - 1; i >= 0; i--) {
    const t = toasts[i];
    if (t?.action?.kind === 'undo') return t;
  }
  return undefined;
}

/** Runs a toast's action once and removes the toast (a second click must not undo twice). */
export async function runToastAction(toast: Toast): Promise<void> {
  if (!useToastStore.getState().toasts.some((t) => t.id === toast.id)) return;
  dismissToast(toast.id);
  try {
    await toast.action?.run();
  } catch (err) {
    showToast({ message: err instanceof Error ? err.message : String(err), tone: 'error' });
  }
}
