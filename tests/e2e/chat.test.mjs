// Chat across two API instances that share PostgreSQL and Redis (issue 8, ADR 0028 and 0029), with real graphql-ws
// clients: messages sent through both instances reach every subscriber on both in one order, each once; a client
// that was away while 100 messages went out resumes with `afterSequence` and gets them all, once, in order; a send
// retried concurrently through both instances stores one message; script and HTML come back exactly as sent; and
// a non-member cannot watch a private room, nor a muted or banned member send to it; a ban made through one instance
// ends the member's stream on the other, an unban lets them back, and an owner leaves only after handing the room over.
//
// Needs VOTING_TEST_POSTGRES and VOTING_TEST_REDIS (test.sh sets both).

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { citizenIds } from './support/citizen-id.mjs';
import { startCluster } from './support/cluster.mjs';
import { postGraphQL } from './support/operations.mjs';

const password = 'e2e-chat-password';

// Fields every check below reads; `message` is null for membership events.
const roomEventsSubscription = `subscription RoomEvents($roomId: ID!, $after: Long) {
  roomEvents(roomId: $roomId, afterSequence: $after) {
    roomId sequence kind actorId subjectId
    message { id sequence authorId text clientMessageId }
  }
}`;

const sendMessageMutation = `mutation Send($input: SendMessageInput!) {
  sendMessage(input: $input) { id roomId sequence authorId text clientMessageId }
}`;

/** How long a wait for events may take before the test fails and shows what did arrive. */
const waitLimitMs = 30_000;

/** The data of an operation; GraphQL errors fail the test with their messages. */
async function call(server, query, variables, token) {
  const { data, errors } = await postGraphQL(server, query, variables, token);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data;
}

/** The error codes an operation is refused with (it must be refused). */
async function refusal(server, query, variables, token) {
  const { errors } = await postGraphQL(server, query, variables, token);
  assert.ok(Array.isArray(errors) && errors.length > 0, `expected a refusal of ${query}`);
  return errors.map((error) => error.extensions?.code);
}

async function signUp(server, citizenId, index) {
  await call(
    server,
    'mutation Register($c: String!, $p: String!, $w: String!) { register(citizenId: $c, phone: $p, password: $w) }',
    { c: citizenId, p: `+6681${String(index).padStart(7, '0')}`, w: password },
  );
  const { login } = await call(
    server,
    'mutation Login($c: String!, $w: String!) { login(citizenId: $c, password: $w) { userId accessToken } }',
    { c: citizenId, w: password },
  );
  return { userId: login.userId, token: login.accessToken };
}

const createRoom = async (server, owner, kind, name) =>
  (await call(server, 'mutation Create($input: CreateRoomInput!) { createRoom(input: $input) { id lastSequence } }',
    { input: { kind, name } }, owner.token)).createRoom.id;

const joinRoom = (server, person, roomId) =>
  call(server, 'mutation Join($id: ID!) { joinRoom(roomId: $id) { status } }', { id: roomId }, person.token);

const lastSequence = async (server, person, roomId) =>
  (await call(server, 'query Room($id: ID!) { room(id: $id) { lastSequence } }', { id: roomId }, person.token)).room.lastSequence;

async function send(server, person, roomId, text, clientMessageId) {
  const data = await call(server, sendMessageMutation, { input: { roomId, text, clientMessageId } }, person.token);
  return data.sendMessage;
}

/**
 * A graphql-ws client of one person on one instance, watching a room's events: `events` fills as they arrive,
 * `until(predicate)` waits for a state of them, `failure` holds what the subscription failed with.
 */
