// Differential oracle for src/GraphQL/Execution's Subscribe: reads { schema: "<SDL>", cases: [{ document, operationName?, variables? }] } from
// the JSON file named by the first argument, runs each with graphql-js's subscribe against the schema and
// subscribers that tests/GraphQL.Tests/Execution/Subscriptions/TickSchema.cs mirrors, and prints, for each, one of
// { result } (subscribe gave a request error), { events: [...], thrown? } (the response stream's results, and the
// message of the error the stream threw, if it did), or { thrown } (subscribe itself threw).
// Usage: node subscribe.mjs cases.json > results.json
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLError, parse, subscribe, validate } from 'graphql';

const { schema: sdl, cases } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const schema = buildSchema(sdl);

const tick = (i) => ({ n: i === 3 ? null : i, label: i % 2 === 0 ? null : `tick ${i}`, loud: i === 2 ? null : `TICK ${i}` });
async function* events(field, count, end) {
  for (let i = 1; i <= count; i++) {
    await Promise.resolve();
    yield { [field]: tick(i) };
  }
  if (end) throw end;
}
const fields = schema.getSubscriptionType().getFields();
fields.ticks.subscribe = (_, { count }) => events('ticks', count);
fields.required.subscribe = (_, { count }) => events('required', count);
fields.refused.subscribe = () => { throw new GraphQLError('Not allowed.'); };
fields.notAStream.subscribe = () => 'hello';
fields.failingSource.subscribe = (_, { count }) => events('failingSource', count, new GraphQLError('Feed lost.'));

const out = [];
for (const { document, operationName, variables } of cases) {
  const parsed = parse(document);
  const invalid = validate(schema, parsed);
  if (invalid.length > 0) throw new Error(`invalid case ${document}: ${invalid.map((e) => e.message).join('; ')}`);
  let subscribed;
  try {
    subscribed = await subscribe({ schema, document: parsed, operationName, variableValues: variables });
  } catch (error) {
    out.push({ thrown: error.message });
    continue;
  }
  if (!(Symbol.asyncIterator in subscribed)) {
    out.push({ result: JSON.parse(JSON.stringify(subscribed)) });
    continue;
  }
  const results = [];
  try {
    for await (const result of subscribed) results.push(JSON.parse(JSON.stringify(result)));
    out.push({ events: results });
  } catch (error) {
    out.push({ events: results, thrown: error.message });
  }
}
process.stdout.write(JSON.stringify(out));
