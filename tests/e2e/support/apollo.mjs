// One Apollo Client per person, as an app would hold it: queries and mutations over HTTP (HttpLink), subscriptions
// over graphql-transport-ws (GraphQLWsLink on graphql-ws), both carrying the person's access token.

import { ApolloClient, HttpLink, InMemoryCache, split } from '@apollo/client/core';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

// GraphQLWsLink tells a socket's error event from GraphQL errors by comparing with the global WebSocket.CLOSED,
// which Node has only from version 22: give older Nodes the one the graphql-ws client uses.
globalThis.WebSocket ??= WebSocket;

const isSubscription = ({ query }) => {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
};

/**
 * An Apollo Client for `server`, signed in with `token` when given (the HTTP Authorization header and the
 * connection_init payload). The WebSocket opens with the first subscription. `close()` stops both.
 */
export function apolloClient(server, token) {
  const wsClient = createClient({
    url: `${server.baseUrl.replace(/^http/, 'ws')}/graphql`,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
  });
  const http = new HttpLink({
    uri: `${server.baseUrl}/graphql`,
    fetch,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const client = new ApolloClient({
    link: split(isSubscription, new GraphQLWsLink(wsClient), http),
    cache: new InMemoryCache(),
    // Every read goes to the server: these tests check what it answers, not what a cache remembers.
    defaultOptions: {
      query: { fetchPolicy: 'no-cache' },
      watchQuery: { fetchPolicy: 'no-cache' },
      mutate: { fetchPolicy: 'no-cache' },
    },
  });
  return {
    client,
    async close() {
      client.stop();
      await wsClient.dispose();
    },
  };
}

/**
 * Records what an Observable of results delivers and lets a test wait for a condition on it. `until` rejects
 * when the stream ends (completes or fails) without meeting it, or after `timeoutMs` (a generous bound against a
 * hang, not a measure of speed), showing what arrived.
 */
export function record(observable) {
  const results = [];
  let ended = null;
  const waiters = new Set();
  const settle = () => {
    for (const waiter of waiters) waiter();
  };
  const subscription = observable.subscribe({
    next: (result) => {
      results.push(result);
      settle();
    },
    error: (error) => {
      ended = { error };
      settle();
    },
    complete: () => {
      ended = { error: null };
      settle();
    },
  });
  return {
    results,
    until(predicate, what, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        let timer;
        const waiter = () => {
          const met = predicate(results);
          if (!met && !ended) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          if (met) resolve(results);
          else reject(new Error(`the stream ended (${ended.error ?? 'completed'}) before ${what}; it delivered ${JSON.stringify(results)}`));
        };
        timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no ${what} within ${timeoutMs / 1000} s; the stream delivered ${JSON.stringify(results)}`));
        }, timeoutMs);
        waiters.add(waiter);
        waiter();
      });
    },
    stop: () => subscription.unsubscribe(),
  };
}
