import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Opens the <dialog> as a modal when it mounts and closes it when it unmounts: the native modal
 * traps focus and gives it back on close. `showModal` is optional because happy-dom lacks it.
 */
export function useModalDialog(): RefObject<HTMLDialogElement> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);
  return ref;
}
