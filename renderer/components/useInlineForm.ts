import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * An inline form (opened by a button, rendered in the page): focus moves to its first field when
 * it opens, Escape cancels it, and focus returns to the button that opened it when it closes
 * (if that button is still on the page). Attach the returned ref to the form.
 */
export function useInlineForm<E extends HTMLElement>(onCancel: () => void): RefObject<E | null> {
  const ref = useRef<E>(null);
  // The latest onCancel, for the keydown listener set up once when the form opens.
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });
  useEffect(() => {
    const el = ref.current;
    const opener =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : null;
    el?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      cancel.current();
    };
    el?.addEventListener('keydown', onKey);
    return () => {
      el?.removeEventListener('keydown', onKey);
      window.setTimeout(() => {
        const active = document.activeElement;
        if (opener?.isConnected && (!active || active === document.body)) opener.focus();
      }, 0);
    };
  }, []);
  return ref;
}
