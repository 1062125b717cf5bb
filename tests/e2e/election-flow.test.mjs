// An election from start to end, as its people see it through Apollo Client (HttpLink for queries and mutations,
// GraphQLWsLink for subscriptions), one client each with their own token: voters register and log in, the seeded
// official runs the election, voters vote while an observer watches the tally move, a second vote and a voter off
// the roll are refused with their codes, and after closing and publishing the results match the votes and every
// receipt verifies. Against SQLite, and against PostgreSQL too when VOTING_TEST_POSTGRES is set.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { gql } from '@apollo/client/core';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { apolloClient, record } from './support/apollo.mjs';
import { citizenIds } from './support/citizen-id.mjs';
import { seededAdmin } from './support/operations.mjs';
import { startServer } from './support/server.mjs';

const tallyFields = 'electionId total version asOf candidates { candidateId name ballotOrder votes }';

const ops = {
  register: gql`mutation Register($citizenId: String!, $phone: String!, $password: String!) {
    register(citizenId: $citizenId, phone: $phone, password: $password)
  }`,
  login: gql`mutation Login($citizenId: String!, $password: String!) {
    login(citizenId: $citizenId, password: $password) { userId roles accessToken }
  }`,
  createElection: gql`mutation CreateElection($input: CreateElectionInput!) {
    createElection(input: $input) { id status opensAt closesAt resultsVisibility }
  }`,
  addCandidate: gql`mutation AddCandidate($input: AddCandidateInput!) {
    addCandidate(input: $input) { id name ballotOrder }
  }`,
  setVoterRoll: gql`mutation SetVoterRoll($input: SetVoterRollInput!) {
    setVoterRoll(input: $input) { eligibility size hash }
  }`,
  scheduleElection: gql`mutation Schedule($id: ID!) { scheduleElection(electionId: $id) { id status } }`,
  openElection: gql`mutation Open($id: ID!) { openElection(electionId: $id) { id status } }`,
  closeElection: gql`mutation Close($id: ID!) { closeElection(electionId: $id) { id status } }`,
  publishResults: gql`mutation Publish($id: ID!) { publishResults(electionId: $id) { id status } }`,
  castVote: gql`mutation CastVote($input: CastVoteInput!) { castVote(input: $input) { electionId receipt sequence } }`,
  election: gql`query Election($id: ID!) { election(id: $id) { id status candidateCount candidates { id name } } }`,
  myParticipation: gql`query MyParticipation($id: ID!) { myParticipation(electionId: $id) { electionId hasVoted votedAt } }`,
  tally: gql`query Tally($id: ID!) { tally(electionId: $id) { ${tallyFields} } }`,
  results: gql`query Results($id: ID!) {
    results(electionId: $id) {
      tally { ${tallyFields} }
      winners { candidateId name votes }
      isTie participations electorate turnout published
    }
  }`,
  verifyReceipt: gql`query Verify($id: ID!, $receipt: String!) {
    verifyReceipt(electionId: $id, receipt: $receipt) { recorded sequence }
  }`,
  tallyUpdated: gql`subscription TallyUpdated($id: ID!) { tallyUpdated(electionId: $id) { ${tallyFields} } }`,
  electionStatusChanged: gql`subscription StatusChanged($id: ID!) {
    electionStatusChanged(electionId: $id) { sequence electionId status changedAt }
  }`,
};

// Voting closes this long after the election is created: enough for the officer's setup and every vote on a slow
// machine; the test waits out the rest before closing (closeElection refuses before the closing time).
const votingWindowMs = 15_000;

const password = 'e2e-voter-password';

/** The data of a mutation; a GraphQL error fails the test with its message. */
async function mutate(person, mutation, variables) {
  const { data } = await person.client.mutate({ mutation, variables });
  return data;
}

async function query(person, document, variables) {
  const { data, error } = await person.client.query({ query: document, variables });
  assert.equal(error, undefined, `${document.definitions[0].name.value}: ${error}`);
  return data;
}

/** The error codes a mutation fails with, as Apollo Client hands them over (it throws CombinedGraphQLErrors). */
async function refusal(person, mutation, variables) {
  try {
    const { data } = await person.client.mutate({ mutation, variables });
    assert.fail(`expected a refusal, got ${JSON.stringify(data)}`);
  } catch (error) {
    assert.ok(CombinedGraphQLErrors.is(error), `the error should be the GraphQL errors: ${error}`);
    return error.errors.map((e) => e.extensions?.code);
  }
}

const votesByName = (tally) => Object.fromEntries(tally.candidates.map((c) => [c.name, c.votes]));

const providers = ['Sqlite', ...(process.env.VOTING_TEST_POSTGRES ? ['Postgres'] : [])];

