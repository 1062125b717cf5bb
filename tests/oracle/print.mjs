// Differential oracle for src/GraphQL/Language: for each document of the JSON array in the file named by
// the first argument, prints either graphql-js's print(parse(doc)) or the syntax error it raised.
// Usage: node print.mjs corpus.json > results.json
import { readFileSync } from 'node:fs';
import { parse, print } from 'graphql';

const documents = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const results = documents.map((document) => {
  try {
    // The spec requires at least one selection in a selection set (SelectionSet: { Selection+ });
    // graphql-js 17 accepts empty ones unless told not to.
    return { printed: print(parse(document, { allowEmptySelectionSets: false })) };
  } catch (error) {
    if (error?.name !== 'GraphQLError') throw error;
    return { error: { message: error.message, locations: error.locations ?? [] } };
  }
});

process.stdout.write(JSON.stringify(results));
