// Differential oracle for src/GraphQL/Types: for each SDL document of the JSON array in the file named
// by the first argument, prints graphql-js's printSchema(buildSchema(sdl)), or the errors of building
// (assertValidSDL) or validating (validateSchema) it, joined by blank lines.
// Usage: node print-schema.mjs corpus.json > results.json
import { readFileSync } from 'node:fs';
import { buildSchema, printSchema, validateSchema } from 'graphql';

const documents = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const results = documents.map((sdl) => {
  try {
    const schema = buildSchema(sdl);
    const errors = validateSchema(schema);
    if (errors.length > 0) return { error: errors.map((e) => e.message).join('\n\n') };
    return { printed: printSchema(schema) };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  }
});

process.stdout.write(JSON.stringify(results));
