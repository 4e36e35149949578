import { describe, it, expect } from 'vitest';
import { ResultCache } from './resultCache';

describe('result cache', () => {
  it('runs once per key and returns the same result again', async () => {
    const cache = new ResultCache(4);
    let runs = 0;
    const run = () => Promise.resolve(++runs);
    expect(await cache.get('a', run)).toBe(1);
    expect(await cache.get('a', run)).toBe(1);
    expect(await cache.get('b', run)).toBe(2);
    expect(runs).toBe(2);
  });
  it('forgets the least recently used beyond its size', async () => {
    const cache = new ResultCache(2);
    let runs = 0;
    const run = () => Promise.resolve(++runs);
    await cache.get('a', run); // 1
    await cache.get('b', run); // 2
    await cache.get('a', run); // hit: a is now the most recent
    await cache.get('c', run); // 3, evicts b
    expect(await cache.get('a', run)).toBe(1);
    expect(await cache.get('b', run)).toBe(4);
  });
  it('answers a seeded key without running', async () => {
    const cache = new ResultCache(2);
    cache.seed('a', 'baked');
    expect(await cache.get('a', () => Promise.reject(new Error('ran')))).toBe('baked');
  });
  it('does not keep a failure', async () => {
    const cache = new ResultCache(2);
    await expect(cache.get('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.resolve();
    expect(await cache.get('a', () => Promise.resolve('ok'))).toBe('ok');
  });
});
