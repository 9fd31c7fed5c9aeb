import { describe, expect, it } from 'vitest';
import { filterTokens, type SortKey, sortTokens } from '../../../utils/tokens/order';

const token = (id: string, name: string, createdMs = 0) => ({ id, name, createdMs });

const tokens = [token('3', 'Café uploads', 300), token('1', 'CI deploy', 100), token('2', 'backup', 200)];

describe('filterTokens', () => {
  it.each([
    { query: 'cafe', ids: ['3'] },
    { query: 'CAFÉ', ids: ['3'] },
    { query: '  ci ', ids: ['1'] },
    { query: 'UP', ids: ['3', '2'] },
    { query: 'nothing', ids: [] },
  ])('should match $query to $ids', ({ query, ids }) => {
    expect(filterTokens(tokens, query).map((t) => t.id)).toEqual(ids);
  });

  it('should return a copy of everything for an empty query', () => {
    const result = filterTokens(tokens, '  ');
    expect(result).toEqual(tokens);
    expect(result).not.toBe(tokens);
  });
});

describe('sortTokens', () => {
  it.each<{ key: SortKey; ids: string[] }>([
    { key: 'name', ids: ['2', '3', '1'] },
    { key: 'newest', ids: ['3', '2', '1'] },
    { key: 'oldest', ids: ['1', '2', '3'] },
  ])('should sort by $key', ({ key, ids }) => {
    expect(sortTokens(tokens, key).map((t) => t.id)).toEqual(ids);
  });

  it('should compare numbers within names by value', () => {
    const named = [token('1', 'token 10'), token('2', 'token 2'), token('3', 'Token 1')];
    expect(sortTokens(named, 'name').map((t) => t.name)).toEqual(['Token 1', 'token 2', 'token 10']);
  });

  it.each<{ key: SortKey; ids: string[] }>([
    { key: 'name', ids: ['9', '10', '315318824629961583'] },
    { key: 'oldest', ids: ['9', '10', '315318824629961583'] },
    { key: 'newest', ids: ['315318824629961583', '10', '9'] },
  ])('should break $key ties by numeric id', ({ key, ids }) => {
    const tied = [token('10', 'same', 5), token('315318824629961583', 'Same', 5), token('9', 'same', 5)];
    expect(sortTokens(tied, key).map((t) => t.id)).toEqual(ids);
    expect(sortTokens([...tied].reverse(), key).map((t) => t.id)).toEqual(ids);
  });

  it('should leave its input untouched', () => {
    const input = [...tokens];
    const snapshot = structuredClone(input);
    const result = sortTokens(input, 'name');
    expect(input).toEqual(snapshot);
    expect(result).not.toBe(input);
  });
});

describe('filterTokens over the same records', () => {
  it('should match a record whose name changed since the last search by its new name', () => {
    const record = token('1', 'staging');
    expect(filterTokens([record], 'stag')).toEqual([record]);
    record.name = 'production';
    expect(filterTokens([record], 'stag')).toEqual([]);
    expect(filterTokens([record], 'prod')).toEqual([record]);
  });
});

describe('filterTokens over notes', () => {
  const noted = [
    { ...token('1', 'laptop'), note: 'Used by the Grafana exporter' },
    { ...token('2', 'ci'), note: 'Rotates in März' },
    token('3', 'exporter'),
  ];

  it.each([
    { query: 'grafana', ids: ['1'] },
    { query: 'EXPORTER', ids: ['1', '3'] },
    { query: 'marz', ids: ['2'] },
    { query: 'laptop', ids: ['1'] },
    // Name and note are two texts: a query never matches across them.
    { query: 'laptopused', ids: [] },
    { query: 'laptop used', ids: [] },
  ])('should match $query to $ids', ({ query, ids }) => {
    expect(filterTokens(noted, query).map((t) => t.id)).toEqual(ids);
  });

  it('should match a record whose note changed since the last search by its new note', () => {
    const record: { id: string; name: string; createdMs: number; note?: string } = token('1', 'ci');
    expect(filterTokens([record], 'deploy')).toEqual([]);
    record.note = 'deploy key';
    expect(filterTokens([record], 'deploy')).toEqual([record]);
  });
});
