// Differential oracle for src/GraphQL/Validation: reads the JSON lines the validation test harness
// writes when VALIDATION_ORACLE_LOG is set (schema SDL, query, rule name, our errors), runs graphql-js's
// validate with that one rule on the same input, and prints every case where messages or locations differ.
// Usage: VALIDATION_ORACLE_LOG=/tmp/v.jsonl dotnet test ... ; node validate.mjs /tmp/v.jsonl
import { readFileSync } from 'node:fs';
import * as graphql from 'graphql';

const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length > 0);
const schemas = new Map();
let differences = 0;

for (const line of lines) {
  const run = JSON.parse(line);
  let schema = schemas.get(run.sdl);
  if (!schema) {
    schema = graphql.buildSchema(run.sdl);
    schemas.set(run.sdl, schema);
  }

  const rule = graphql[run.rule];
  if (!rule) {
    console.log(`? ${run.test}: graphql-js has no rule ${run.rule}`);
    continue;
  }

  const expected = graphql
    .validate(schema, graphql.parse(run.query), [rule])
    .map((e) => `${e.message} @ ${(e.locations ?? []).map((l) => `${l.line}:${l.column}`).join(', ')}`);
  const actual = run.errors.map((e) => `${e.message} @ ${e.locations.map((l) => `${l.line}:${l.column}`).join(', ')}`);
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    differences++;
    console.log(`✗ ${run.test}\n  graphql-js: ${JSON.stringify(expected, null, 1)}\n  ours:       ${JSON.stringify(actual, null, 1)}`);
  }
}

console.log(`${lines.length} runs, ${differences} differences`);
