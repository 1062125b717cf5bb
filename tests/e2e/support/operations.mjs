// What the streaming-transport suites share: collecting one operation's results from a client, and the
// demo `ticks` subscription's expected shape.
import assert from 'node:assert/strict';

/**
 * Every result an operation delivers, and how it ended: error null (complete) or what it failed with.
 * `observe` registers the sink with the client ({ next, error, complete }, as every client here takes it).
 */
export function collect(observe) {
  return new Promise((resolve) => {
    const results = [];
    observe({
      next: (result) => results.push(result),
      error: (error) => resolve({ results, error }),
      complete: () => resolve({ results, error: null }),
    });
  });
}

export const ticksSubscription = 'subscription { ticks(count: 3, intervalMs: 50) { sequence at } }';

/** `ticks(count: 3)` delivered 1, 2, 3 in order, each with a date-time, and completed. */
export function assertThreeTicks({ results, error }) {
  assert.equal(error, null);
  assert.deepEqual(results.map((r) => r.data.ticks.sequence), [1, 2, 3]);
  for (const result of results) {
    assert.ok(!Number.isNaN(Date.parse(result.data.ticks.at)), `at should be a date-time: ${result.data.ticks.at}`);
  }
}

/**
 * The first `count` results of an operation that does not end by itself; then it is unsubscribed. Rejects if the
 * operation fails or completes before. `observe` registers the sink and returns the function that unsubscribes.
 */
export function collectFirst(count, observe) {
  return new Promise((resolve, reject) => {
    const results = [];
    let unsubscribe = null;
    let done = false;
    const finish = () => {
      done = true;
      unsubscribe?.();
      resolve(results);
    };
    unsubscribe = observe({
      next: (result) => {
        if (done) return;
        results.push(result);
        if (results.length === count) finish();
      },
      error: (error) => reject(new Error(`failed after ${results.length} of ${count} results: ${JSON.stringify(error)}`)),
      complete: () => {
        if (!done) reject(new Error(`completed after ${results.length} of ${count} results`));
      },
    });
    if (done) unsubscribe();
  });
}

/** One GraphQL request over HTTP POST; the parsed response (the status must be 200). */
export async function postGraphQL(server, query, variables, token) {
  const response = await server.fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `POST /graphql answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

export const announceMutation = 'mutation Announce($text: String!) { announce(text: $text) { sequence text publishedAt } }';

export const announcementsSubscription =
  'subscription Announcements($after: Long) { announcements(afterSequence: $after) { sequence text publishedAt } }';

/** Announces `text` over HTTP; its sequence. */
/** The admin the Development environment seeds (appsettings.Development.json); an official, so it may announce. */
export const seededAdmin = { citizenId: '1100000000008', password: 'admin-password' };

const officialTokens = new WeakMap();

/** An access token of the seeded admin, logged in once per server. */
export async function officialToken(server) {
  if (!officialTokens.has(server)) {
    officialTokens.set(server, (async () => {
      const { data, errors } = await postGraphQL(
        server,
        'mutation Login($c: String!, $p: String!) { login(citizenId: $c, password: $p) { accessToken } }',
        { c: seededAdmin.citizenId, p: seededAdmin.password },
      );
      assert.equal(errors, undefined, JSON.stringify(errors));
      return data.login.accessToken;
    })());
  }
  return officialTokens.get(server);
}

export async function announce(server, text) {
  const { data, errors } = await postGraphQL(server, announceMutation, { text }, await officialToken(server));
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data.announce.sequence;
}

/** A subscription whose argument the resolver refuses: the operation fails with BAD_USER_INPUT. */
export const badTicksSubscription = 'subscription { ticks(count: 0, intervalMs: 50) { sequence } }';
