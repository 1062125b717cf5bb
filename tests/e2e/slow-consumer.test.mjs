// A subscriber that stops reading, against a live Voting.WebApi: the announcements topic ends it (its policy is
// EndSubscriber) once its 256-event buffer on the server fills, with RESYNC_REQUIRED and the last sequence it got,
// while a subscriber that keeps reading, on another connection, gets every announcement. The stalled client stops
// reading its socket (ws._socket.pause()), so first the kernel's TCP buffers of the loopback connection fill, then
// the server's send blocks, then the subscriber's buffer fills behind it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { announce, announcementsSubscription, officialToken, postGraphQL } from './support/operations.mjs';
import { openAcknowledged } from './support/raw-ws.mjs';
import { startServer } from './support/server.mjs';

/**
 * How many announcements are published while one subscriber is stalled. It takes in what the TCP buffers of the
 * connection hold, then its buffer of 256: measured on this machine's loopback (Linux autotuning, tcp_wmem up to
 * 4 MiB) about 600 of the ~12 KB messages below in all (590 to 600 over runs). 1500 leaves it well behind.
 */
const announcementCount = 1500;

/** The longest text announce takes, 4000 characters, each three bytes in UTF-8: about 12 KB a message. */
const longText = (n) => `${n} `.padEnd(4000, '€');

/** HTTP requests in flight while publishing. */
const concurrency = 8;

/**
 * Announces `count` long texts, `concurrency` at a time: their sequences, in order, and the text each
 * sequence carries (concurrent announcements take their sequences in whatever order they arrive).
 */
async function announceMany(server, count) {
  const sequences = [];
  const texts = new Map();
  const token = await officialToken(server);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const { data, errors } = await postGraphQL(
        server,
        'mutation Announce($text: String!) { announce(text: $text) { sequence } }',
        { text: longText(n) },
        token,
      );
      assert.equal(errors, undefined, JSON.stringify(errors));
      sequences.push(data.announce.sequence);
      texts.set(data.announce.sequence, longText(n));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { sequences: sequences.sort((a, b) => a - b), texts };
}

const subscribeMessage = (id, after) => ({ id, type: 'subscribe', payload: { query: announcementsSubscription, variables: { after } } });

describe('a slow subscriber to announcements (graphql-transport-ws)', () => {
  let server;
  let client;
  const sockets = [];
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
    for (const socket of sockets) socket.ws.terminate();
    await client?.dispose();
    await server?.stop();
  });

  test('is ended with RESYNC_REQUIRED after what its buffer held; a reading subscriber gets every announcement', async (t) => {
    // Both subscribe after a first announcement, so neither misses what follows, whenever the server registers them.
    const start = await announce(server, 'slow consumer: start');

    const normal = [];
    let normalEnded = null;
    let normalGotAll;
    const normalHasAll = new Promise((resolve) => { normalGotAll = resolve; });
    let expectedLast = Infinity;
    const unsubscribe = client.subscribe(
      { query: announcementsSubscription, variables: { after: start } },
      {
        next: (result) => {
          normal.push(result);
          if (result.data?.announcements.sequence >= expectedLast) normalGotAll();
        },
        error: (error) => { normalEnded = error; normalGotAll(); },
        complete: () => { normalEnded = 'complete'; normalGotAll(); },
      },
    );

    const stalled = await openAcknowledged(server);
    sockets.push(stalled);
    stalled.send(subscribeMessage('stalled', start));

    // The first event reaches both; then the stalled client stops reading its socket.
    const first = await announce(server, 'slow consumer: first');
    const firstMessage = await stalled.next();
    assert.equal(firstMessage.type, 'next', JSON.stringify(firstMessage));
    assert.equal(firstMessage.payload.data.announcements.sequence, first);
    stalled.ws._socket.pause();

    const { sequences, texts } = await announceMany(server, announcementCount);
    const latest = sequences.at(-1);
    assert.deepEqual(sequences, Array.from({ length: announcementCount }, (_, i) => first + 1 + i));

    // Everything reaches the subscriber that reads, in order, while the other is still stalled.
    expectedLast = latest;
    if (normal.at(-1)?.data?.announcements.sequence >= latest) normalGotAll();
    await normalHasAll;
    assert.equal(normalEnded, null, `the reading subscriber ended: ${JSON.stringify(normalEnded)}`);
    assert.deepEqual(
      normal.map((r) => r.data.announcements.sequence),
      Array.from({ length: latest - start }, (_, i) => start + 1 + i),
    );
    assert.ok(normal.every((r) => r.errors === undefined));
    assert.equal(normal.at(-1).data.announcements.text, texts.get(latest));
    unsubscribe();

    // The stalled client reads again: the run it was sent, then the error that ends it.
    assert.equal(stalled.queued, 0, 'the stalled client read nothing while paused');
    stalled.ws._socket.resume();
    const run = [];
    let message;
    for (;;) {
      message = await stalled.next();
      if (message.type !== 'next') break;
      run.push(message.payload.data.announcements.sequence);
      assert.ok(run.at(-1) < latest, 'the stalled subscriber got every announcement: its buffers never filled');
    }
    t.diagnostic(`the stalled subscriber got ${run.length} of ${announcementCount} before RESYNC_REQUIRED`);
    assert.deepEqual(run, Array.from({ length: run.length }, (_, i) => first + 1 + i), 'a contiguous run after the first');
    assert.ok(run.length >= 256, `at least its buffer of 256 was delivered, got ${run.length}`);
    assert.equal(message.type, 'error', JSON.stringify(message));
    assert.equal(message.id, 'stalled');
    assert.equal(message.payload.length, 1);
    assert.deepEqual(message.payload[0].extensions, { code: 'RESYNC_REQUIRED', topic: 'announcements', lastSequence: run.at(-1) });
    // `error` ends the operation in graphql-transport-ws: nothing follows it, so the answer to a ping comes next.
    stalled.send({ type: 'ping' });
    assert.deepEqual(await stalled.next(), { type: 'pong' });

    // Resuming 10 before the latest replays exactly those 10, then goes on live.
    const resumed = await openAcknowledged(server);
    sockets.push(resumed);
    resumed.send(subscribeMessage('resumed', latest - 10));
    const replayed = [];
    for (let i = 0; i < 10; i++) replayed.push(await resumed.next());
    assert.deepEqual(replayed.map((m) => [m.id, m.type]), Array(10).fill(['resumed', 'next']));
    assert.deepEqual(
      replayed.map((m) => m.payload.data.announcements.sequence),
      Array.from({ length: 10 }, (_, i) => latest - 9 + i),
    );
    const live = await announce(server, 'slow consumer: after the replay');
    const liveMessage = await resumed.next();
    assert.equal(liveMessage.payload.data.announcements.sequence, live);
    assert.equal(live, latest + 1);
  });
});
