import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), [href], [tabindex="0"]';

/**
 * Opens the <dialog> as a modal when it mounts and closes it when it unmounts. Tab and Shift+Tab
 * cycle inside it: in a tab, Chromium's native modal lets Tab leave for the browser's own
 * controls (the popup window has none, so there it wraps anyway). On close the focus goes back to
 * what had it before, the button that opened the dialog: Chromium's `close()` does that itself,
 * older browsers and happy-dom do not. `showModal` is optional because happy-dom lacks it.
 */
export function useModalDialog(): RefObject<HTMLDialogElement> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    const trap = (event: KeyboardEvent): void => {
      if (event.key !== 'Tab') return;
      const controls = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const edge = event.shiftKey ? controls[0] : controls[controls.length - 1];
      const wrap = event.shiftKey ? controls[controls.length - 1] : controls[0];
      if (document.activeElement !== edge && dialog.contains(document.activeElement)) return;
      event.preventDefault();
      wrap?.focus();
    };
    dialog.addEventListener('keydown', trap);
    if (!dialog.open) dialog.showModal?.();
    return () => {
      dialog.removeEventListener('keydown', trap);
      dialog.close?.();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return ref;
}