function watch(server, person, roomId, afterSequence) {
  const client = createClient({
    url: `${server.baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${person.token}` },
    retryAttempts: 0,
    lazy: true,
  });
  const watcher = { events: [], failure: null, ended: false };
  let waiters = [];
  const settle = () => {
    waiters = waiters.filter((waiter) => {
      if (waiter.predicate(watcher.events)) waiter.resolve(watcher.events);
      else if (watcher.failure || watcher.ended) waiter.reject(new Error(`the subscription ended (${JSON.stringify(watcher.failure)}) after ${watcher.events.length} events`));
      else return true;
      clearTimeout(waiter.timer);
      return false;
    });
  };
  const unsubscribe = client.subscribe(
    { query: roomEventsSubscription, variables: { roomId, after: afterSequence ?? null } },
    {
      next: (result) => {
        if (result.errors) watcher.failure = result.errors;
        else watcher.events.push(result.data.roomEvents);
        settle();
      },
      error: (error) => {
        watcher.failure = error;
        settle();
      },
      complete: () => {
        watcher.ended = true;
        settle();
      },
    },
  );
  watcher.until = (predicate, what = 'the expected events') => new Promise((resolve, reject) => {
    const waiter = { predicate, resolve, reject };
    waiter.timer = setTimeout(() => {
      waiters = waiters.filter((w) => w !== waiter);
      reject(new Error(`waited ${waitLimitMs / 1000} s for ${what}; got ${watcher.events.length} events, last ${JSON.stringify(watcher.events.at(-1))}`));
    }, waitLimitMs);
    waiters.push(waiter);
    settle();
  });
  /** Waits until the message with this client ID arrived. */
  watcher.sawMessage = (clientMessageId) =>
    watcher.until((events) => events.some((e) => e.message?.clientMessageId === clientMessageId), `message ${clientMessageId}`);
  watcher.close = async () => {
    unsubscribe();
    await client.dispose();
  };
  return watcher;
}

/** A graphql-ws client of one person on one instance watching who is online in a room; `next()` awaits the next list. */
function watchPresence(server, person, roomId) {
  const client = createClient({
    url: `${server.baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${person.token}` },
    retryAttempts: 0,
    lazy: true,
  });
  const lists = [];
  const waiting = [];
  let failure = null;
  client.subscribe(
    { query: 'subscription Presence($roomId: ID!) { presence(roomId: $roomId) { roomId userIds } }', variables: { roomId } },
    {
      next: (result) => {
        if (result.errors) failure = result.errors;
        else lists.push([...result.data.presence.userIds].sort());
        while (waiting.length > 0 && lists.length > 0) waiting.shift().resolve(lists.shift());
      },
      error: (error) => {
        failure = error;
        for (const waiter of waiting.splice(0)) waiter.reject(new Error(JSON.stringify(failure)));
      },
      complete: () => {},
    },
  );
  return {
    next: () => (lists.length > 0
      ? Promise.resolve(lists.shift())
      : failure ? Promise.reject(new Error(JSON.stringify(failure))) : new Promise((resolve, reject) => waiting.push({ resolve, reject }))),
    close: () => client.dispose(),
  };
}

/** The MESSAGE_ADDED events of a watcher, in arrival order. */
const messagesOf = (watcher) => watcher.events.filter((e) => e.kind === 'MESSAGE_ADDED');

/** Sequences arrive strictly in order with no gap: in a room nobody else changes, every entry is one more. */
function assertGapless(events) {
  for (let i = 1; i < events.length; i++) {
    assert.equal(events[i].sequence, events[i - 1].sequence + 1, `sequence ${events[i].sequence} followed ${events[i - 1].sequence}`);
  }
}

