// graphql-http's Node handler on Node's http server: POST /graphql on 127.0.0.1:$PORT.
import { createServer } from 'node:http';
import { createHandler } from 'graphql-http/lib/use/http';
import { host, port, schema } from './schema.mjs';

const handler = createHandler({ schema });

createServer((req, res) => {
  if (req.url === '/graphql') {
    handler(req, res);
  } else {
    res.writeHead(404).end();
  }
}).listen(port, host, () => console.log(`graphql-http on http://${host}:${port}/graphql`));
