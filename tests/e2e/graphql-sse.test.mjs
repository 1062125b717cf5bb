// GraphQL over Server-Sent Events ("distinct connections mode") against the reference client, graphql-sse
// (https://github.com/enisdenjo/graphql-sse), over real HTTP to a live Voting.WebApi.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-sse';
import { startServer } from './support/server.mjs';

/** Every result the operation streams, and how it ended: 'complete' (error null) or the error it failed with. */
function run(client, payload) {
  return new Promise((resolve) => {
    const results = [];
    client.subscribe(payload, {
      next: (result) => results.push(result),
      error: (error) => resolve({ results, error }),
      complete: () => resolve({ results, error: null }),
    });
  });
}

describe('GraphQL over SSE (graphql-sse client, distinct connections mode)', () => {
  let server;
  let client;
  before(async () => {
    server = await startServer({ environment: 'Development' });
    client = createClient({
      url: `${server.baseUrl}/graphql`,
      fetchFn: fetch,
      retryAttempts: 0,
    });
  });
  after(async () => {
    client?.dispose();
    await server?.stop();
  });

  test('a subscription streams its ticks in order, then completes', async () => {
    const { results, error } = await run(client, { query: 'subscription { ticks(count: 3, intervalMs: 50) { sequence at } }' });
    assert.equal(error, null);
    assert.deepEqual(results.map((r) => r.data.ticks.sequence), [1, 2, 3]);
    for (const result of results) {
      assert.ok(!Number.isNaN(Date.parse(result.data.ticks.at)), `at should be a date-time: ${result.data.ticks.at}`);
    }
  });

  test('a query gives one result, then completes', async () => {
    const { results, error } = await run(client, { query: '{ __typename }' });
    assert.equal(error, null);
    assert.deepEqual(results, [{ data: { __typename: 'Query' } }]);
  });

  test('a validation error reaches the client as a result with the GraphQL errors', async () => {
    // The protocol: validation errors "MUST" be reported through the accepted stream as next events.
    const { results, error } = await run(client, { query: 'subscription { ticks(count: 3) { nope } }' });
    assert.equal(error, null);
    assert.equal(results.length, 1);
    assert.equal(results[0].data, undefined);
    assert.equal(results[0].errors[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(results[0].errors[0].message, /nope/);
  });
});
