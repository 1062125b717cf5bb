// Differential oracle for src/GraphQL/Execution: reads { "schema": "<SDL>", "seed": n, "count": n } from the JSON
// file named by the first argument, generates requests with execute-generator.mjs until `count` of them pass
// graphql-js's validate, runs each with graphql-js's execute (resolvers from execute-resolvers.mjs, a fresh root
// value per request) and prints [{ document, operationName, variables, result }] where result is the JSON of the
// ExecutionResult ({ errors?, data? }; no data key for a request error).
// Usage: node execute-corpus.mjs input.json > corpus.json
import { readFileSync } from 'node:fs';
import { buildSchema, execute, parse, validate } from 'graphql';
import { generateRequests } from './execute-generator.mjs';
import { attachResolvers, createRoot } from './execute-resolvers.mjs';

const { schema: sdl, seed, count } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const schema = attachResolvers(buildSchema(sdl));

const corpus = [];
let rejected = 0;
for (const request of generateRequests(schema, seed)) {
  if (corpus.length === count) break;
  const document = parse(request.document);
  if (validate(schema, document).length > 0) {
    rejected++;
    continue;
  }
  const result = await execute({
    schema,
    document,
    operationName: request.operationName,
    variableValues: request.variables,
    rootValue: createRoot(),
  });
  corpus.push({ ...request, result: JSON.parse(JSON.stringify(result)) });
}

process.stderr.write(`${corpus.length} requests kept, ${rejected} rejected by validate\n`);
process.stdout.write(JSON.stringify(corpus));
