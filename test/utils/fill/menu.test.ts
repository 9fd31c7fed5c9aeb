import { describe, expect, it } from 'vitest';
import { menuItems, tokenOfMenuItem } from '../../../utils/fill/menu';

const A = { service: 'http://a.test', account: '1' };

describe('menuItems', () => {
  it('should list the active tokens by name under one entry, each naming its account', () => {
    expect(
      menuItems([
        { ...A, id: '2', name: 'staging', state: 'active' },
        { ...A, id: '1', name: 'CI', state: 'active' },
        { ...A, id: '3', name: 'old', state: 'revoked' },
        { ...A, id: '4', name: 'going', state: 'pending-revoke' },
      ]),
    ).toEqual([
      { id: 'fill', title: 'Fill API token' },
      { id: 'fill:["http://a.test","1","1"]', title: 'CI', parentId: 'fill' },
      { id: 'fill:["http://a.test","1","2"]', title: 'staging', parentId: 'fill' },
    ]);
  });

  it('should have no menu without an active token', () => {
    expect(menuItems([{ ...A, id: '3', name: 'old', state: 'revoked' }])).toEqual([]);
  });
});

describe('tokenOfMenuItem', () => {
  it.each([
    ['fill:["http://a.test","1","42"]', { id: '42', scope: A }],
    ['fill:42', null],
    ['fill:["http://a.test",1,"42"]', null],
    ['fill:[', null],
    ['fill', null],
    [7, null],
    ['other:1', null],
  ])('should read %j as %j', (id, expected) => {
    expect(tokenOfMenuItem(id)).toEqual(expected);
  });

  it('should read back the token and account of every entry it made', () => {
    const items = menuItems([{ ...A, id: 'x"y', name: 'odd', state: 'active' }]);
    expect(tokenOfMenuItem(items[1]?.id ?? '')).toEqual({ id: 'x"y', scope: A });
  });
});
