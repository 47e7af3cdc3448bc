/**
 * Remembers a pure function's answers by key. Formatting dates through Intl is the costliest part
 * of rendering a page full of them, and the same few hundred dates repeat on every request.
 * The cache empties itself when it grows past `limit`, so it can never hold more than that.
 */
export function memoize<Args extends unknown[], Result>(fn: (...args: Args) => Result, key: (...args: Args) => string, limit = 10_000) {
  const cache = new Map<string, Result>();
  return (...args: Args): Result => {
    const k = key(...args);
    const known = cache.get(k);
    if (known !== undefined) return known;
    if (cache.size >= limit) cache.clear();
    const result = fn(...args);
    cache.set(k, result);
    return result;
  };
}
