// A bare graphql-transport-ws client on the `ws` package: the suites that test the protocol itself (close codes,
// a subscriber that stops reading) need to send what a well-behaved client never would, and to see every frame.

import assert from 'node:assert/strict';
import WebSocket from 'ws';

export const transportWs = 'graphql-transport-ws';

/**
 * Opens a socket to the server's /graphql with the graphql-transport-ws subprotocol. Every message received is
 * parsed and queued; `next()` takes the oldest (waiting for one if none is queued), `closed` settles with the
 * close frame's code and reason.
 */
export async function openSocket(server, { protocol = transportWs } = {}) {
  const ws = new WebSocket(`${server.baseUrl.replace(/^http/, 'ws')}/graphql`, protocol);
  const queue = [];
  const waiting = [];
  ws.on('message', (data, isBinary) => {
    const message = JSON.parse(isBinary ? data : data.toString('utf8'));
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else queue.push(message);
  });
  const closed = new Promise((resolve) => {
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString('utf8') });
      for (const waiter of waiting.splice(0)) waiter.reject(new Error(`socket closed (${code}) while waiting for a message`));
    });
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  // After opening, an error (e.g. a reset) ends the socket; `closed` reports it.
  ws.on('error', () => {});

  return {
    ws,
    closed,
    /** Messages received and not yet taken. */
    get queued() { return queue.length; },
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: () => (queue.length > 0
      ? Promise.resolve(queue.shift())
      : new Promise((resolve, reject) => {
        if (ws.readyState === WebSocket.CLOSED) reject(new Error('socket is closed'));
        else waiting.push({ resolve, reject });
      })),
    /** Starts the closing handshake and waits for it to finish (or for the socket to go away). */
    close: async () => {
      if (ws.readyState !== WebSocket.CLOSED) ws.close(1000);
      await closed;
    },
  };
}

/** Opens a socket and completes connection_init / connection_ack. */
export async function openAcknowledged(server) {
  const socket = await openSocket(server);
  socket.send({ type: 'connection_init' });
  assert.deepEqual(await socket.next(), { type: 'connection_ack' });
  return socket;
}

/** The server still serves graphql-transport-ws: a fresh connection runs a query to its end. */
export async function assertServesNewConnection(server) {
  const socket = await openAcknowledged(server);
  try {
    socket.send({ id: 'health', type: 'subscribe', payload: { query: '{ __typename }' } });
    assert.deepEqual(await socket.next(), { id: 'health', type: 'next', payload: { data: { __typename: 'Query' } } });
    assert.deepEqual(await socket.next(), { id: 'health', type: 'complete' });
  } finally {
    await socket.close();
  }
}
