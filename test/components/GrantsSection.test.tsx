import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { GrantsSection } from '../../components/GrantsSection';

const grant = { service: 's', account: 'a', tokenId: '1', origin: 'https://ci.example', grantedAt: 1 };

describe('GrantsSection', () => {
  it('should list each grant with a remove button naming the token and the site', () => {
    const onRemove = vi.fn();
    render(<GrantsSection grants={[grant]} names={new Map([['1', 'deploy']])} onRemove={onRemove} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove deploy on https://ci.example' }));
    expect(onRemove).toHaveBeenCalledWith(grant);
  });

  it('should say when no site is allowed yet', () => {
    render(<GrantsSection grants={[]} names={new Map()} onRemove={() => {}} />);
    expect(screen.getByText(/None yet/)).toBeTruthy();
  });
});
