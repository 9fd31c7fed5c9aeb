import { describe, expect, it } from 'vitest';
import { patternsToRelease } from '../../../utils/fill/permissions';
import { createSitesModel } from '../../../utils/fill/sites-model';
import { addGrant, markCopied, recordFill } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { testScope, testSession } from '../../helpers/session';

const session = testSession;
const scope = testScope;

describe('sites model', () => {
  it('should load grants and the usage summary, and remove a grant', async () => {
    const db = await openTokenDb('sites-model');
    const grant = { ...scope, tokenId: '1', origin: 'https://ci.example', grantedAt: 1 };
    await addGrant(db, grant);
    await addGrant(db, { ...grant, account: 'someone else' });
    await recordFill(db, { ...scope, tokenId: '1', origin: 'https://ci.example', at: 7 });
    await markCopied(db, scope, '1', 8);
    const model = createSitesModel({ loadSession: async () => session, openDb: async () => db });
    await model.load();
    expect(model.grants.value).toEqual([grant]);
    expect(model.usage.value.get('1')?.lastFill).toEqual({ origin: 'https://ci.example', at: 7 });
    await model.remove(grant);
    expect(model.grants.value).toEqual([]);
  });

  it('should choose one default token per site, and go back to the last filled', async () => {
    const db = await openTokenDb('sites-model-default');
    const grant = { ...scope, tokenId: '1', origin: 'https://ci.example', grantedAt: 1 };
    await addGrant(db, grant);
    await addGrant(db, { ...grant, tokenId: '2' });
    await addGrant(db, { ...grant, tokenId: '2', origin: 'https://other.example' });
    const model = createSitesModel({ loadSession: async () => session, openDb: async () => db });
    const defaults = () => model.grants.value.map((g) => [g.tokenId, g.origin, g.siteDefault ?? false]);
    await model.setDefault('https://ci.example', '1');
    await model.setDefault('https://ci.example', '2');
    expect(defaults()).toEqual([
      ['1', 'https://ci.example', false],
      ['2', 'https://ci.example', true],
      ['2', 'https://other.example', false],
    ]);
    await model.setDefault('https://ci.example', null);
    expect(defaults().every(([, , chosen]) => chosen === false)).toBe(true);
  });

  it('should show nothing when signed out', async () => {
    const model = createSitesModel({ loadSession: async () => null, openDb: () => openTokenDb('unused') });
    await model.load();
    expect(model.grants.value).toEqual([]);
    expect(model.usage.value.size).toBe(0);
  });
});

describe('giving back host permissions', () => {
  it('should release a host only when its last grant is removed, never the service', async () => {
    const db = await openTokenDb('sites-model-release');
    const grant = { ...scope, tokenId: '1', origin: 'https://widget.example', grantedAt: 1 };
    await addGrant(db, grant);
    await addGrant(db, { ...grant, tokenId: '2' });
    await addGrant(db, { ...grant, origin: session.serviceUrl });
    const released: string[][] = [];
    const model = createSitesModel({
      loadSession: async () => session,
      openDb: async () => db,
      releaseOrigins: async (removed, kept, service) => {
        released.push(patternsToRelease(removed, kept, service));
      },
    });
    await model.load();
    await model.remove(grant);
    await model.remove({ ...grant, tokenId: '2' });
    await model.remove({ ...grant, origin: session.serviceUrl });
    expect(released).toEqual([[], ['https://widget.example/*'], []]);
  });

  it.each([
    [['http://127.0.0.1:4000'], ['http://127.0.0.1:5000'], null, []],
    [['https://a.example', 'https://a.example:8443'], [], null, ['https://a.example/*']],
    [['https://api.example'], [], 'https://api.example/v1', []],
  ])('should release %j keeping %j and service %s: %j', (removed, kept, service, expected) => {
    expect(patternsToRelease(removed, kept, service)).toEqual(expected);
  });
});
