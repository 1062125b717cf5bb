using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Data;

public sealed class DataSchemaTests
{
    public static TheoryData<string> GeneratedTypes => new()
    {
        """"
        type Query {
          books(
            """Only the items that meet these conditions."""
            where: BookFilterInput
          ): [Book!]!
          sortedBooks(
            """The order of the items: the first key, then the next to break ties."""
            order: [BookSortInput!]
          ): [Book!]!
          filteredSortedBooks(
            """Only the items that meet these conditions."""
            where: BookFilterInput

            """The order of the items: the first key, then the next to break ties."""
            order: [BookSortInput!]
          ): [Book!]!
          shelf(
            genreName: String = null

            """Returns the first _n_ elements from the list."""
            first: Int

            """Returns the elements in the list that come after the specified cursor."""
            after: String

            """Returns the last _n_ elements from the list."""
            last: Int

            """
            Returns the elements in the list that come before the specified cursor.
            """
            before: String

            """Only the items that meet these conditions."""
            where: BookFilterInput

            """The order of the items: the first key, then the next to break ties."""
            order: [BookSortInput!]
          ): ShelfConnection! @listSize(assumedSize: 5, slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)
          nothing(
            """Returns the first _n_ elements from the list."""
            first: Int

            """Returns the elements in the list that come after the specified cursor."""
            after: String

            """Returns the last _n_ elements from the list."""
            last: Int

            """
            Returns the elements in the list that come before the specified cursor.
            """
            before: String
          ): NothingConnection @listSize(assumedSize: 50, slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)
          everything(
            """Returns the first _n_ elements from the list."""
            first: Int

            """Returns the elements in the list that come after the specified cursor."""
            after: String

            """Returns the last _n_ elements from the list."""
            last: Int

            """
            Returns the elements in the list that come before the specified cursor.
            """
            before: String
          ): EverythingConnection! @listSize(assumedSize: 50, slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)
        }
        """",
        """"
        """Conditions on Book; all given must hold."""
        input BookFilterInput {
          """All of these hold."""
          and: [BookFilterInput!]

          """At least one of these holds."""
          or: [BookFilterInput!]
          id: IntOperationFilterInput
          title: StringOperationFilterInput
          subtitle: StringOperationFilterInput
          pages: IntOperationFilterInput
          price: DecimalOperationFilterInput
          published: DateTimeOperationFilterInput
          inPrint: BooleanOperationFilterInput
          genre: GenreOperationFilterInput
          edition: IntOperationFilterInput
          writer: StringOperationFilterInput
        }
        """",
        """"
        """
        Conditions on String values; all given must hold. `n…` negates; `…IgnoreCase` compares without case; `eq: null` tests for null.
        """
        input StringOperationFilterInput {
          eq: String
          neq: String
          in: [String!]
          nin: [String!]
          contains: String
          ncontains: String
          startsWith: String
          nstartsWith: String
          endsWith: String
          nendsWith: String
          eqIgnoreCase: String
          neqIgnoreCase: String
          containsIgnoreCase: String
          ncontainsIgnoreCase: String
          startsWithIgnoreCase: String
          nstartsWithIgnoreCase: String
          endsWithIgnoreCase: String
          nendsWithIgnoreCase: String
        }
        """",
        """"
        """
        Conditions on Int values; all given must hold. `n…` negates; `eq: null` tests for null.
        """
        input IntOperationFilterInput {
          eq: Int
          neq: Int
          in: [Int!]
          nin: [Int!]
          gt: Int
          ngt: Int
          gte: Int
          ngte: Int
          lt: Int
          nlt: Int
          lte: Int
          nlte: Int
        }
        """",
        """"
        """
        Conditions on Genre values; all given must hold. `n…` negates; `eq: null` tests for null.
        """
        input GenreOperationFilterInput {
          eq: Genre
          neq: Genre
          in: [Genre!]
          nin: [Genre!]
        }
        """",
        """"
        """
        Conditions on Boolean values; all given must hold. `n…` negates; `eq: null` tests for null.
        """
        input BooleanOperationFilterInput {
          eq: Boolean
          neq: Boolean
        }
        """",
        """"
        """One key to order Book by; list several to break ties."""
        input BookSortInput @oneOf {
          id: SortEnumType
          title: SortEnumType
          subtitle: SortEnumType
          pages: SortEnumType
          price: SortEnumType
          published: SortEnumType
          inPrint: SortEnumType
          genre: SortEnumType
          edition: SortEnumType
          writer: SortEnumType
        }
        """",
        """"
        enum SortEnumType {
          ASC
          DESC
        }
        """",
        """"
        """A connection to a list of items."""
        type ShelfConnection {
          """A list of edges."""
          edges: [ShelfEdge!]

          """A flattened list of the nodes."""
          nodes: [Book!]

          """Information to aid in pagination."""
          pageInfo: PageInfo!

          """Identifies the total count of items in the connection."""
          totalCount: Int!
        }
        """",
        """"
        """An edge in a connection."""
        type ShelfEdge {
          """A cursor for use in pagination."""
          cursor: String!

          """The item at the end of the edge."""
          node: Book!
        }
        """",
        """"
        """Information about pagination in a connection."""
        type PageInfo {
          """
          Indicates whether more edges exist following the set defined by the clients arguments.
          """
          hasNextPage: Boolean!

          """
          Indicates whether more edges exist prior the set defined by the clients arguments.
          """
          hasPreviousPage: Boolean!

          """When paginating backwards, the cursor to continue."""
          startCursor: String

          """When paginating forwards, the cursor to continue."""
          endCursor: String
        }
        """",
    };

    [Theory]
    [MemberData(nameof(GeneratedTypes))]
    public void The_generated_types_print_as_HotChocolate_names_and_shapes_them(string expected) =>
        Assert.Contains(expected.ReplaceLineEndings("\n"), SchemaPrinter.Print(DataHarness.Schema), StringComparison.Ordinal);

    [Fact]
    public void Objects_lists_and_ignored_properties_stay_out_of_the_inputs()
    {
        var filter = (InputObjectType)DataHarness.Schema.GetType("BookFilterInput")!;
        var sort = (InputObjectType)DataHarness.Schema.GetType("BookSortInput")!;

        Assert.DoesNotContain(filter.Fields.Keys, name => name is "shelf" or "tags" or "secret" or "author");
        Assert.DoesNotContain(sort.Fields.Keys, name => name is "shelf" or "tags" or "secret" or "author");
    }

    [Fact]
    public void The_printed_schema_builds_again_from_sdl()
    {
        var printed = SchemaPrinter.Print(DataHarness.Schema);

        Assert.Equal(printed, SchemaPrinter.Print(SchemaBuilder.FromSdl(printed).Create()));
    }
}
