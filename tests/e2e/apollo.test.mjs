// Apollo Client (https://github.com/apollographql/apollo-client, core without React) against a live Voting.WebApi:
// queries and mutations over HTTP (HttpLink), subscriptions over graphql-transport-ws (GraphQLWsLink on graphql-ws),
// the two joined with split, as Apollo's documentation sets a client up.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApolloClient, HttpLink, InMemoryCache, gql, split } from '@apollo/client/core';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  announceMutation, announcementsSubscription, assertThreeTicks, badTicksSubscription, collect, collectFirst, officialToken,
  postGraphQL, ticksSubscription,
} from './support/operations.mjs';
import { startServer } from './support/server.mjs';

// GraphQLWsLink tells a socket's error event from GraphQL errors by comparing with the global WebSocket.CLOSED,
// which Node has only from version 22: give older Nodes the one the graphql-ws client uses.
globalThis.WebSocket ??= WebSocket;

const subscribe = (client, query, variables) =>
  collect((sink) => client.subscribe({ query: gql(query), variables }).subscribe(sink));

describe('Apollo Client (HttpLink + GraphQLWsLink)', () => {
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
    const isSubscription = ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    };
    client = new ApolloClient({
      link: split(isSubscription, new GraphQLWsLink(wsClient), new HttpLink({ uri: `${server.baseUrl}/graphql`, fetch, headers: { authorization: `Bearer ${token}` } })),
      cache: new InMemoryCache(),
    });
  });
  after(async () => {
    client?.stop();
    await wsClient?.dispose();
    await server?.stop();
  });

  test('a query over HTTP gives what the server answers', async () => {
    const query = '{ elections { nodes { id title status } } }';
    const expected = await postGraphQL(server, query);
    assert.ok(expected.data.elections.nodes.length > 0, 'Development seeds an election');
    const { data, error } = await client.query({ query: gql(query), fetchPolicy: 'network-only' });
    assert.equal(error, undefined);
    assert.deepEqual(
      data.elections.nodes.map(({ id, title, status }) => ({ id, title, status })),
      expected.data.elections.nodes,
    );
  });

  test('a subscription streams its ticks in order, then completes', async () => {
    const { results, error } = await subscribe(client, ticksSubscription);
    assertThreeTicks({ results, error });
  });

  test('announcements made with the mutation arrive on the subscription, in order', async () => {
    // Subscribing after the sequence of a first announcement makes the test independent of when the server has
    // registered the subscriber: the ones after it are replayed if they came before, live otherwise.
    const announce = async (text) => {
      const { data } = await client.mutate({ mutation: gql(announceMutation), variables: { text } });
      return data.announce;
    };
    const first = await announce('apollo: before subscribing');
    const texts = ['apollo: one', 'apollo: two', 'apollo: three'];
    const received = collectFirst(texts.length, (sink) => {
      const subscription = client
        .subscribe({ query: gql(announcementsSubscription), variables: { after: first.sequence } })
        .subscribe(sink);
      return () => subscription.unsubscribe();
    });
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
    // Apollo Client 4 hands a failed operation to the observer as a last result with `error`, then completes.
    const { results, error } = await subscribe(client, badTicksSubscription);
    assert.equal(error, null);
    assert.equal(results.length, 1);
    assert.equal(results[0].data, undefined);
    assert.ok(CombinedGraphQLErrors.is(results[0].error), `error should be the GraphQL errors: ${results[0].error}`);
    assert.equal(results[0].error.errors[0].extensions.code, 'BAD_USER_INPUT');
    assert.match(results[0].error.errors[0].message, /count/);
  });
});
