namespace Voting.GraphQL.Tests.Validation.Differential;

/// <summary>
/// The one schema the differential corpus runs against, in SDL so that graphql-js's buildSchema and our
/// SchemaBuilder.FromSdl read the same text: interfaces implementing interfaces, unions, enums, input
/// objects (one of them @oneOf, one recursive), lists and non-null at several depths, arguments with
/// defaults, and custom directives on executable locations (one repeatable).
/// </summary>
internal static class DifferentialSchema
{
    public const string Sdl = """
        schema {
          query: Query
          mutation: Mutation
          subscription: Subscription
        }

        directive @cached(ttl: Int = 60, scope: CacheScope) on FIELD | QUERY
        directive @trace(label: String!) repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT | QUERY | MUTATION | SUBSCRIPTION
        directive @mask(kind: MaskKind = FULL, keep: [Int!]) on FIELD
        directive @fragmentTag(name: String) on FRAGMENT_DEFINITION
        directive @sensitive on VARIABLE_DEFINITION
        directive @auth(requires: Role!) on OBJECT | FIELD_DEFINITION

        enum CacheScope { PUBLIC PRIVATE }
        enum MaskKind { FULL PARTIAL }
        enum Role { VOTER ADMIN AUDITOR }
        enum ElectionStatus { DRAFT OPEN CLOSED ARCHIVED }
        enum SortOrder { ASC DESC }

        scalar Instant

        interface Node {
          id: ID!
        }

        interface Timestamped {
          createdAt: Instant
          updatedAt: Instant
        }

        interface Entity implements Node & Timestamped {
          id: ID!
          createdAt: Instant
          updatedAt: Instant
          name(locale: String = "en"): String
        }

        interface Person implements Node {
          id: ID!
          displayName: String
          email(masked: Boolean = true): String
        }

        type Voter implements Person & Node @auth(requires: VOTER) {
          id: ID!
          displayName: String
          email(masked: Boolean = true): String
          ballots(first: Int = 10, after: String): [Ballot!]!
          registeredAt: Instant
          role: Role!
          age: Int
          friends: [Voter]
        }

        type Candidate implements Entity & Node & Timestamped & Person {
          id: ID!
          createdAt: Instant
          updatedAt: Instant
          name(locale: String = "en"): String
          displayName: String
          email(masked: Boolean = true): String
          party: Party
          votes: Int!
          manifesto: String
          tags: [String!]
          rank: Float @deprecated(reason: "Use votes.")
        }

        type Party implements Entity & Node & Timestamped {
          id: ID!
          createdAt: Instant
          updatedAt: Instant
          name(locale: String = "en"): String
          members(first: Int!, order: SortOrder = ASC): [Candidate!]!
          color: String
          founded: Int
        }

        type Election implements Entity & Node & Timestamped {
          id: ID!
          createdAt: Instant
          updatedAt: Instant
          name(locale: String = "en"): String
          status: ElectionStatus!
          candidates(filter: CandidateFilter, first: Int = 20): [Candidate!]!
          results(round: Int!): [Result]
          winner: Candidate
          opensAt: Instant
          turnout: Float
        }

        type Ballot implements Node {
          id: ID!
          election: Election!
          choices: [Candidate!]!
          castAt: Instant
          voter: Voter
          weight: Float
        }

        type Result {
          candidate: Candidate!
          votes: Int!
          share: Float
        }

        union SearchResult = Voter | Candidate | Party | Election
        union Participant = Voter | Candidate

        input CandidateFilter {
          nameContains: String
          status: [ElectionStatus!]
          minVotes: Int = 0
          partyId: ID
          and: [CandidateFilter!]
        }

        input BallotInput {
          electionId: ID!
          choices: [ID!]!
          weight: Float = 1.0
          note: String
        }

        input ElectionLookup @oneOf {
          id: ID
          slug: String
        }

        input DateRange {
          from: Instant!
          to: Instant
        }

        input SearchInput {
          text: String!
          kinds: [String!]
          range: DateRange
          limit: Int = 10
        }

        type Query {
          node(id: ID!): Node
          nodes(ids: [ID!]!): [Node]!
          election(by: ElectionLookup!): Election
          elections(status: ElectionStatus, first: Int = 10, order: SortOrder = DESC): [Election!]!
          search(input: SearchInput!): [SearchResult!]!
          participants(electionId: ID!): [Participant]
          me: Voter
          candidate(id: ID!): Candidate
          stats(from: Instant, flags: [Boolean], matrix: [[Int!]]): String
          literal(int: Int, float: Float, string: String, boolean: Boolean, id: ID, status: ElectionStatus, ints: [Int], filter: CandidateFilter): String
          required(count: Int!, label: String! = "total", range: DateRange!): Int
        }

        type Mutation {
          castBallot(input: BallotInput!): Ballot
          openElection(by: ElectionLookup!, at: Instant): Election
          retract(ballotId: ID!): Boolean!
        }

        type Subscription {
          ballotCast(electionId: ID!): Ballot!
          resultsChanged(by: ElectionLookup!): [Result!]!
          tick: Int
        }
        """;
}
