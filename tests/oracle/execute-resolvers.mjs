// Deterministic resolvers of the execution differential schema (tests/GraphQL.Tests/Execution/Differential/
// ExecutionSchema.cs). ExecutionResolvers.cs implements the same functions in C#: every value derives from the
// parent's seed and the field's arguments through mix(), so both engines compute the same data without sharing
// anything but the request's root value (the mutation counter). Objects are { __typename, seed }, which
// graphql-js's default type resolver reads for interfaces and unions. Change both files together.

import { isObjectType } from 'graphql';

export const COLORS = ['RED', 'GREEN', 'BLUE'];
const NAMES = ['Ada', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal'];
const MODELS = ['T-100', 'R2', 'HAL', 'K9'];

// A 32-bit integer hash of seed and salt, reduced to 0..99999 (Math.imul keeps it in 32 bits as C#'s uint does).
export function mix(seed, salt) {
  let x = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ salt;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) % 100000;
}

// Java's String.hashCode over UTF-16 code units, as C#'s unchecked int arithmetic over chars.
export function saltOf(text) {
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  }
  return hash;
}

const h = (seed, key) => mix(seed, saltOf(key));
const obj = (type, seed) => ({ __typename: type, seed });
const clamp = (n, low, high) => Math.min(Math.max(n, low), high);
const pause = async (times) => {
  for (let i = 0; i < times; i++) {
    await null;
  }
};

