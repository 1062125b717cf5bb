// graphql-js on the benchmark documents: parse, validate (an already parsed document) and both,
// as mean nanoseconds per operation after warm-up, the best of three rounds, one JSON line each.
// Run: node bench.mjs [seconds-per-round]
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';

const seconds = Number(process.argv[2] ?? 2);
const read = (name) => readFileSync(new URL(`../documents/${name}.graphql`, import.meta.url), 'utf8');
const schema = buildSchema(read('schema'));

function measure(fn) {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  let count = 0;
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < 100; i++) fn();
    count += 100;
  }
  return Number(process.hrtime.bigint() - start) / count;
}

for (const name of ['introspection', 'election']) {
  const text = read(name);
  const document = parse(text);
  if (validate(schema, document).length !== 0) throw new Error(`${name} is not valid against schema.graphql`);
  const cases = {
    parse: () => parse(text),
    validate: () => validate(schema, document),
    'parse+validate': () => validate(schema, parse(text)),
  };
  for (const [what, fn] of Object.entries(cases)) {
    measure(fn); // warm-up: let the JIT settle
    const rounds = [1, 2, 3].map(() => measure(fn));
    console.log(JSON.stringify({ engine: 'graphql-js', benchmark: `${what} ${name}`, nsPerOp: Math.round(Math.min(...rounds)), rounds: rounds.map(Math.round) }));
  }
}
