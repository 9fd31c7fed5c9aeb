import { describe, expect, it, vi } from 'vitest';
import type { TokenCheck } from '../../../utils/api/token-check';
import type { CheckDeps } from '../../../utils/tokens/check';
import { createCheck, describeCheck } from '../../../utils/tokens/check';

describe('describeCheck', () => {
  it.each<[TokenCheck, string, RegExp]>([
    [{ verdict: 'works' }, 'works', /^Works: the service accepted this token/],
    [{ verdict: 'revoked' }, 'fails', /^No longer works: .*revoked or is not valid/],
    [{ verdict: 'blocked' }, 'fails', /^Blocked: .*administrator/],
    [{ verdict: 'restricted' }, 'fails', /account .* is restricted/],
    [
      {
        verdict: 'unknown',
        error: { code: 'network', message: 'Can’t reach the token service at api.example.' },
      },
      'unknown',
      /^Could not check this token\. Can’t reach the token service at api\.example\.$/,
    ],
  ])('should say %j in words', (check, tone, words) => {
    const outcome = describeCheck(check);
    expect(outcome.tone).toBe(tone);
    expect(outcome.message).toMatch(words);
  });
});

describe('createCheck', () => {
  const deps = (checkToken: CheckDeps['checkToken'], onLocked = vi.fn()): CheckDeps => ({
    checkToken,
    onLocked,
  });

  it('should ask the background with the id only and tell its verdict', async () => {
    const checkToken = vi.fn(async () => ({ ok: true as const, check: { verdict: 'revoked' as const } }));
    expect(await createCheck(deps(checkToken))('7')).toMatchObject({ tone: 'fails' });
    expect(checkToken).toHaveBeenCalledWith('7');
  });

  it('should ask to unlock when the lock holds the secret, as copy does', async () => {
    const onLocked = vi.fn();
    const locked = async () => ({
      ok: false as const,
      locked: true,
      message: 'Unlock to copy or fill your tokens.',
    });
    expect(await createCheck(deps(locked, onLocked))('7')).toEqual({
      tone: 'unknown',
      message: 'Unlock to check your tokens.',
    });
    expect(onLocked).toHaveBeenCalledTimes(1);
  });

  it('should pass on why the secret could not be had, and survive a background that never answers', async () => {
    const gone = async () => ({
      ok: false as const,
      locked: false,
      message: 'The service no longer lists this token.',
    });
    expect(await createCheck(deps(gone))('7')).toEqual({
      tone: 'unknown',
      message: 'The service no longer lists this token.',
    });
    const broken = async () => {
      throw new Error('Could not establish connection');
    };
    expect((await createCheck(deps(broken))('7')).tone).toBe('unknown');
  });
});
