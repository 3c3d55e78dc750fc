import { useEffect, useRef } from 'react';
import { registerShortcut, type Shortcut } from './shortcuts';

/**
 * Registers a shortcut while the component is mounted. The latest `run` is always called, so
 * callers need not memoise it.
 */
export function useShortcut(shortcut: Shortcut): void {
  const latest = useRef(shortcut);
  useEffect(() => {
    latest.current = shortcut;
  });
  const { key, ctrl, alt, shift, allowInFields, descriptionKey } = shortcut;
  useEffect(
    () =>
      registerShortcut({
        key,
        ctrl,
        alt,
        shift,
        allowInFields,
        descriptionKey,
        run: (e) => latest.current.run(e),
      }),
    [key, ctrl, alt, shift, allowInFields, descriptionKey],
  );
}
