// Oracle for introspection (src/GraphQL/Types/Introspection.cs run by src/GraphQL/Execution).
//   node introspection.mjs query [full]   prints getIntrospectionQuery() (with every option on when "full")
//   node introspection.mjs print file     reads a JSON array of introspection results ({ data }) and prints
//                                         printSchema(buildClientSchema(data)) for each, as a JSON array
import { readFileSync } from 'node:fs';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const [mode, argument] = process.argv.slice(2);
if (mode === 'query') {
  const options = argument === 'full'
    ? { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }
    : undefined;
  process.stdout.write(getIntrospectionQuery(options));
} else if (mode === 'print') {
  const results = JSON.parse(readFileSync(argument, 'utf8'));
  const printed = results.map((result) => {
    try {
      return { printed: printSchema(buildClientSchema(result.data)) };
    } catch (error) {
      return { error: String(error?.message ?? error) };
    }
  });
  process.stdout.write(JSON.stringify(printed));
} else {
  process.stderr.write('usage: node introspection.mjs query [full] | print <file>\n');
  process.exit(2);
}
