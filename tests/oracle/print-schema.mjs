// Differential oracle for src/GraphQL/Types: for each SDL document of the JSON array in the file named
// by the first argument, prints graphql-js's printSchema(buildSchema(sdl)), or the error it raised.
// Usage: node print-schema.mjs corpus.json > results.json
import { readFileSync } from 'node:fs';
import { buildSchema, printSchema } from 'graphql';

const documents = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const results = documents.map((sdl) => {
  try {
    return { printed: printSchema(buildSchema(sdl)) };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  }
});

process.stdout.write(JSON.stringify(results));
