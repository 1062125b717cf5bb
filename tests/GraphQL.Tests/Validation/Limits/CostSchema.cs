using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Validation.Limits;

/// <summary>
/// A schema with the cost directives applied in SDL: the cost specification's example (<c>User.age</c>
/// weighs 2, <c>Query.users</c> is sliced by <c>max</c>), HotChocolate's documented connection
/// (<c>books</c>, weighing 10 as its async resolvers do, sized by <c>first</c> or <c>last</c> through
/// <c>edges</c> and <c>nodes</c>), and lists, arguments, input fields and types of every kind the
/// analysis tells apart.
/// </summary>
internal static class CostSchema
{
    /// <summary>41 nested unsized lists: with a default list size of 2^31 - 1, about 2^1271 users, more than a double holds.</summary>
    public static string FortyOneNestedLists { get; } =
        "{ everyone " + string.Concat(Enumerable.Repeat("{ everyone ", 40)) + "{ id }" + string.Concat(Enumerable.Repeat(" }", 41));

    public static Schema Instance { get; } = SchemaBuilder.FromSdl(CostDirectives.Sdl + """
        type Query {
          users(max: Int): [User] @listSize(slicingArguments: ["max"])
          books(first: Int, last: Int): BookConnection @cost(weight: "10") @listSize(slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"])
          tags: [String]
          everyone: [User]
          limited: [User] @listSize(assumedSize: 3)
          paged(first: Int = 7): [User] @listSize(slicingArguments: ["first"], assumedSize: 100)
          filtered(filter: Filter): [User] @listSize(slicingArguments: ["filter.max"])
          search(term: String @cost(weight: "4"), filters: [Filter]): [User] @listSize(assumedSize: 1)
          node: Node
          pet: Pet
          expensive: Expensive
          grade: Grade
          cheap: Expensive @cost(weight: "0.5")
        }

        input Filter {
          max: Int
          deep: Boolean @cost(weight: "3")
        }

        interface Node {
          id: ID!
        }

        type User implements Node {
          id: ID!
          name: String
          age: Int @cost(weight: "2.0")
          friends: [User] @listSize(assumedSize: 2)
          everyone: [User]
        }

        type BookConnection {
          edges: [BookEdge]
          nodes: [Book]
          totalCount: Int
        }

        type BookEdge {
          node: Book
          cursor: String
        }

        type Book implements Node {
          id: ID!
          title: String
          author: User
        }

        union Pet = Cat | Dog

        type Cat {
          name: String
          toys: [Toy] @listSize(assumedSize: 5)
        }

        type Dog {
          name: String
        }

        type Toy {
          name: String
          owner: User
        }

        type Expensive @cost(weight: "7") {
          value: Int
        }

        enum Grade @cost(weight: "2") {
          A
          B
        }
        """).Create();
}
