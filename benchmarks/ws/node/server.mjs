// The Node peer of the WebSocket subscription benchmark: graphql-ws's server (use/ws) on ws and
// node:http, serving ../schema.graphql at ws://127.0.0.1:$PORT/graphql (graphql-transport-ws), plus
// POST /graphql for the run script's readiness check. The announcements topic behaves like ours:
// a sequence per event, publishedAt stamped right before the publish (100 ns digits, like .NET's
// "O" format), one bounded queue of 256 events per subscriber, and a subscriber that falls 256
// behind ends with a RESYNC_REQUIRED error. One process, production mode, no logging.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { buildSchema, graphql, GraphQLError, version } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

const BUFFER_SIZE = 256;
const RESYNC = Symbol('resync required');

/** An ISO 8601 UTC time with seven fractional digits, from the high-resolution clock. */
function now() {
  const ms = performance.timeOrigin + performance.now();
  const whole = Math.floor(ms);
  const hundredNs = Math.floor((ms - whole) * 10_000);
  return `${new Date(whole).toISOString().slice(0, -1)}${String(hundredNs).padStart(4, '0')}Z`;
}

/** One topic: a sequence and the set of subscribers, each with its own queue. */
class Topic {
  sequence = 0;
  subscribers = new Set();

  publish(text) {
    const event = { sequence: ++this.sequence, text, publishedAt: now() };
    for (const subscriber of this.subscribers) {
      if (!subscriber.offer(event)) this.subscribers.delete(subscriber);
    }
    return event;
  }

  subscribe() {
    const subscriber = new Subscriber(this);
    this.subscribers.add(subscriber);
    return subscriber;
  }
}

/** A subscriber's async iterator over a bounded queue; overflowing it ends the stream with RESYNC. */
class Subscriber {
  queue = [];
  waiting = null;
  ended = false;

  constructor(topic) {
    this.topic = topic;
  }

  offer(event) {
    if (this.ended) return false;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: event, done: false });
      return true;
    }
    if (this.queue.length >= BUFFER_SIZE) {
      this.queue.push(RESYNC); // read after what is buffered, then the stream ends
      this.ended = true;
      return false;
    }
    this.queue.push(event);
    return true;
  }

  next() {
    if (this.queue.length > 0) {
      const value = this.queue.shift();
      if (value === RESYNC) this.queue.length = 0;
      return Promise.resolve({ value, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return() {
    this.ended = true;
    this.queue.length = 0;
    this.topic.subscribers.delete(this);
    if (this.waiting) this.waiting({ value: undefined, done: true });
    this.waiting = null;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

const announcements = new Topic();

// Long and DateTime keep SDL scalars' identity serialisation: the sequence is a number, publishedAt a string.
const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
schema.getQueryType().getFields().hello.resolve = () => 'Hello';
schema.getMutationType().getFields().announce.resolve = (_, { text }) => announcements.publish(text);
const subscription = schema.getSubscriptionType().getFields().announcements;
subscription.subscribe = () => announcements.subscribe();
subscription.resolve = (event) => {
  if (event === RESYNC) {
    throw new GraphQLError('This subscriber fell 256 events behind.', { extensions: { code: 'RESYNC_REQUIRED' } });
  }
  return event;
};

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('Set PORT to the port to listen on.');
const host = '127.0.0.1';

const server = createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/graphql') {
    response.writeHead(404).end();
    return;
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const result = await graphql({ schema, source: query, variableValues: variables });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
});
useServer({ schema }, new WebSocketServer({ server, path: '/graphql' }));
server.listen(port, host, () => console.log(`graphql-ws on ws://${host}:${port}/graphql, graphql ${version}`));
