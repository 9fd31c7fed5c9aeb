import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../../utils/store/schema';
import { describeLastFill, hostOf, siteDefault, summarizeUsage } from '../../../utils/tokens/usage';

const DAY = 24 * 3600_000;
const use = (tokenId: string, kind: 'copy' | 'fill', origin: string | null, at: number): UsageRecord => ({
  service: 's',
  account: 'a',
  tokenId,
  kind,
  origin,
  at,
});

describe('summarizeUsage', () => {
  it('should keep the last fill and every origin, most recent first, ignoring copies', () => {
    const summary = summarizeUsage([
      use('1', 'fill', 'https://a.example', 1),
      use('1', 'copy', null, 5),
      use('1', 'fill', 'https://b.example', 2),
      use('1', 'fill', 'https://a.example', 3),
      use('2', 'copy', null, 4),
    ]);
    expect(summary.get('1')).toEqual({
      lastFill: { origin: 'https://a.example', at: 3 },
      origins: ['https://a.example', 'https://b.example'],
    });
    expect(summary.has('2')).toBe(false);
  });
});

describe('describeLastFill', () => {
  it.each([
    [undefined, 'Never filled'],
    [{ lastFill: null, origins: [] }, 'Never filled'],
    [
      { lastFill: { origin: 'https://example.com', at: 0 }, origins: ['https://example.com'] },
      'Last filled on example.com, 2 days ago',
    ],
    [
      { lastFill: { origin: 'http://127.0.0.1:8080', at: 2 * DAY - 1000 }, origins: [] },
      'Last filled on 127.0.0.1:8080, just now',
    ],
  ])('should describe %j as %j', (usage, expected) => {
    expect(describeLastFill(usage, 2 * DAY, 'en')).toBe(expected);
  });
});

describe('hostOf', () => {
  it.each([
    ['https://example.com', 'example.com'],
    ['http://127.0.0.1:8080', '127.0.0.1:8080'],
    ['not a url', 'not a url'],
  ])('should show %s as %s', (origin, expected) => {
    expect(hostOf(origin)).toBe(expected);
  });
});

describe('siteDefault', () => {
  const A = 'https://a.example';
  const grant = (tokenId: string, origin = A, siteDefault?: boolean) => ({
    service: 's',
    account: 'a',
    tokenId,
    origin,
    grantedAt: 0,
    ...(siteDefault === undefined ? {} : { siteDefault }),
  });
  const usage = [
    use('1', 'fill', A, 1),
    use('2', 'fill', A, 2),
    use('3', 'copy', null, 3),
    use('1', 'fill', 'https://b.example', 4),
  ];
  it.each([
    ['the token last filled there', [grant('1'), grant('2')], new Set(['1', '2']), '2'],
    ['skipping one whose grant was removed', [grant('1')], new Set(['1', '2']), '1'],
    ['skipping one no longer active', [grant('1'), grant('2')], new Set(['1']), '1'],
    ['nothing without a grant there', [grant('1', 'https://b.example')], new Set(['1', '2']), null],
    [
      'the default chosen there over the last filled',
      [grant('1', A, true), grant('2')],
      new Set(['1', '2']),
      '1',
    ],
    ['the default chosen there, never filled', [grant('3', A, true), grant('2')], new Set(['2', '3']), '3'],
    ['the last filled when the default is revoked', [grant('1'), grant('2', A, true)], new Set(['1']), '1'],
    [
      'not a default chosen on another site',
      [grant('1'), grant('2', 'https://b.example', true)],
      new Set(['1', '2']),
      '1',
    ],
  ])('should pick %s', (_label, grants, active, expected) => {
    expect(siteDefault(usage, grants, A, active)).toBe(expected);
  });
});
