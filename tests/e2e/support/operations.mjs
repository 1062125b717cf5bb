// What the streaming-transport suites share: collecting one operation's results from a client, and the
// demo `ticks` subscription's expected shape.
import assert from 'node:assert/strict';

/**
 * Every result an operation delivers, and how it ended: error null (complete) or what it failed with.
 * `observe` registers the sink with the client ({ next, error, complete }, as every client here takes it).
 */
export function collect(observe) {
  return new Promise((resolve) => {
    const results = [];
    observe({
      next: (result) => results.push(result),
      error: (error) => resolve({ results, error }),
      complete: () => resolve({ results, error: null }),
    });
  });
}

export const ticksSubscription = 'subscription { ticks(count: 3, intervalMs: 50) { sequence at } }';

/** `ticks(count: 3)` delivered 1, 2, 3 in order, each with a date-time, and completed. */
export function assertThreeTicks({ results, error }) {
  assert.equal(error, null);
  assert.deepEqual(results.map((r) => r.data.ticks.sequence), [1, 2, 3]);
  for (const result of results) {
    assert.ok(!Number.isNaN(Date.parse(result.data.ticks.at)), `at should be a date-time: ${result.data.ticks.at}`);
  }
}
