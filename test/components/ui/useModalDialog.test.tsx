import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useModalDialog } from '../../../components/ui/useModalDialog';

function Dialog() {
  const ref = useModalDialog();
  return (
    <dialog ref={ref} aria-label="Question">
      <button type="button">First</button>
      <button type="button" disabled>
        Disabled
      </button>
      <button type="button">Last</button>
    </dialog>
  );
}

function open() {
  const opener = document.createElement('button');
  document.body.append(opener);
  opener.focus();
  const view = render(<Dialog />);
  const button = (name: string) => screen.getByRole('button', { name, hidden: true });
  return { ...view, opener, button };
}

describe('useModalDialog', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it.each([
    ['Last', false, 'First'],
    ['First', true, 'Last'],
  ])('should move the focus from %s with Tab (shift: %s) round to %s', (from, shiftKey, to) => {
    const { button } = open();
    button(from).focus();
    const moved = !fireEvent.keyDown(button(from), { key: 'Tab', shiftKey });
    expect(moved).toBe(true);
    expect(document.activeElement).toBe(button(to));
  });

  it('should leave Tab between two controls inside to the browser', () => {
    const { button } = open();
    button('First').focus();
    expect(fireEvent.keyDown(button('First'), { key: 'Tab' })).toBe(true);
  });

  it('should give the focus back to what had it when the dialog closes', () => {
    const { button, opener, unmount } = open();
    button('Last').focus();
    unmount();
    expect(document.activeElement).toBe(opener);
  });
});
