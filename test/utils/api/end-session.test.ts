import { describe, expect, it, vi } from 'vitest';
import { endSessionAt } from '../../../utils/api/end-session';

describe('endSessionAt', () => {
  it.each([200, 204, 401])('should count %i as the session ended', async (status) => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(status === 204 ? null : '{}', { status }));
    expect(await endSessionAt('http://svc.test/', 'cred')).toBeNull();
    expect(fetch).toHaveBeenCalledWith(
      'http://svc.test/auth/session',
      expect.objectContaining({ method: 'DELETE', headers: { Authorization: 'Bearer cred' } }),
    );
  });

  it('should say what the service answered, or that it cannot be reached, never the credential', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response('oops', { status: 503 }));
    const answered = await endSessionAt('http://svc.test', 'cred-secret');
    expect(answered).toBe('The service at svc.test answered 503.');
    vi.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const unreachable = await endSessionAt('http://svc.test', 'cred-secret');
    expect(unreachable).toMatch(/^Can’t reach the token service at svc.test/);
    expect(`${answered}${unreachable}`).not.toContain('cred-secret');
  });
});
