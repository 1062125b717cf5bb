// GraphQL over Server-Sent Events ("distinct connections mode") against the reference client, graphql-sse
// (https://github.com/enisdenjo/graphql-sse), over real HTTP to a live Voting.WebApi.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-sse';
import { assertThreeTicks, collect, ticksSubscription } from './support/operations.mjs';
import { startServer } from './support/server.mjs';

const run = (client, payload) => collect((sink) => client.subscribe(payload, sink));

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
    assertThreeTicks(await run(client, { query: ticksSubscription }));
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
