import { describe, expect, it } from 'vitest';
import { menuItems, tokenOfMenuItem } from '../../../utils/fill/menu';

describe('menuItems', () => {
  it('should list the active tokens by name under one entry', () => {
    expect(
      menuItems([
        { id: '2', name: 'staging', state: 'active' },
        { id: '1', name: 'CI', state: 'active' },
        { id: '3', name: 'old', state: 'revoked' },
        { id: '4', name: 'going', state: 'pending-revoke' },
      ]),
    ).toEqual([
      { id: 'fill', title: 'Fill API token' },
      { id: 'fill:1', title: 'CI', parentId: 'fill' },
      { id: 'fill:2', title: 'staging', parentId: 'fill' },
    ]);
  });

  it('should have no menu without an active token', () => {
    expect(menuItems([{ id: '3', name: 'old', state: 'revoked' }])).toEqual([]);
  });
});

describe('tokenOfMenuItem', () => {
  it.each([
    ['fill:42', '42'],
    ['fill', null],
    [7, null],
    ['other:1', null],
  ])('should read %j as %j', (id, expected) => {
    expect(tokenOfMenuItem(id)).toBe(expected);
  });
});
