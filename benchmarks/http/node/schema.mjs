// The benchmark schema (../schema.graphql) with its in-memory data (../data.json), executable, so
// that both Node peers run exactly the same resolvers.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';

const read = (name) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
const data = JSON.parse(read('data.json'));

export const schema = buildSchema(read('schema.graphql'));

const query = schema.getQueryType().getFields();
query.hello.resolve = () => data.hello;
query.election.resolve = (_, { id }) => data.elections.find((election) => election.id === id) ?? null;
query.elections.resolve = () => data.elections;

// The peers take their port from PORT, as every server of the benchmark does (see ../run.sh).
export const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('Set PORT to the port to listen on.');
export const host = '127.0.0.1';
