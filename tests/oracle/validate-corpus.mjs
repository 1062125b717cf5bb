// Differential oracle for src/GraphQL/Validation: reads { "schema": "<SDL>", "documents": [...] } from the JSON
// file named by the first argument and prints, for each document, graphql-js's validate(schema, parse(doc))
// errors (specifiedRules, default maxErrors) or the syntax error parse raised.
// Usage: node validate-corpus.mjs corpus.json > results.json (validate.mjs is the per-rule harness oracle)
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';

const { schema: sdl, documents } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const schema = buildSchema(sdl);

const describe = (error) => ({ message: error.message, locations: error.locations ?? [] });

const results = documents.map((document) => {
  let ast;
  try {
    // As print.mjs: the spec requires at least one selection in a selection set.
    ast = parse(document, { allowEmptySelectionSets: false });
  } catch (error) {
    if (error?.name !== 'GraphQLError') throw error;
    return { syntaxError: describe(error) };
  }
  return { errors: validate(schema, ast).map(describe) };
});

process.stdout.write(JSON.stringify(results));
