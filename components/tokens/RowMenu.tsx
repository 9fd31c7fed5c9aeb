import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { moveIndex } from '../../utils/lib';

export interface RowMenuItem {
  label: string;
  /** Revoke: drawn in the danger colour, last, apart from the everyday actions. */
  danger?: boolean;
  run(): void;
}

interface RowMenuProps {
  /** The button's accessible name ("More actions for <token>"), also the menu's. */
  label: string;
  items: readonly RowMenuItem[];
  /** What the button shows (the popup's account switcher shows the account); "⋯" when absent. */
  children?: ComponentChildren;
  /** The button's class; the row's compact "more" button when absent. */
  buttonClass?: string;
  /** 'start': the menu opens from the button's left edge (a button at the left of the header). */
  align?: 'start' | 'end';
}

/**
 * A row's rarer actions behind one button, as the WAI-ARIA menu button pattern has it
 * (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/): opening moves the focus to the first
 * item, arrow keys / Home / End move it, Enter or Space runs one (items are buttons), Escape and
 * Tab close the menu, and Escape gives the focus back to the button. Keys stay inside: the list
 * around must not move rows. The menu is fixed under the button, so the list's scroll box never
 * clips it.
 */
export function RowMenu({ label, items, children, buttonClass = 'quiet more', align = 'end' }: RowMenuProps) {
  const [at, setAt] = useState<{ top: number; right?: number; left?: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const open = at !== null;
  useLayoutEffect(() => {
    if (open) (menu.current?.firstElementChild as HTMLElement | null)?.focus();
  }, [open]);
  const close = (): void => {
    setAt(null);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    event.stopPropagation();
    const entries = [...(menu.current?.children ?? [])] as HTMLElement[];
    const to = moveIndex(event.key, entries.indexOf(event.target as HTMLElement), entries.length, 1);
    if (to !== null) entries[to]?.focus();
    else if (event.key === 'Escape') close();
    else if (event.key === 'Tab') setAt(null);
    if (to !== null || event.key === 'Escape') event.preventDefault();
  };
  return (
    <div
      class="row-menu"
      onFocusOut={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setAt(null);
      }}
    >
      <button
        ref={button}
        type="button"
        class={buttonClass}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          const side = align === 'start' ? { left: box.left } : { right: innerWidth - box.right };
          setAt(open ? null : { top: box.bottom, ...side });
        }}
      >
        {children ?? '⋯'}
      </button>
      {open ? (
        <div ref={menu} role="menu" aria-label={label} style={at} onKeyDown={onKeyDown}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              class={item.danger ? 'quiet danger-text' : 'quiet'}
              onClick={() => {
                close();
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
