namespace Voting.GraphQL.Tests.Execution.Differential;

/// <summary>
/// The schema of the execution differential, in SDL so that graphql-js's buildSchema and our
/// SchemaBuilder.FromSdl read the same text (tests/oracle/execute-corpus.mjs receives it from the test).
/// Every field has a deterministic resolver on both sides (<see cref="ExecutionResolvers"/> and
/// tests/oracle/execute-resolvers.mjs): objects, interfaces (Entity implements Node), unions, enums, the
/// five specified scalars, lists of lists, non-null at every level, arguments and input fields with
/// defaults, a mutation type with a visible counter, and fields that throw, return null for non-null,
/// return values their type cannot represent or resolve an abstract type wrongly.
/// </summary>
internal static class ExecutionSchema
{
    public const string Sdl = """
        schema {
          query: Query
          mutation: Mutation
        }

        enum Color { RED GREEN BLUE }

        interface Node {
          id: ID!
        }

        interface Entity implements Node {
          id: ID!
          name: String!
          rank: Int
          related(first: Int = 2): [Entity!]
        }

        type Person implements Entity & Node {
          id: ID!
          name: String!
          rank: Int
          related(first: Int = 2): [Entity!]
          age: Int!
          height: Float
          alive: Boolean!
          color: Color!
          favorite: Color
          nickname: String
          tags: [String!]!
          scores: [Int]
          matrix(size: Int = 2): [[Int!]]!
          grid: [[Float]!]
          pet: Pet
          friends(first: Int = 2, color: Color): [Person!]!
          deep: [[Person!]]
          greeting(prefix: String = "Hello", loud: Boolean = false, times: Int! = 1): String!
          echo(filter: Filter, colors: [Color!], ids: [ID] = ["a"]): String
          asyncFriend: Person
          failing: String
          failingAsync: Int
          mustWork: String!
          nullNonNull: Int!
          badInt: Int
          badFloat: Float
          badString: String
          badBoolean: Boolean
          badId: ID
          badEnum: Color
          badList: [Int]
          wrongType: Entity
          flaky: [Int]
          flakyStrict: [Int!]
        }

        type Robot implements Entity & Node {
          id: ID!
          name: String!
          rank: Int
          related(first: Int = 2): [Entity!]
          model: String!
          version: Float!
          parts(count: Int = 2): [Part!]!
          owner: Person
          failing: String
          asyncPower: Int!
        }

        type Part {
          id: ID!
          weight: Float!
          label(upper: Boolean = false): String!
          subparts: [Part!]
          broken: Int!
        }

        type Place implements Node {
          id: ID!
          title: String!
          visitors(first: Int = 1): [Person]
          coords: [Float!]!
        }

        type Pet {
          name: String!
          kind: Color
          owner: Person!
        }

        type Counter {
          value: Int!
          history: [Int!]!
          person: Person
        }

        union SearchResult = Person | Robot | Place

        union Thing = Robot | Part

        input Range {
          from: Int = 0
          to: Int = 3
          inclusive: Boolean = true
        }

        input Filter {
          colors: [Color!] = [RED]
          range: Range = { to: 5 }
          name: String
          nested: [Range!]
          minRank: Float = 0.5
        }

        input PersonInput {
          name: String!
          color: Color = BLUE
          tags: [String!] = []
          range: Range
        }

        type Query {
          hello(name: String = "world"): String!
          person(seed: Int! = 1): Person
          asyncPerson(seed: Int!): Person
          robot(seed: Int!): Robot!
          node(seed: Int!): Node
          entity(seed: Int!): Entity
          search(seed: Int = 7, count: Int = 3, filter: Filter): [SearchResult]!
          things(seed: Int!): [Thing!]
          numbers(count: Int = 3, from: Int = 0): [Int!]!
          echo(filter: Filter, colors: [Color!], ids: [ID], flag: Boolean, ratio: Float, label: String = "none", color: Color = GREEN): String!
          failingRoot: String
          strictRoot(seed: Int! = 0): Person!
          counter: Int!
        }

        type Mutation {
          increment(by: Int = 1): Counter!
          incrementAsync(by: Int = 1, delay: Int = 2): Counter!
          incrementThenFail(by: Int = 1): Counter
          incrementStrict(by: Int = 1): Counter!
          addPerson(input: PersonInput!): Person
        }
        """;
}