describe('chat across two instances (graphql-ws, PostgreSQL, Redis)', () => {
  let cluster;
  let a;
  let b;
  let owner;
  let alice;
  let bob;
  let carol;
  let dave;
  let erin;
  let mallory;
  const watchers = [];
  const watching = (...args) => {
    const watcher = watch(...args);
    watchers.push(watcher);
    return watcher;
  };

  before(async () => {
    cluster = await startCluster({
      // The sends below come faster than the default limit (5 in 5 s) allows, which ChatApiTests covers.
      env: { Chat__RateLimit__Messages: '10000', Chat__RateLimit__Window: '00:00:01' },
    });
    ({ a, b } = cluster);
    const ids = citizenIds('5310', 7);
    // Users are made on both instances: they share the database.
    [owner, alice, bob, carol, dave, erin, mallory] = await Promise.all(
      ids.map((id, i) => signUp(i % 2 === 0 ? a : b, id, i + 1)),
    );
  });

  after(async () => {
    await Promise.all(watchers.map((w) => w.close()));
    await cluster?.stop();
  });

  test('messages sent concurrently through both instances reach every subscriber on both in one order, each once', async () => {
    const roomId = await createRoom(a, owner, 'PUBLIC', 'Both instances');
    await joinRoom(a, alice, roomId);
    await joinRoom(b, bob, roomId);
    const start = await lastSequence(a, owner, roomId);
    const subscribers = [
      watching(a, owner, roomId, start),
      watching(a, carol, roomId, start),
      watching(b, dave, roomId, start),
      watching(b, erin, roomId, start),
    ];
    // Every subscription is live once it has the warm-up message; what follows reaches it through the topic.
    await send(a, alice, roomId, 'warm-up', 'warm-up');
    await Promise.all(subscribers.map((s) => s.sawMessage('warm-up')));

    const perSender = 25;
    const sent = await Promise.all([
      ...Array.from({ length: perSender }, (_, i) => send(a, alice, roomId, `alice ${i}`, `alice-${i}`)),
      ...Array.from({ length: perSender }, (_, i) => send(b, bob, roomId, `bob ${i}`, `bob-${i}`)),
    ]);
    const expected = new Set(sent.map((m) => m.clientMessageId));
    assert.equal(expected.size, 2 * perSender);
    const lastSent = Math.max(...sent.map((m) => m.sequence));
    await Promise.all(subscribers.map((s) => s.until((events) => events.at(-1)?.sequence >= lastSent, `sequence ${lastSent}`)));

    const order = subscribers[0].events.map((e) => `${e.sequence} ${e.message?.clientMessageId}`);
    for (const subscriber of subscribers) {
      assert.equal(subscriber.failure, null);
      assert.deepEqual(subscriber.events.map((e) => `${e.sequence} ${e.message?.clientMessageId}`), order, 'every subscriber sees one order');
      assertGapless(subscriber.events);
      const burst = messagesOf(subscriber).filter((e) => expected.has(e.message.clientMessageId));
      assert.equal(burst.length, expected.size, 'each message once');
      assert.equal(new Set(burst.map((e) => e.message.clientMessageId)).size, expected.size);
    }
    // The order is the one the server assigned when each send returned.
    const assigned = new Map(sent.map((m) => [m.clientMessageId, m.sequence]));
    for (const event of messagesOf(subscribers[0]).filter((e) => assigned.has(e.message.clientMessageId))) {
      assert.equal(event.sequence, assigned.get(event.message.clientMessageId));
    }
    await Promise.all(subscribers.map((s) => s.close()));
  });

  test('a client away for 10 seconds while 100 messages are sent resumes with afterSequence and gets all, once, in order', async () => {
    const roomId = await createRoom(b, owner, 'PUBLIC', 'Reconnect');
    await joinRoom(a, alice, roomId);
    await joinRoom(b, bob, roomId);
    const away = watching(b, carol, roomId, await lastSequence(b, owner, roomId));
    await send(a, alice, roomId, 'before', 'before');
    await away.sawMessage('before');
    const seen = away.events.at(-1).sequence;
    await away.close();

    // 100 messages over about 10 seconds: a round of 10 (5 through each instance) every second.
    const disconnectedAt = Date.now();
    const sent = [];
    for (let round = 0; round < 10; round++) {
      sent.push(...await Promise.all(Array.from({ length: 10 }, (_, i) => {
        const n = round * 10 + i;
        return i % 2 === 0
          ? send(a, alice, roomId, `message ${n}`, `m-${n}`)
          : send(b, bob, roomId, `message ${n}`, `m-${n}`);
      })));
      await sleep(disconnectedAt + (round + 1) * 1_000 - Date.now());
    }
    assert.equal(sent.length, 100);

    // Back on the other instance; more messages go out while it replays, so the seam between log and live is crossed.
    const back = watching(a, carol, roomId, seen);
    const live = await Promise.all(Array.from({ length: 5 }, (_, i) => send(b, bob, roomId, `live ${i}`, `live-${i}`)));
    const lastSent = Math.max(...live.map((m) => m.sequence));
    await back.until((events) => events.at(-1)?.sequence >= lastSent, `sequence ${lastSent}`);

    assert.equal(back.failure, null);
    assert.equal(back.events[0].sequence, seen + 1, 'the replay starts right after the last sequence seen');
    assertGapless(back.events);
    const ids = messagesOf(back).map((e) => e.message.clientMessageId);
    assert.equal(ids.length, 105);
    assert.deepEqual(new Set(ids), new Set([...sent, ...live].map((m) => m.clientMessageId)), 'all 100 and the live 5, each once');
    const bySequence = [...sent].sort((x, y) => x.sequence - y.sequence).map((m) => m.clientMessageId);
    assert.deepEqual(ids.slice(0, 100), bySequence, 'in the order of their sequences');
    await back.close();
  });

  test('a send retried concurrently through both instances stores one message', async () => {
    const roomId = await createRoom(a, owner, 'PUBLIC', 'Retries');
    await joinRoom(b, alice, roomId);
    const watcher = watching(b, bob, roomId, await lastSequence(a, owner, roomId));

    const tries = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      send(i % 2 === 0 ? a : b, alice, roomId, 'only once, please', 'retry-1')));
    assert.equal(new Set(tries.map((m) => m.id)).size, 1, 'every retry returns the first message');
    assert.equal(new Set(tries.map((m) => m.sequence)).size, 1);
    // Other text under the same client ID is not a retry.
    assert.deepEqual(await refusal(a, sendMessageMutation, { input: { roomId, text: 'something else', clientMessageId: 'retry-1' } }, alice.token), ['CONFLICT']);

    await send(a, alice, roomId, 'after the retries', 'retry-done');
    await watcher.sawMessage('retry-done');
    assert.equal(messagesOf(watcher).filter((e) => e.message.clientMessageId === 'retry-1').length, 1);
    const { messages } = await call(b, 'query Messages($id: ID!) { messages(roomId: $id, last: 100) { messages { id clientMessageId } } }', { id: roomId }, bob.token);
    assert.deepEqual(messages.messages.filter((m) => m.clientMessageId === 'retry-1').map((m) => m.id), [tries[0].id]);
    await watcher.close();
  });

  test('script and HTML payloads are stored and returned verbatim', async () => {
    const payloads = [
      '<script>alert("xss")</script>',
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(document.cookie)">click</a>',
      '&lt;b&gt;not bold&lt;/b&gt; &amp; &#x3C;script&#x3E;',
      '"><svg/onload=alert(1)>\'',
      '</textarea><iframe srcdoc="<script>parent.alert(1)</script>">',
      "'; DROP TABLE \"ChatMessages\"; --",
      '{{constructor.constructor("alert(1)")()}} ${7*7}',
      '  leading and trailing spaces, a tab\tand\r\nline breaks\n',
      '\u202Eright-to-left override \u200F and 👩‍👩‍👧 ẞ ﬁ',
    ];
    const roomId = await createRoom(b, owner, 'PUBLIC', 'Payloads');
    await joinRoom(a, alice, roomId);
    const watcher = watching(b, bob, roomId, await lastSequence(b, owner, roomId));

    for (const [i, text] of payloads.entries()) {
      const message = await send(a, alice, roomId, text, `payload-${i}`);
      assert.equal(message.text, text, 'the mutation returns it as sent');
    }
    await watcher.sawMessage(`payload-${payloads.length - 1}`);
    assert.deepEqual(messagesOf(watcher).map((e) => e.message.text), payloads, 'the other instance streams it as sent');
    const { messages } = await call(b, 'query Messages($id: ID!) { messages(roomId: $id, last: 100) { messages { text kind } } }', { id: roomId }, bob.token);
    assert.deepEqual(messages.messages.filter((m) => m.kind === 'USER').map((m) => m.text), payloads, 'the database holds it as sent');
    await watcher.close();
  });

  test('a non-member cannot watch a private room; muted and banned members cannot send', async () => {
    const roomId = await createRoom(a, owner, 'PRIVATE', 'Private');
    const invite = (person) => call(a, 'mutation Invite($input: RoomMemberInput!) { inviteToRoom(input: $input) { status } }',
      { input: { roomId, userId: person.userId } }, owner.token);
    for (const person of [dave, erin]) {
      await invite(person);
      await joinRoom(b, person, roomId);
    }
    const until = new Date(Date.now() + 3_600_000).toISOString();
    await call(a, 'mutation Mute($input: MuteMemberInput!) { muteMember(input: $input) { mutedUntil } }', { input: { roomId, userId: dave.userId, until } }, owner.token);
    await call(a, 'mutation Ban($input: RoomMemberInput!) { banMember(input: $input) { status } }', { input: { roomId, userId: erin.userId } }, owner.token);

    // Refused when subscribing, before any event, on either instance.
    for (const server of [a, b]) {
      const outsider = watching(server, mallory, roomId, null);
      await assert.rejects(outsider.until(() => false, 'the refusal'), /ended/);
      assert.deepEqual(outsider.failure.map((e) => e.extensions?.code), ['NOT_A_MEMBER']);
      assert.equal(outsider.events.length, 0);
    }
    const banned = watching(b, erin, roomId, null);
    await assert.rejects(banned.until(() => false, 'the refusal'), /ended/);
    assert.deepEqual(banned.failure.map((e) => e.extensions?.code), ['BANNED']);

    const attempt = (server, person, text) => refusal(server, sendMessageMutation, { input: { roomId, text, clientMessageId: `refused-${text.replaceAll(' ', '-')}` } }, person.token);
    assert.deepEqual(await attempt(b, mallory, 'let me in'), ['NOT_A_MEMBER']);
    assert.deepEqual(await attempt(b, dave, 'muted'), ['MUTED']);
    assert.deepEqual(await attempt(a, erin, 'banned'), ['BANNED']);

    // The muted member still reads the room: the owner's message reaches dave on the other instance.
    const reader = watching(b, dave, roomId, await lastSequence(a, owner, roomId));
    await send(a, owner, roomId, 'you may read', 'owner-1');
    await reader.sawMessage('owner-1');
    await reader.close();
  });

  test('a ban through one instance ends the member\'s stream on the other; an unban lets them back; the owner hands over to leave', async () => {
    const roomId = await createRoom(a, owner, 'PUBLIC', 'Moderation');
    await joinRoom(b, carol, roomId);
    await joinRoom(b, dave, roomId);
    const start = await lastSequence(a, owner, roomId);
    const ofCarol = watching(b, carol, roomId, start);
    const ofDave = watching(b, dave, roomId, start);
    await send(a, owner, roomId, 'in place', 'moderation-in-place');
    await Promise.all([ofCarol, ofDave].map((w) => w.sawMessage('moderation-in-place')));

    const ban = 'mutation Ban($input: RoomMemberInput!) { banMember(input: $input) { status } }';
    await call(a, ban, { input: { roomId, userId: carol.userId } }, owner.token);
    await assert.rejects(ofCarol.until(() => false, 'the end of the stream'), /ended/);
    assert.deepEqual([ofCarol.events.at(-1).kind, ofCarol.events.at(-1).subjectId], ['MEMBER_BANNED', carol.userId], 'the ban itself arrives first');
    assert.deepEqual(ofCarol.failure.map((e) => [e.extensions?.code, e.extensions?.lastSequence]), [['BANNED', ofCarol.events.at(-1).sequence]]);
    await send(a, owner, roomId, 'after the ban', 'moderation-after-ban');
    await ofDave.sawMessage('moderation-after-ban');
    assert.equal(ofDave.failure, null, 'the others go on');

    const unban = 'mutation Unban($input: RoomMemberInput!) { unbanMember(input: $input) { status } }';
    assert.equal((await call(b, unban, { input: { roomId, userId: carol.userId } }, owner.token)).unbanMember.status, 'LEFT');
    await joinRoom(a, carol, roomId);

    const leave = 'mutation Leave($id: ID!) { leaveRoom(roomId: $id) }';
    assert.deepEqual(await refusal(a, leave, { id: roomId }, owner.token), ['OWNERSHIP_TRANSFER_REQUIRED']);
    const transfer = 'mutation Transfer($input: RoomMemberInput!) { transferRoomOwnership(input: $input) { userId role } }';
    assert.deepEqual((await call(b, transfer, { input: { roomId, userId: dave.userId } }, owner.token)).transferRoomOwnership, { userId: dave.userId, role: 'OWNER' });
    assert.equal((await call(a, leave, { id: roomId }, owner.token)).leaveRoom, true);
    await ofDave.until((events) => events.some((e) => e.kind === 'MEMBER_LEFT' && e.subjectId === owner.userId), 'the old owner leaving');
    assert.deepEqual(
      ofDave.events.filter((e) => e.kind === 'MEMBER_ROLE_CHANGED').map((e) => e.subjectId),
      [dave.userId, owner.userId],
      'the new owner first, then the old one made a moderator',
    );
    await ofDave.close();
  });

  test('presence: watchers on each instance see each other come and go', async () => {
    const roomId = await createRoom(a, owner, 'PUBLIC', 'Presence');
    const onA = watchPresence(a, alice, roomId);
    assert.deepEqual(await onA.next(), [alice.userId]);
    const onB = watchPresence(b, bob, roomId);
    const both = [alice.userId, bob.userId].sort();
    assert.deepEqual(await onB.next(), both);
    assert.deepEqual(await onA.next(), both, 'A hears of B through Redis');
    const { presence } = await call(b, 'query Presence($id: ID!) { presence(roomId: $id) { userIds } }', { id: roomId }, owner.token);
    assert.deepEqual([...presence.userIds].sort(), both);

    await onB.close(); // Bob's socket closes: B marks him offline and signals it
    assert.deepEqual(await onA.next(), [alice.userId]);
    await onA.close();
  });
});
