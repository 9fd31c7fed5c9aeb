import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { RowMenu } from '../../../components/tokens/RowMenu';

function renderMenu() {
  const details = vi.fn();
  const revoke = vi.fn();
  const outside = vi.fn();
  render(
    // biome-ignore lint/a11y/noStaticElementInteractions: stands for the list around, which must not see the menu's keys.
    <div onKeyDown={outside}>
      <RowMenu
        label="More actions for laptop"
        items={[
          { label: 'Details', run: details },
          { label: 'Revoke…', danger: true, run: revoke },
        ]}
      />
      <button type="button">elsewhere</button>
    </div>,
  );
  const button = screen.getByRole('button', { name: 'More actions for laptop' });
  return { button, details, revoke, outside };
}

const press = (key: string): boolean => fireEvent.keyDown(document.activeElement as Element, { key });

describe('RowMenu', () => {
  it('should open a menu named like its button, with the focus on the first item', () => {
    const { button } = renderMenu();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('menu', { name: 'More actions for laptop' })).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Details');
  });

  it.each([
    [['ArrowDown'], 'Revoke…'],
    [['ArrowDown', 'ArrowDown'], 'Revoke…'],
    [['ArrowDown', 'ArrowUp'], 'Details'],
    [['End'], 'Revoke…'],
    [['End', 'Home'], 'Details'],
  ])('should move the focus with %j to %s, and keep the keys from the list around', (keys, label) => {
    const { button, outside } = renderMenu();
    fireEvent.click(button);
    for (const key of keys) press(key);
    expect(document.activeElement?.textContent).toBe(label);
    expect(outside).not.toHaveBeenCalled();
  });

  it('should close on Escape and give the focus back to its button, running nothing', () => {
    const { button, details, revoke } = renderMenu();
    fireEvent.click(button);
    press('Escape');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(details).not.toHaveBeenCalled();
    expect(revoke).not.toHaveBeenCalled();
  });

  it('should run the item chosen, once, close, and give the focus back', () => {
    const { button, details, revoke } = renderMenu();
    fireEvent.click(button);
    press('ArrowDown');
    fireEvent.click(document.activeElement as Element);
    expect(revoke).toHaveBeenCalledOnce();
    expect(details).not.toHaveBeenCalled();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('should close when the focus leaves it', () => {
    const { button } = renderMenu();
    fireEvent.click(button);
    const item = document.activeElement as HTMLElement;
    fireEvent.focusOut(item, { relatedTarget: screen.getByRole('button', { name: 'elsewhere' }) });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('should close on Tab, letting the focus move on', () => {
    const { button } = renderMenu();
    fireEvent.click(button);
    expect(press('Tab')).toBe(true);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
