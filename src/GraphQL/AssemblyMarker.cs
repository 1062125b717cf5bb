namespace Voting.GraphQL;