// Arguments (coerced, defaults applied) printed with sorted keys, so echo fields show what coercion produced.
export function canon(value) {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canon).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${k}:${canon(value[k])}`).join(',')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

const rank = (p) => {
  const v = h(p.seed, 'rank');
  return v % 5 === 0 ? null : v % 100;
};

const related = (p, { first }) => {
  if (first < 0) throw new Error(`first must not be negative, got ${first}`);
  const list = [];
  for (let i = 0; i < Math.min(first ?? 0, 4); i++) {
    const v = h(p.seed, `related${i}`);
    list.push(obj(v % 2 === 0 ? 'Person' : 'Robot', v));
  }
  return list;
};

const failing = (p) => {
  if (h(p.seed, 'failing') % 2 === 0) throw new Error(`failing ${p.seed}`);
  return `ok ${h(p.seed, 'failing') % 10}`;
};

const personName = (seed) => NAMES[h(seed, 'name') % 8];

function increment(root, by) {
  root.counter += by ?? 0;
  root.history.push(root.counter);
  return { __typename: 'Counter', value: root.counter, history: [...root.history] };
}

export const resolvers = {
  Query: {
    hello: (_, { name }) => `Hello, ${name ?? 'nobody'}!`,
    person: (_, { seed }) => (seed < 0 ? null : obj('Person', seed)),
    asyncPerson: async (_, { seed }) => {
      await pause(1);
      return seed % 3 === 0 ? null : obj('Person', seed);
    },
    robot: (_, { seed }) => {
      if (seed % 7 === 3) throw new Error(`robot ${seed} is broken`);
      return obj('Robot', seed);
    },
    node: (_, { seed }) => obj(['Person', 'Robot', 'Place'][((seed % 3) + 3) % 3], seed),
    entity: (_, { seed }) => {
      const m = ((seed % 11) + 11) % 11;
      return obj(m === 5 ? 'Place' : m % 2 === 0 ? 'Person' : 'Robot', seed);
    },
    search: (_, { seed, count, filter }) => {
      let n = clamp(count ?? 0, 0, 5);
      const to = filter?.range?.to;
      if (to !== null && to !== undefined) n = Math.min(n, Math.max(to, 0));
      const list = [];
      for (let i = 0; i < n; i++) {
        const v = h(seed ?? 0, `search${i}`);
        list.push(v % 4 === 3 ? null : obj(['Person', 'Robot', 'Place'][v % 4], v));
      }
      return list;
    },
    things: (_, { seed }) => {
      const list = [];
      for (let i = 0; i < 3; i++) {
        const v = h(seed, `thing${i}`);
        list.push(obj(v % 9 === 0 ? 'Person' : v % 2 === 0 ? 'Robot' : 'Part', v));
      }
      return list;
    },
    numbers: (_, { count, from }) => {
      if (count > 10) throw new Error(`count ${count} is too large`);
      const list = [];
      for (let i = 0; i < Math.max(count ?? 0, 0); i++) list.push((from ?? 0) + i);
      return list;
    },
    echo: (_, args) => canon(args),
    failingRoot: () => {
      throw new Error('root failure');
    },
    strictRoot: (_, { seed }) => {
      if (seed % 4 === 0) throw new Error(`strict root ${seed} failed`);
      return obj('Person', seed);
    },
    counter: (root) => root.counter,
  },
  Mutation: {
    increment: (root, { by }) => increment(root, by),
    incrementAsync: async (root, { by, delay }) => {
      await pause(clamp(delay ?? 0, 0, 5));
      return increment(root, by);
    },
    incrementThenFail: (root, { by }) => {
      increment(root, by);
      throw new Error(`increment failed at ${root.counter}`);
    },
    incrementStrict: async (root, { by }) => {
      await pause(1);
      const counter = increment(root, by);
      if (Math.abs(root.counter % 2) === 1) throw new Error(`odd counter ${root.counter}`);
      return counter;
    },
    addPerson: (root, { input }) => {
      increment(root, 1);
      return obj('Person', ((saltOf(canon(input)) >>> 0) % 1000) + root.counter);
    },
  },
  Person: {
    id: (p) => `P${p.seed}`,
    name: (p) => personName(p.seed),
    rank,
    related,
    age: (p) => h(p.seed, 'age') % 90,
    height: (p) => {
      const v = h(p.seed, 'height');
      return v % 7 === 0 ? null : (v % 200) / 10;
    },
    alive: (p) => h(p.seed, 'alive') % 2 === 0,
    color: (p) => COLORS[h(p.seed, 'color') % 3],
    favorite: (p) => {
      const v = h(p.seed, 'favorite');
      return v % 4 === 3 ? null : COLORS[v % 3];
    },
    nickname: (p) => {
      const v = h(p.seed, 'nickname');
      return v % 3 === 0 ? null : `nick${v % 10}`;
    },
    tags: (p) => {
      const list = [];
      for (let i = 0; i < h(p.seed, 'tags') % 3; i++) list.push(`t${h(p.seed, `tag${i}`) % 5}`);
      return list;
    },
    scores: (p) => {
      const v = h(p.seed, 'scores');
      if (v % 5 === 0) return null;
      const list = [];
      for (let i = 0; i < v % 4; i++) {
        const w = h(p.seed, `score${i}`);
        list.push(w % 4 === 0 ? null : w % 100);
      }
      return list;
    },
    matrix: (p, { size }) => {
      if (size > 4) throw new Error(`size ${size} is too large`);
      const n = Math.max(size ?? 0, 0);
      const rows = [];
      for (let i = 0; i < n; i++) {
        const row = [];
        for (let j = 0; j < n; j++) row.push(h(p.seed, `m${i}.${j}`) % 10);
        rows.push(row);
      }
      return rows;
    },
    grid: (p) => {
      if (h(p.seed, 'grid') % 3 === 0) return null;
      const rows = [];
      for (let i = 0; i < 2; i++) {
        if (h(p.seed, `grid${i}`) % 5 === 0) {
          rows.push(null);
          continue;
        }
        const row = [];
        for (let j = 0; j < 2; j++) {
          const x = h(p.seed, `g${i}.${j}`);
          row.push(x % 3 === 0 ? null : (x % 40) / 4);
        }
        rows.push(row);
      }
      return rows;
    },
    pet: (p) => {
      const v = h(p.seed, 'pet');
      return v % 3 === 0 ? null : obj('Pet', v);
    },
    friends: (p, { first, color }) => {
      const list = [];
      for (let i = 0; i < clamp(first ?? 0, 0, 4); i++) {
        const friend = obj('Person', h(p.seed, `friend${i}`));
        if (color === null || color === undefined || COLORS[h(friend.seed, 'color') % 3] === color) list.push(friend);
      }
      return list;
    },
    deep: (p) => {
      if (h(p.seed, 'deep') % 4 === 0) return null;
      const rows = [];
      for (let i = 0; i < 2; i++) {
        const w = h(p.seed, `deep${i}`);
        rows.push(w % 3 === 0 ? null : [obj('Person', w), obj('Person', h(w, 'x'))]);
      }
      return rows;
    },
    greeting: (p, { prefix, loud, times }) => {
      if (times < 0) throw new Error(`times must not be negative, got ${times}`);
      const line = `${prefix ?? ''} ${personName(p.seed)}`;
      const text = Array(Math.min(times, 3)).fill(line).join(' ');
      return loud ? text.toUpperCase() : text;
    },
    echo: (_, args) => canon(args),
    asyncFriend: async (p) => {
      await pause(2);
      const v = h(p.seed, 'asyncFriend');
      return v % 4 === 0 ? null : obj('Person', v);
    },
    failing,
    failingAsync: async (p) => {
      await pause(1);
      const v = h(p.seed, 'failingAsync');
      if (v % 2 === 1) throw new Error(`async failure ${p.seed}`);
      return v % 100;
    },
    mustWork: (p) => {
      if (h(p.seed, 'mustWork') % 3 === 0) throw new Error(`mustWork failed for ${p.seed}`);
      return 'works';
    },
    nullNonNull: (p) => {
      const v = h(p.seed, 'nullNonNull');
      return v % 2 === 0 ? null : v % 10;
    },
    badInt: (p) => [1.5, 'abc', 3000000000, '12', true, 7][h(p.seed, 'badInt') % 6],
    badFloat: (p) => ['x', '2.5', true, 0.25][h(p.seed, 'badFloat') % 4],
    badString: (p) => [42, true, 1.5, 'plain', [1, 2]][h(p.seed, 'badString') % 5],
    badBoolean: (p) => [1, 'true', false][h(p.seed, 'badBoolean') % 3],
    badId: (p) => [17, 1.5, true, 'id'][h(p.seed, 'badId') % 4],
    badEnum: (p) => (h(p.seed, 'badEnum') % 2 === 0 ? 'PURPLE' : 'RED'),
    badList: (p) => (h(p.seed, 'badList') % 2 === 0 ? 5 : [1, 2]),
    wrongType: (p) => {
      const v = h(p.seed, 'wrongType');
      return [
        { __typename: 'Nope', seed: v },
        { __typename: 'Color', seed: v },
        { __typename: 'Place', seed: v },
        { seed: v },
        obj('Robot', v),
      ][v % 5];
    },
    flaky: (p) => {
      const r = h(p.seed, 'flaky') % 3;
      return [0, 1, 2].map((i) => (i === r ? 'bad' : i === (r + 1) % 3 ? null : h(p.seed, `f${i}`) % 50));
    },
    flakyStrict: (p) => [[1, 2, 3], [1, null, 3], [1, 'x', 3]][h(p.seed, 'flakyStrict') % 3],
  },
  Robot: {
    id: (p) => `R${p.seed}`,
    name: (p) => `Robo${h(p.seed, 'name') % 50}`,
    rank,
    related,
    model: (p) => MODELS[h(p.seed, 'model') % 4],
    version: (p) => (h(p.seed, 'version') % 30) / 4,
    parts: (p, { count }) => {
      if (count < 0) throw new Error(`count must not be negative, got ${count}`);
      const list = [];
      for (let i = 0; i < Math.min(count ?? 0, 3); i++) list.push(obj('Part', h(p.seed, `part${i}`)));
      return list;
    },
    owner: (p) => {
      const v = h(p.seed, 'owner');
      return v % 2 === 0 ? obj('Person', v) : null;
    },
    failing,
    asyncPower: async (p) => {
      await pause(1);
      const v = h(p.seed, 'asyncPower');
      if (v % 4 === 0) throw new Error(`no power for ${p.seed}`);
      return v % 1000;
    },
  },
  Part: {
    id: (p) => `X${p.seed}`,
    weight: (p) => (h(p.seed, 'weight') % 100) / 8,
    label: (p, { upper }) => {
      const text = `part-${h(p.seed, 'label') % 20}`;
      return upper ? text.toUpperCase() : text;
    },
    subparts: (p) => {
      const v = h(p.seed, 'subparts');
      if (v % 3 === 0) return null;
      const list = [];
      for (let i = 0; i < v % 3; i++) list.push(obj('Part', h(p.seed, `sub${i}`)));
      return list;
    },
    broken: (p) => {
      const v = h(p.seed, 'broken');
      return v % 3 === 0 ? null : v % 10;
    },
  },
  Place: {
    id: (p) => `L${p.seed}`,
    title: (p) => `Place ${h(p.seed, 'title') % 30}`,
    visitors: (p, { first }) => {
      const list = [];
      for (let i = 0; i < clamp(first ?? 0, 0, 3); i++) {
        const w = h(p.seed, `visitor${i}`);
        list.push(w % 3 === 0 ? null : obj('Person', w));
      }
      return list;
    },
    coords: (p) => [(h(p.seed, 'x') % 360) / 2, (h(p.seed, 'y') % 180) / 4],
  },
  Pet: {
    name: (p) => `Pet${h(p.seed, 'name') % 10}`,
    kind: (p) => {
      const v = h(p.seed, 'kind');
      return v % 2 === 0 ? null : COLORS[v % 3];
    },
    owner: async (p) => {
      await pause(1);
      const v = h(p.seed, 'owner');
      if (v % 4 === 0) throw new Error(`pet ${p.seed} has no owner`);
      return obj('Person', v);
    },
  },
  Counter: {
    value: (p) => p.value,
    history: (p) => p.history,
    person: (p) => (p.value % 2 === 0 ? obj('Person', p.value) : null),
  },
};

/** The root value of one request: the mutation counter and the values it went through. */
export const createRoot = () => ({ counter: 0, history: [] });

/** Puts the resolvers on the fields of a schema built by buildSchema (abstract types keep the default type resolver). */
export function attachResolvers(schema) {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    for (const [fieldName, resolve] of Object.entries(fields)) {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`${typeName}.${fieldName} is not in the schema`);
      field.resolve = (source, args) => resolve(source, args);
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve) throw new Error(`${type.name}.${field.name} has no resolver`);
    }
  }
  return schema;
}
