import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { FillDialog } from '../../../components/fill/FillDialog';

const question = { id: '1', name: 'deploy', origin: 'https://ci.example:8443' };

describe('FillDialog', () => {
  it('should name the token and the site, and answer Fill or Cancel', () => {
    const onFill = vi.fn();
    const onClose = vi.fn();
    render(<FillDialog question={question} onFill={onFill} onClose={onClose} />);
    expect(screen.getByRole('heading').textContent).toBe('Fill “deploy” into ci.example:8443?');
    expect(screen.getByText('https://ci.example:8443')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fill' }));
    expect(onFill).toHaveBeenCalledWith(question);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
  });
});
