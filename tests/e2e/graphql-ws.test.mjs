// The graphql-transport-ws transport against the reference client, graphql-ws
// (https://github.com/enisdenjo/graphql-ws), over a real socket to a live Voting.WebApi.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { assertThreeTicks, collect, ticksSubscription } from './support/operations.mjs';
import { startServer } from './support/server.mjs';

const run = (client, payload) => collect((sink) => client.subscribe(payload, sink));

describe('graphql-transport-ws (graphql-ws client)', () => {
  let server;
  let client;
  before(async () => {
    server = await startServer({ environment: 'Development' });
    client = createClient({
      url: `${server.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
    });
  });
  after(async () => {
    await client?.dispose();
    await server?.stop();
  });

  test('a subscription streams its ticks in order, then completes', async () => {
    assertThreeTicks(await run(client, { query: ticksSubscription }));
  });

  test('a query over the socket gives one result, then completes', async () => {
    const { results, error } = await run(client, { query: '{ __typename }' });
    assert.equal(error, null);
    assert.deepEqual(results, [{ data: { __typename: 'Query' } }]);
  });

  test('a validation error ends the operation with the GraphQL errors', async () => {
    const { results, error } = await run(client, { query: 'subscription { ticks(count: 3) { nope } }' });
    assert.deepEqual(results, []);
    assert.ok(Array.isArray(error), `error should be the errors array: ${JSON.stringify(error)}`);
    assert.equal(error[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(error[0].message, /nope/);
  });
});
