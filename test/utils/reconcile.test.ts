import { describe, expect, it } from 'vitest';
import type { ApiToken } from '../../utils/api-shapes';
import { planReconcile, type Scope, type TokenRecord } from '../../utils/reconcile';

const scope: Scope = { service: 'http://127.0.0.1:8787', account: '42' };
const NOW = 1_800_000_000_000;
const EARLIER = 1_700_000_000_000;

function remote(id: string, changes: Partial<ApiToken> = {}): ApiToken {
  return {
    id,
    name: `token ${id}`,
    secret: `eyJ.secret-${id}.sig`,
    created: '2021-11-29T16:08:33.077+00:00',
    hasUploads: false,
    ...changes,
  };
}

function local(id: string, changes: Partial<TokenRecord> = {}): TokenRecord {
  const { id: _, ...server } = remote(id);
  return {
    ...scope,
    id,
    ...server,
    createdMs: Date.parse(server.created),
    lastCopiedAt: EARLIER + 5,
    firstSeenAt: EARLIER,
    ...changes,
  };
}

describe('planReconcile', () => {
  it('should put a new remote token, first seen now and never copied', () => {
    expect(planReconcile(scope, [], [remote('315318824629961583')], NOW)).toStrictEqual({
      put: [
        {
          ...scope,
          id: '315318824629961583',
          name: 'token 315318824629961583',
          secret: 'eyJ.secret-315318824629961583.sig',
          created: '2021-11-29T16:08:33.077+00:00',
          createdMs: 1638202113077,
          hasUploads: false,
          lastCopiedAt: null,
          firstSeenAt: NOW,
        },
      ],
      remove: [],
    });
  });

  it('should plan nothing for tokens that have not changed', () => {
    expect(planReconcile(scope, [local('1'), local('2')], [remote('2'), remote('1')], NOW)).toStrictEqual({
      put: [],
      remove: [],
    });
  });

  it.each<Partial<ApiToken>>([{ name: 'renamed' }, { hasUploads: true }, { secret: 'eyJ.rotated.sig' }])(
    'should put a token whose server fields changed (%j) and keep its local fields',
    (changes) => {
      const plan = planReconcile(scope, [local('1'), local('2')], [remote('1', changes), remote('2')], NOW);
      expect(plan).toStrictEqual({ put: [{ ...local('1'), ...changes }], remove: [] });
    },
  );

  it('should remove local tokens the service no longer lists', () => {
    const plan = planReconcile(scope, [local('1'), local('2'), local('3')], [remote('2')], NOW);
    expect(plan).toStrictEqual({ put: [], remove: ['1', '3'] });
  });

  it('should remove everything when the service lists nothing', () => {
    expect(planReconcile(scope, [local('1'), local('2')], [], NOW)).toStrictEqual({
      put: [],
      remove: ['1', '2'],
    });
  });
});
