import { describe, expect, it } from 'vitest';
import { newDataKey, open, seal, secretAad } from '../../../utils/lock/crypto-envelope';
import { protectList, type SecretPolicy } from '../../../utils/lock/secret-policy';
import type { TokenRecord } from '../../../utils/store/records';

const scope = { service: 'http://127.0.0.1:8787', account: '42' };
const remote = [
  { id: '1', name: 'a', secret: 'eyJ.one.sig', created: '2026-01-01T00:00:00Z', hasUploads: false },
  { id: '2', name: 'b', secret: 'eyJ.two.sig', created: '2026-01-01T00:00:00Z', hasUploads: false },
];

describe('protectList', () => {
  it('should pass the list through when secrets are kept in the clear', async () => {
    expect(await protectList({ mode: 'plain' }, scope, remote, [])).toEqual({ remote });
  });

  it.each<[string, SecretPolicy]>([
    ['locked', { mode: 'sealed', key: null }],
    ['keeping no secrets', { mode: 'none' }],
  ])('should keep no plaintext and seal nothing new when %s', async (_label, policy) => {
    const out = await protectList(policy, scope, remote, []);
    expect(JSON.stringify(out)).not.toMatch(/one|two/);
    expect([...(out.sealed?.values() ?? [])]).toEqual([null, null]);
  });

  it('should seal new secrets to their record while unlocked, and keep envelopes already stored', async () => {
    const key = await newDataKey();
    const kept = await seal(key, 'eyJ.one.sig', secretAad({ ...scope, id: '1' }));
    const local = [{ ...scope, id: '1', sealed: kept } as TokenRecord];
    const out = await protectList({ mode: 'sealed', key }, scope, remote, local);
    expect(out.remote.map((t) => t.secret)).toEqual(['', '']);
    expect(out.sealed?.get('1')).toBe(kept);
    const fresh = out.sealed?.get('2');
    expect(fresh && (await open(key, fresh, secretAad({ ...scope, id: '2' })))).toBe('eyJ.two.sig');
  });
});
