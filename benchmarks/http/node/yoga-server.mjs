// graphql-yoga on Node's http server: POST /graphql on 127.0.0.1:$PORT, production settings.
import { createServer } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { host, port, schema } from './schema.mjs';

const yoga = createYoga({
  schema,
  graphqlEndpoint: '/graphql',
  graphiql: false,
  landingPage: false,
  logging: false,
});

createServer(yoga).listen(port, host, () => console.log(`graphql-yoga on http://${host}:${port}/graphql`));
