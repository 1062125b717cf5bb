// graphql-js's parse on the benchmark documents: mean time per operation after warm-up,
// over several rounds, printed as JSON lines. Run: node bench.mjs [seconds-per-round]
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';

const seconds = Number(process.argv[2] ?? 2);
const documents = ['introspection', 'election'].map((name) => ({
  name,
  text: readFileSync(new URL(`../documents/${name}.graphql`, import.meta.url), 'utf8'),
}));

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

for (const { name, text } of documents) {
  measure(() => parse(text)); // warm-up: let the JIT settle
  const rounds = [1, 2, 3].map(() => measure(() => parse(text)));
  const best = Math.min(...rounds);
  console.log(JSON.stringify({ engine: 'graphql-js', benchmark: `parse ${name}`, nsPerOp: Math.round(best), rounds: rounds.map(Math.round) }));
}
