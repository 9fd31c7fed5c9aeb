import { describe, expect, it } from 'vitest';
import { isMoreTokens, menuItems, tokenOfMenuItem } from '../../../utils/fill/menu';
import type { GrantRecord } from '../../../utils/store';
import { tokenRecord } from '../../helpers/token-record';

const token = (id: string, name: string, fields: Parameters<typeof tokenRecord>[0] = {}) =>
  tokenRecord({ id, name, createdMs: Number(id), ...fields });
const grant = (tokenId: string, origin: string, fields: Partial<GrantRecord> = {}): GrantRecord => ({
  service: 'http://127.0.0.1:8787',
  account: '42',
  tokenId,
  origin,
  grantedAt: 1,
  ...fields,
});

const A = { service: 'http://a.test', account: '1' };

describe('menuItems', () => {
  it('should list the active tokens, most recent first, each naming its account, then "More tokens…"', () => {
    expect(
      menuItems(A, [
        token('1', 'CI'),
        token('2', 'staging'),
        token('3', 'old', { state: 'revoked' }),
        token('4', 'going', { state: 'pending-revoke' }),
      ]),
    ).toEqual([
      { id: 'fill', title: 'Fill API token' },
      { id: 'fill:["http://a.test","1","2"]', title: 'staging', parentId: 'fill' },
      { id: 'fill:["http://a.test","1","1"]', title: 'CI', parentId: 'fill' },
      { id: 'fill-more-separator', title: '', parentId: 'fill', type: 'separator' },
      { id: 'fill-more', title: 'More tokens…', parentId: 'fill' },
    ]);
  });

  it("should put a site's default and its last filled tokens first, on that site's pages only", () => {
    const tokens = [token('1', 'a'), token('2', 'b', { lastFilledAt: 50 }), token('3', 'c'), token('4', 'd')];
    const items = menuItems(A, tokens, [
      grant('1', 'https://ci.example:8443', { siteDefault: true }),
      grant('2', 'https://ci.example:8443'),
      grant('3', 'chrome-extension://x'),
    ]);
    expect(items.slice(1, 3)).toEqual([
      {
        id: 'fill-site0:["http://a.test","1","1"]',
        title: 'a',
        parentId: 'fill',
        documentUrlPatterns: ['https://ci.example/*'],
      },
      {
        id: 'fill-site0:["http://a.test","1","2"]',
        title: 'b',
        parentId: 'fill',
        documentUrlPatterns: ['https://ci.example/*'],
      },
    ]);
    expect(items.slice(3, 7).map((item) => tokenOfMenuItem(item.id)?.id)).toEqual(['2', '4', '3', '1']);
  });

  it('should stay a handful of entries on any page with 10,000 tokens and 1,000 allowed sites', () => {
    const tokens = Array.from({ length: 10_000 }, (_, i) => token(String(i + 1), `token ${i}`));
    const grants = tokens.slice(0, 5_000).map((t, i) => grant(t.id, `https://site${i % 1000}.example`));
    const items = menuItems(A, tokens, grants);
    // Every page shows at most 8 tokens: 3 for its own site, 4 recent, and "More tokens…".
    const onOnePage = items.filter(
      (item) =>
        item.parentId &&
        item.type !== 'separator' &&
        (item.documentUrlPatterns ?? ['https://site7.example/*'])[0] === 'https://site7.example/*',
    );
    expect(onOnePage.length).toBeLessThanOrEqual(8);
    expect(items.length).toBeLessThanOrEqual(1 + 20 * 3 + 4 + 2);
  });

  it('should have no menu without an active token', () => {
    expect(menuItems(A, [token('3', 'old', { state: 'revoked' })])).toEqual([]);
  });
});

describe('tokenOfMenuItem', () => {
  it.each([
    ['fill:["http://a.test","1","42"]', { id: '42', scope: A }],
    ['fill-site3:["http://a.test","1","42"]', { id: '42', scope: A }],
    ['fill:42', null],
    ['fill:["http://a.test",1,"42"]', null],
    ['fill:[', null],
    ['fill', null],
    ['fill-more', null],
    [7, null],
    ['other:1', null],
  ])('should read %j as %j', (id, expected) => {
    expect(tokenOfMenuItem(id)).toEqual(expected);
  });

  it('should read back the token and account of every entry it made', () => {
    const items = menuItems(A, [token('5', 'odd', { id: 'x"y' })]);
    expect(tokenOfMenuItem(items[1]?.id ?? '')).toEqual({ id: 'x"y', scope: A });
  });

  it('should tell "More tokens…" apart', () => {
    expect(isMoreTokens('fill-more')).toBe(true);
    expect(isMoreTokens('fill:more')).toBe(false);
  });
});
