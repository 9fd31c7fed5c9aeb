import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RevokeDialog } from '../../components/tokens/RevokeDialog';
import { TokenList } from '../../components/tokens/TokenList';
import { TokenTable } from '../../components/tokens/TokenTable';
import type { TokenRecord } from '../../utils/store/records';
import { visibleName } from '../../utils/tokens/names';
import { HOSTILE_NAMES } from '../helpers/hostile';
import { tokenRecord } from '../helpers/token-record';

// Names another client of the service may have created: shown as text, never as markup, each
// isolated from the text around it, and the full name always available in a tooltip.
const SHOWN = HOSTILE_NAMES.filter(([, name]) => name !== '');

const record = (name: string): TokenRecord => tokenRecord({ name });

const props = { copiedId: null, now: Date.UTC(2026, 10, 22), onCopy: () => {}, onRevoke: () => {} };

/**
 * The element showing the name: its text is the name (or "Unnamed token" for one with nothing
 * visible), it is bidi-isolated, and its title is the full name.
 */
function expectSafeName(container: Element, name: string): void {
  const shown = [...container.querySelectorAll('.token-name')];
  expect(shown).toHaveLength(1);
  const element = shown[0] as HTMLElement;
  expect(element.textContent).toBe(visibleName(name));
  expect(element.getAttribute('title')).toBe(name);
  // dir="auto" isolates the element in HTML's own style sheet (unicode-bidi: isolate), and
  // assets/app.css states it for .token-name too: an override inside cannot reach the row.
  expect(element.getAttribute('dir')).toBe('auto');
  expect(container.querySelector('script, img, b, iframe')).toBeNull();
  expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
}

describe('hostile token names', () => {
  afterEach(() => {
    delete (globalThis as { pwned?: unknown }).pwned;
  });

  it.each(SHOWN)('should show a name that is %s safely in the popup list', (_label, name) => {
    const { container } = render(<TokenList tokens={[record(name)]} {...props} />);
    expectSafeName(container, name);
    expect(screen.getByRole('button', { name: `Copy ${visibleName(name)}` })).toBeTruthy();
  });

  it.each(SHOWN)('should show a name that is %s safely in the options table', (_label, name) => {
    const { container } = render(
      <TokenTable tokens={[record(name)]} {...props} onSaveNote={async () => {}} />,
    );
    expectSafeName(container, name);
  });

  it.each(SHOWN)(
    'should name a token that is %s in an isolated span in the revoke dialog',
    (_label, name) => {
      render(
        <RevokeDialog
          name={name}
          onConfirm={async () => ({ ok: true, value: undefined })}
          onClose={() => {}}
        />,
      );
      const dialog = screen.getByRole('dialog', { hidden: true });
      const isolated = within(dialog).getAllByText((_, element) => element?.tagName === 'BDI');
      expect(isolated.map((element) => element.textContent)).toContain(visibleName(name));
      expect(dialog.querySelector('script, img')).toBeNull();
    },
  );

  it('should keep the long-name rule that ellipsises instead of widening the row', () => {
    const css = readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'app.css'), 'utf8');
    const rule = /\.token-name \{([^}]*)\}/.exec(css)?.[1] ?? '';
    for (const declaration of [
      'overflow: hidden',
      'text-overflow: ellipsis',
      'white-space: nowrap',
      'unicode-bidi: isolate',
    ])
      expect(rule).toContain(declaration);
  });
});
