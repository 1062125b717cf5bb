// Writes graphql-js's getIntrospectionQuery() to benchmarks/documents/introspection.graphql,
// so both engines are measured on exactly the same text.
import { writeFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';

writeFileSync(new URL('../documents/introspection.graphql', import.meta.url), getIntrospectionQuery());