for (const provider of providers) {
  describe(`An election end to end with Apollo Client (${provider})`, () => {
    let server;
    const clients = [];
    const streams = [];
    // People: the officer (the seeded admin) and four new voters, the last of them left off the roll.
    let officer;
    const voters = [];
    let outsider;
    let election;
    let candidates;
    let statusWatch;
    const receipts = [];
    // Who votes for whom, by candidate index: two for the first candidate, one for the second, none for the third.
    const choices = [0, 0, 1];

    const connect = (token) => {
      const person = apolloClient(server, token);
      clients.push(person);
      return person;
    };
    const watch = (person, subscription, variables) => {
      const stream = record(person.client.subscribe({ query: subscription, variables }));
      streams.push(stream);
      return stream;
    };

    before(async () => {
      // The scheduler would open and close the election on time, racing the officer's openElection and closeElection.
      server = await startServer({ provider, environment: 'Development', env: { Scheduling__Enabled: 'false' } });
    });
    after(async () => {
      for (const stream of streams) stream.stop();
      await Promise.all(clients.map((person) => person.close()));
      await server?.stop();
    });

    test('four new voters register and log in; the seeded official logs in', async () => {
      const anonymous = connect();
      const ids = citizenIds('3', 4);
      for (const [i, citizenId] of ids.entries()) {
        const { register } = await mutate(anonymous, ops.register, { citizenId, phone: `+6690000000${i + 1}`, password });
        assert.match(register, /\S/, 'register returns the new user ID');
        const { login } = await mutate(anonymous, ops.login, { citizenId, password });
        assert.equal(login.userId, register);
        assert.deepEqual(login.roles, ['VOTER']);
        voters.push({ citizenId, ...connect(login.accessToken) });
      }
      outsider = voters.pop();

      const { login } = await mutate(anonymous, ops.login, { citizenId: seededAdmin.citizenId, password: seededAdmin.password });
      assert.ok(login.roles.includes('ELECTION_OFFICER') || login.roles.includes('ADMIN'), `the seeded admin is an official: ${login.roles}`);
      officer = connect(login.accessToken);
    });

    test('the official creates an election, puts three candidates and a roll of three voters, schedules and opens it', async () => {
      const now = Date.now();
      const input = {
        title: `E2E election (${provider})`,
        description: 'Run by tests/e2e/election-flow.test.mjs',
        // Opening time already come, so openElection may open it at once; LIVE shows the tally while open.
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + votingWindowMs).toISOString(),
        resultsVisibility: 'LIVE',
      };
      ({ createElection: election } = await mutate(officer, ops.createElection, { input }));
      assert.equal(election.status, 'DRAFT');
      assert.equal(election.resultsVisibility, 'LIVE');
      assert.equal(Date.parse(election.closesAt), Date.parse(input.closesAt));

      // The official may watch a draft. Subscribed this early, long before the closing (the voting window lies
      // between), so the subscription is in place when the election closes; whether it also sees SCHEDULED and
      // OPEN depends on how fast the server registers it, so those are not required below.
      statusWatch = watch(officer, ops.electionStatusChanged, { id: election.id });

      candidates = [];
      for (const name of ['Ada North', 'Ben East', 'Cy West']) {
        const { addCandidate } = await mutate(officer, ops.addCandidate, { input: { electionId: election.id, name } });
        assert.equal(addCandidate.name, name);
        candidates.push(addCandidate);
      }

      const { setVoterRoll } = await mutate(officer, ops.setVoterRoll, {
        input: { electionId: election.id, citizenIds: voters.map((v) => v.citizenId) },
      });
      assert.equal(setVoterRoll.eligibility, 'VOTER_ROLL');
      assert.equal(setVoterRoll.size, 3);

      assert.equal((await mutate(officer, ops.scheduleElection, { id: election.id })).scheduleElection.status, 'SCHEDULED');
      assert.equal((await mutate(officer, ops.openElection, { id: election.id })).openElection.status, 'OPEN');

      // A voter now sees it, open, with the three candidates in ballot order.
      const { election: seen } = await query(voters[0], ops.election, { id: election.id });
      assert.equal(seen.status, 'OPEN');
      assert.deepEqual(seen.candidates.map((c) => c.id), candidates.map((c) => c.id));
    });

    let tallyWatch;
    test('an observer subscribed to tallyUpdated first sees the tally as it stands: nobody has voted', async () => {
      // The voter off the roll may still watch: the election's tally is LIVE.
      tallyWatch = watch(outsider, ops.tallyUpdated, { id: election.id });
      const [first] = await tallyWatch.until((results) => results.length >= 1, 'first tally');
      assert.equal(first.error, undefined, `${first.error}`);
      const tally = first.data.tallyUpdated;
      assert.equal(tally.electionId, election.id);
      assert.equal(tally.total, 0);
      assert.equal(tally.version, 0);
      assert.deepEqual(tally.candidates.map((c) => [c.candidateId, c.votes]), candidates.map((c) => [c.id, 0]));
    });

    test('three voters vote and get receipts; the observer sees the tally move to 3, its version never going back', async () => {
      for (const [i, voter] of voters.entries()) {
        const { castVote } = await mutate(voter, ops.castVote, { input: { electionId: election.id, candidateId: candidates[choices[i]].id } });
        assert.equal(castVote.electionId, election.id);
        assert.match(castVote.receipt, /\S/);
        receipts.push(castVote);
      }
      // Each ballot takes its own place in the election's sequence.
      assert.deepEqual(receipts.map((r) => r.sequence).sort((a, b) => a - b), [1, 2, 3]);

      // Snapshots are coalesced (a few a second at most), so intermediate ones may be skipped: wait for the last.
      const results = await tallyWatch.until(
        (all) => all.some((r) => r.error || r.data?.tallyUpdated.total === 3),
        'tally with total 3',
      );
      for (const result of results) assert.equal(result.error, undefined, `${result.error}`);
      const tallies = results.map((r) => r.data.tallyUpdated);
      const versions = tallies.map((t) => t.version);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions never go backwards: ${versions}`);
      assert.equal(new Set(versions).size, versions.length, `each snapshot is newer than the last: ${versions}`);
      for (const t of tallies) {
        assert.equal(t.total, t.candidates.reduce((sum, c) => sum + c.votes, 0), `the total is the sum of the votes: ${JSON.stringify(t)}`);
      }
      const last = tallies.at(-1);
      assert.equal(last.version, 3);
      assert.deepEqual(votesByName(last), { 'Ada North': 2, 'Ben East': 1, 'Cy West': 0 });

      const { myParticipation } = await query(voters[0], ops.myParticipation, { id: election.id });
      assert.equal(myParticipation.hasVoted, true);
    });

    test('a second vote is refused with ALREADY_VOTED and a voter off the roll with NOT_ELIGIBLE; the tally stays at 3', async () => {
      assert.deepEqual(
        await refusal(voters[0], ops.castVote, { input: { electionId: election.id, candidateId: candidates[2].id } }),
        ['ALREADY_VOTED'],
      );
      assert.deepEqual(
        await refusal(outsider, ops.castVote, { input: { electionId: election.id, candidateId: candidates[2].id } }),
        ['NOT_ELIGIBLE'],
      );
      const { myParticipation } = await query(outsider, ops.myParticipation, { id: election.id });
      assert.equal(myParticipation.hasVoted, false);

      const { tally } = await query(outsider, ops.tally, { id: election.id });
      assert.equal(tally.total, 3);
      assert.deepEqual(votesByName(tally), { 'Ada North': 2, 'Ben East': 1, 'Cy West': 0 });
    });

    test('closing and publishing reach the status subscriber; the results count the votes cast; every receipt verifies', async () => {
      // closeElection refuses before the closing time: wait it out (the server runs on this machine's clock).
      const wait = Date.parse(election.closesAt) - Date.now() + 1_000;
      if (wait > 0) await sleep(wait);

      assert.equal((await mutate(officer, ops.closeElection, { id: election.id })).closeElection.status, 'CLOSED');
      await statusWatch.until((all) => all.some((r) => r.error || r.data?.electionStatusChanged.status === 'CLOSED'), 'CLOSED');

      // Officials see the results from closing, before they are published.
      const { results: unpublished } = await query(officer, ops.results, { id: election.id });
      assert.equal(unpublished.published, false);
      assert.deepEqual(votesByName(unpublished.tally), { 'Ada North': 2, 'Ben East': 1, 'Cy West': 0 });

      assert.equal((await mutate(officer, ops.publishResults, { id: election.id })).publishResults.status, 'RESULTS_PUBLISHED');
      const changes = await statusWatch.until(
        (all) => all.some((r) => r.error || r.data?.electionStatusChanged.status === 'RESULTS_PUBLISHED'),
        'RESULTS_PUBLISHED',
      );
      for (const change of changes) assert.equal(change.error, undefined, `${change.error}`);
      const seen = changes.map((r) => r.data.electionStatusChanged);
      for (const change of seen) assert.equal(change.electionId, election.id);
      // What the subscriber saw is the tail of the election's lifecycle, in order, with consecutive sequences.
      const lifecycle = ['SCHEDULED', 'OPEN', 'CLOSED', 'RESULTS_PUBLISHED'];
      assert.deepEqual(seen.map((c) => c.status), lifecycle.slice(lifecycle.length - seen.length));
      assert.deepEqual(seen.map((c) => c.sequence - seen[0].sequence), seen.map((_, i) => i));

      // Published: every voter sees them, counting exactly the votes cast.
      for (const person of [voters[2], outsider]) {
        const { results } = await query(person, ops.results, { id: election.id });
        assert.equal(results.published, true);
        assert.deepEqual(votesByName(results.tally), { 'Ada North': 2, 'Ben East': 1, 'Cy West': 0 });
        assert.equal(results.tally.total, 3);
        assert.deepEqual(results.winners.map((w) => [w.candidateId, w.votes]), [[candidates[0].id, 2]]);
        assert.equal(results.isTie, false);
        assert.equal(results.participations, 3);
        assert.equal(results.electorate, 3);
        assert.equal(results.turnout, 1);
      }

      for (const receipt of receipts) {
        const { verifyReceipt } = await query(outsider, ops.verifyReceipt, { id: election.id, receipt: receipt.receipt });
        assert.equal(verifyReceipt.recorded, true);
        assert.equal(verifyReceipt.sequence, receipt.sequence);
      }
    });
  });
}
