// The legacy subscriptions-transport-ws transport (subprotocol `graphql-ws`) against its own client,
// subscriptions-transport-ws (https://github.com/apollographql/subscriptions-transport-ws), which older
// Apollo clients use, over a real socket to a live Voting.WebApi.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SubscriptionClient } from 'subscriptions-transport-ws';
import WebSocket from 'ws';
import { assertThreeTicks, collect, ticksSubscription } from './support/operations.mjs';
import { startServer } from './support/server.mjs';

const run = (client, request) => collect((sink) => client.request(request).subscribe(sink));

describe('subscriptions-transport-ws (legacy graphql-ws subprotocol)', () => {
  let server;
  let client;
  before(async () => {
    server = await startServer({ environment: 'Development' });
    client = new SubscriptionClient(
      `${server.baseUrl.replace(/^http/, 'ws')}/graphql`,
      { reconnect: false, lazy: true },
      WebSocket,
    );
  });
  after(async () => {
    client?.close();
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

  test('a validation error ends the operation with the first GraphQL error', async () => {
    const { results, error } = await run(client, { query: 'subscription { ticks(count: 3) { nope } }' });
    assert.deepEqual(results, []);
    assert.equal(error.extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(error.message, /nope/);
  });
});
