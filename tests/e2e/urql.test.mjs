// urql's core client (https://github.com/urql-graphql/urql, @urql/core) against a live Voting.WebApi: queries and
// mutations over HTTP (fetchExchange), subscriptions forwarded by subscriptionExchange to a graphql-ws client over
// graphql-transport-ws, as urql's documentation sets a client up.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CombinedError, createClient as createUrqlClient, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient } from 'graphql-ws';
import { onEnd, pipe, subscribe } from 'wonka';
import WebSocket from 'ws';
import {
  announceMutation, announcementsSubscription, assertThreeTicks, badTicksSubscription, collect, collectFirst, officialToken,
  postGraphQL, ticksSubscription,
} from './support/operations.mjs';
import { startServer } from './support/server.mjs';

/**
 * Registers a { next, error, complete } sink on an urql result source; returns the unsubscribe. urql reports
 * failures as results with `error`, so the sink's error is never called: a source ends only by completing.
 */
const observe = (source, sink) => pipe(source, onEnd(() => sink.complete()), subscribe((result) => sink.next(result))).unsubscribe;

const subscribeAll = (client, query, variables) => collect((sink) => observe(client.subscription(query, variables), sink));

describe('urql core client (fetchExchange + subscriptionExchange on graphql-ws)', () => {
  let server;
  let wsClient;
  let client;
  before(async () => {
    server = await startServer({ environment: 'Development' });
    // Signed in as an official (announce needs one): the token goes in the HTTP header and in connection_init.
    const token = await officialToken(server);
    wsClient = createClient({
      url: `${server.baseUrl.replace(/^http/, 'ws')}/graphql`,
      connectionParams: { Authorization: `Bearer ${token}` },
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
    });
    client = createUrqlClient({
      url: `${server.baseUrl}/graphql`,
      // urql aborts the fetch of every operation it tears down, finished ones included (toPromise tears down
      // after the first result); Node 20's fetch then rejects, unhandled, with AbortError once the response is
      // read. The server has answered by then, so the test leaves the signal out.
      fetch: (url, { signal, ...init }) => fetch(url, init),
      fetchOptions: { headers: { authorization: `Bearer ${token}` } },
      exchanges: [
        subscriptionExchange({
          forwardSubscription: (request) => ({
            subscribe: (sink) => ({ unsubscribe: wsClient.subscribe({ ...request, query: request.query ?? '' }, sink) }),
          }),
        }),
        fetchExchange,
      ],
    });
  });
  after(async () => {
    await wsClient?.dispose();
    await server?.stop();
  });

  test('a query over HTTP gives what the server answers', async () => {
    const query = '{ elections { nodes { id title status } } }';
    const expected = await postGraphQL(server, query);
    assert.ok(expected.data.elections.nodes.length > 0, 'Development seeds an election');
    const { data, error } = await client.query(query, {}, { requestPolicy: 'network-only' }).toPromise();
    assert.equal(error, undefined);
    assert.deepEqual(
      data.elections.nodes.map(({ id, title, status }) => ({ id, title, status })),
      expected.data.elections.nodes,
    );
  });

  test('a subscription streams its ticks in order, then completes', async () => {
    const { results, error } = await subscribeAll(client, ticksSubscription);
    // urql marks each result of a running subscription hasNext, and on completion repeats the last one without it.
    const ticks = results.slice(0, -1);
    assert.deepEqual(ticks.map((r) => [r.hasNext, r.error]), [[true, undefined], [true, undefined], [true, undefined]]);
    assertThreeTicks({ results: ticks, error });
    assert.equal(results.at(-1).hasNext, false);
    assert.deepEqual(results.at(-1).data, ticks.at(-1).data);
  });

  test('announcements made with the mutation arrive on the subscription, in order', async () => {
    // Subscribing after the sequence of a first announcement makes the test independent of when the server has
    // registered the subscriber: the ones after it are replayed if they came before, live otherwise.
    const announce = async (text) => {
      const { data, error } = await client.mutation(announceMutation, { text }).toPromise();
      assert.equal(error, undefined);
      return data.announce;
    };
    const first = await announce('urql: before subscribing');
    const texts = ['urql: one', 'urql: two', 'urql: three'];
    const received = collectFirst(texts.length, (sink) =>
      observe(client.subscription(announcementsSubscription, { after: first.sequence }), sink));
    const announced = [];
    for (const text of texts) announced.push(await announce(text));

    const results = await received;
    assert.deepEqual(
      results.map(({ data, error }) => ({ error, ...data.announcements })),
      announced.map((a) => ({ error: undefined, ...a })),
    );
    assert.deepEqual(announced.map((a) => a.sequence), [1, 2, 3].map((n) => first.sequence + n));
  });

  test('a subscription whose argument is refused ends with the GraphQL error and its code', async () => {
    // subscriptionExchange turns the graphql-ws error (the errors array) into a result with a CombinedError. It
    // does not end the client's source (it does only on complete), so the test takes that one result and leaves.
    const [result] = await collectFirst(1, (sink) => observe(client.subscription(badTicksSubscription), sink));
    assert.equal(result.data, undefined);
    assert.ok(result.error instanceof CombinedError, `error should be a CombinedError: ${result.error}`);
    assert.equal(result.error.networkError, undefined);
    assert.equal(result.error.graphQLErrors[0].extensions.code, 'BAD_USER_INPUT');
    assert.match(result.error.graphQLErrors[0].message, /count/);
  });
});
