// The close codes of graphql-transport-ws (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md), each
// provoked by a bare `ws` client against a live Voting.WebApi, which must go on serving new connections after.
//
// Not here: 4500 is the server's own failure: a client that gets it found a bug, so no test here can provoke it
// on purpose.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertServesNewConnection, openAcknowledged, openSocket } from './support/raw-ws.mjs';
import { officialToken, seededAdmin } from './support/operations.mjs';
import { startServer } from './support/server.mjs';

/** A subscription that stays open for as long as any test runs. */
const longSubscription = { query: 'subscription { ticks(count: 1000, intervalMs: 60000) { sequence } }' };

describe('graphql-transport-ws close codes (raw ws client)', () => {
  let server;
  before(async () => {
    server = await startServer({ environment: 'Development' });
  });
  after(async () => {
    await server?.stop();
  });

  test('4400: a message that is not one the protocol knows closes the socket', async () => {
    const socket = await openAcknowledged(server);
    socket.send({ type: 'no-such-type' });
    const { code, reason } = await socket.closed;
    assert.equal(code, 4400);
    assert.match(reason, /no-such-type/);
    await assertServesNewConnection(server);
  });

  test('4400: text that is not JSON closes the socket', async () => {
    const socket = await openAcknowledged(server);
    socket.send('{ not json');
    assert.equal((await socket.closed).code, 4400);
    await assertServesNewConnection(server);
  });

  test('4401: subscribe before connection_init closes the socket', async () => {
    const socket = await openSocket(server);
    socket.send({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } });
    assert.deepEqual(await socket.closed, { code: 4401, reason: 'Unauthorized' });
    await assertServesNewConnection(server);
  });

  test('4409: a second subscribe with the id of a running operation closes the socket', async () => {
    const socket = await openAcknowledged(server);
    socket.send({ id: 'same', type: 'subscribe', payload: longSubscription });
    // A ping answered means the server has read (and started) the first subscribe.
    socket.send({ type: 'ping' });
    assert.deepEqual(await socket.next(), { type: 'pong' });
    socket.send({ id: 'same', type: 'subscribe', payload: longSubscription });
    assert.deepEqual(await socket.closed, { code: 4409, reason: 'Subscriber for same already exists' });
    await assertServesNewConnection(server);
  });

  test('4403: a connection_init whose token is not valid closes the socket; a valid one is acknowledged', async () => {
    const refused = await openSocket(server);
    refused.send({ type: 'connection_init', payload: { Authorization: 'Bearer not-a-valid-token' } });
    assert.deepEqual(await refused.closed, { code: 4403, reason: 'Forbidden' });

    const accepted = await openSocket(server);
    accepted.send({ type: 'connection_init', payload: { Authorization: `Bearer ${await officialToken(server)}` } });
    assert.equal((await accepted.next()).type, 'connection_ack');
    accepted.send({ id: 'me', type: 'subscribe', payload: { query: '{ me { citizenId roles } }' } });
    assert.deepEqual(await accepted.next(), {
      id: 'me',
      type: 'next',
      payload: { data: { me: { citizenId: seededAdmin.citizenId, roles: ['ADMIN', 'ELECTION_OFFICER', 'VOTER'] } } },
    });
    await accepted.close();
    await assertServesNewConnection(server);
  });

  test('4429: a second connection_init closes the socket', async () => {
    const socket = await openAcknowledged(server);
    socket.send({ type: 'connection_init' });
    assert.deepEqual(await socket.closed, { code: 4429, reason: 'Too many initialisation requests' });
    await assertServesNewConnection(server);
  });

  test('4406: an upgrade offering no subprotocol is accepted, then closed', async () => {
    const socket = await openSocket(server, { protocol: [] });
    assert.equal((await socket.closed).code, 4406);
    await assertServesNewConnection(server);
  });
});

describe('graphql-transport-ws init timeout (GraphQL:WebSockets:ConnectionInitWaitTimeout from configuration)', () => {
  let server;
  before(async () => {
    server = await startServer({
      environment: 'Development',
      env: { GraphQL__WebSockets__ConnectionInitWaitTimeout: '00:00:00.300' },
    });
  });
  after(async () => {
    await server?.stop();
  });

  test('4408: a socket that sends no connection_init is closed', async () => {
    const socket = await openSocket(server);
    assert.deepEqual(await socket.closed, { code: 4408, reason: 'Connection initialisation timeout' });
    await assertServesNewConnection(server);
  });
});

test('a ConnectionInitWaitTimeout from configuration that is not positive stops the server at start-up', async () => {
  // Start-up validation reads the bound value: this is what shows the 300 ms above came from configuration.
  await assert.rejects(
    startServer({ environment: 'Development', env: { GraphQL__WebSockets__ConnectionInitWaitTimeout: '00:00:00' } }),
    /ConnectionInitWaitTimeout must be positive/,
  );
});
