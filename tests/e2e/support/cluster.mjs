// Starts two Voting.WebApi processes that share one PostgreSQL database and one Redis, as two instances behind a
// load balancer do: a topic event published on one reaches subscribers on the other through Redis (ADR 0029).
//
// Environment (test.sh sets both):
//   VOTING_TEST_POSTGRES  an Npgsql connection string to a server where databases may be created
//   VOTING_TEST_REDIS     host:port of a Redis both instances use

import { createPostgresDatabase, startServer } from './server.mjs';

/**
 * Starts instance A, and B once A is healthy (A applies the migrations and the seed; B finds them done).
 * Each cluster gets its own database and its own Redis key prefix, so clusters never see each other's topics.
 * @param {object} [options]
 * @param {string} [options.environment] ASPNETCORE_ENVIRONMENT
 * @param {Record<string,string>} [options.env] further environment variables for both instances
 * @returns {Promise<{ a: object, b: object, instances: object[], stop: () => Promise<void> }>}
 */
export async function startCluster({ environment = 'Development', env = {} } = {}) {
  const redis = process.env.VOTING_TEST_REDIS;
  if (!redis) throw new Error('VOTING_TEST_REDIS is not set; test.sh sets it.');
  const database = await createPostgresDatabase();
  const shared = {
    provider: 'Postgres',
    environment,
    connectionString: database.connectionString,
    env: {
      Redis__Configuration: redis,
      Redis__KeyPrefix: `e2e-${process.pid}-${Math.random().toString(36).slice(2, 10)}:`,
      ...env,
    },
  };
  const instances = [];
  const stop = async () => {
    try {
      await Promise.all(instances.map((instance) => instance.stop()));
    } finally {
      // Dropped once, after both instances let go of it (startServer leaves a database it was given alone).
      await database.drop();
    }
  };
  try {
    instances.push(await startServer(shared));
    instances.push(await startServer(shared));
  } catch (error) {
    await stop();
    throw error;
  }
  const [a, b] = instances;
  return { a, b, instances, stop };
}
