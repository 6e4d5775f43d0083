/** Polling with a deadline, the tests' one way to wait for something instead of sleeping. */

/**
 * Calls `check` every `intervalMs` until it returns a truthy value, and resolves with it; after
 * `timeoutMs` rejects saying what was awaited and the last error `check` threw.
 */
export async function pollUntil<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10_000, intervalMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `; last error: ${String(last)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
