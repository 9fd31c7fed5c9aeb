import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { GrantsSection } from '../../../components/fill/GrantsSection';

const grant = { service: 's', account: 'a', tokenId: '1', origin: 'https://ci.example', grantedAt: 1 };
const other = { ...grant, tokenId: '2', siteDefault: true };
const names = new Map([
  ['1', 'deploy'],
  ['2', 'laptop'],
]);
const noop = (): void => {};
const saves = (): Promise<void> => Promise.resolve();

describe('GrantsSection', () => {
  it('should list each grant with a remove button naming the token and the site', () => {
    const onRemove = vi.fn();
    render(<GrantsSection grants={[grant]} names={names} onRemove={onRemove} onDefault={saves} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove deploy on https://ci.example' }));
    expect(onRemove).toHaveBeenCalledWith(grant);
  });

  it('should say when no site is allowed yet', () => {
    render(<GrantsSection grants={[]} names={new Map()} onRemove={noop} onDefault={saves} />);
    expect(screen.getByText(/None yet/)).toBeTruthy();
  });

  it("should show each site's default token, with the last filled as the fallback, and change it", async () => {
    const onDefault = vi.fn(saves);
    render(<GrantsSection grants={[grant, other]} names={names} onRemove={noop} onDefault={onDefault} />);
    const select = screen.getByRole('combobox', { name: 'Default token for https://ci.example' });
    expect((select as HTMLSelectElement).value).toBe('2');
    expect(screen.getByRole('option', { name: 'The token last filled here' })).toBeTruthy();
    expect(screen.getByText(/Without one, it fills the token last filled into that site/)).toBeTruthy();
    fireEvent.change(select, { target: { value: '1' } });
    expect(onDefault).toHaveBeenLastCalledWith('https://ci.example', '1');
    expect(await screen.findByText('Default saved.')).toBeTruthy();
    fireEvent.change(select, { target: { value: '' } });
    expect(onDefault).toHaveBeenLastCalledWith('https://ci.example', null);
  });

  it('should not say saved before the write is done', async () => {
    let done = (): void => {};
    const onDefault = vi.fn(() => new Promise<void>((resolve) => (done = resolve)));
    render(<GrantsSection grants={[grant, other]} names={names} onRemove={noop} onDefault={onDefault} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Default token for https://ci.example' }), {
      target: { value: '1' },
    });
    expect(screen.queryByText('Default saved.')).toBeNull();
    done();
    expect(await screen.findByText('Default saved.')).toBeTruthy();
  });
});
