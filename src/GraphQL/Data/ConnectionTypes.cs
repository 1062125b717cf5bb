using Voting.GraphQL.Types;

namespace Voting.GraphQL.Data;

/// <summary>The GraphQL types of connections: <c>{Name}Connection</c>, <c>{Name}Edge</c> and the shared <c>PageInfo</c>, as HotChocolate prints them.</summary>
internal static class ConnectionTypes
{
    public static ObjectType Connection<T>(FieldConfiguration field, string name)
    {
        var schema = field.Schema;
        var node = schema.OutputType(typeof(T));
        var edge = Edge<T>(schema, name, node);
        var pageInfo = PageInfo(schema);
        var connectionName = name + "Connection";
        var connection = schema.GetOrAddType(connectionName, () => new ObjectType(connectionName, () =>
        [
            new FieldDefinition("edges", new ListType(new NonNullType(edge))) { Description = "A list of edges.", PureResolver = c => ((Connection<T>)c!).Edges },
            new FieldDefinition("nodes", new ListType(node)) { Description = "A flattened list of the nodes.", PureResolver = c => ((Connection<T>)c!).Nodes },
            new FieldDefinition("pageInfo", new NonNullType(pageInfo)) { Description = "Information to aid in pagination.", PureResolver = c => ((Connection<T>)c!).PageInfo },
            new FieldDefinition("totalCount", new NonNullType(Scalars.Int))
            {
                Description = "Identifies the total count of items in the connection.",
                Resolver = async context => await ((Connection<T>)context.Parent!).GetTotalCountAsync(context.CancellationToken).ConfigureAwait(false),
            },
        ])
        {
            Description = "A connection to a list of items.",
            RuntimeType = typeof(Connection<T>),
            IsTypeOf = v => v is Connection<T>,
        });
        return connection.RuntimeType == typeof(Connection<T>)
            ? connection
            : throw new SchemaValidationException($"[UsePaging] on {field.DeclaringType.Name}.{field.Member.Name}: the type {connectionName} already exists for other items; name this connection with ConnectionName.");
    }

    private static ObjectType Edge<T>(SchemaBuildContext schema, string name, GraphQLType node)
    {
        var edgeName = name + "Edge";
        return schema.GetOrAddType(edgeName, () => new ObjectType(edgeName, () =>
        [
            new FieldDefinition("cursor", new NonNullType(Scalars.String)) { Description = "A cursor for use in pagination.", PureResolver = e => ((Edge<T>)e!).Cursor },
            new FieldDefinition("node", node) { Description = "The item at the end of the edge.", PureResolver = e => ((Edge<T>)e!).Node },
        ])
        {
            Description = "An edge in a connection.",
            RuntimeType = typeof(Edge<T>),
            IsTypeOf = v => v is Edge<T>,
        });
    }

    private static ObjectType PageInfo(SchemaBuildContext schema) => schema.GetOrAddType(nameof(Data.PageInfo), () => new ObjectType(nameof(Data.PageInfo), () =>
    [
        new FieldDefinition("hasNextPage", new NonNullType(Scalars.Boolean)) { Description = "Indicates whether more edges exist following the set defined by the clients arguments.", PureResolver = p => ((PageInfo)p!).HasNextPage },
        new FieldDefinition("hasPreviousPage", new NonNullType(Scalars.Boolean)) { Description = "Indicates whether more edges exist prior the set defined by the clients arguments.", PureResolver = p => ((PageInfo)p!).HasPreviousPage },
        new FieldDefinition("startCursor", Scalars.String) { Description = "When paginating backwards, the cursor to continue.", PureResolver = p => ((PageInfo)p!).StartCursor },
        new FieldDefinition("endCursor", Scalars.String) { Description = "When paginating forwards, the cursor to continue.", PureResolver = p => ((PageInfo)p!).EndCursor },
    ])
    {
        Description = "Information about pagination in a connection.",
        RuntimeType = typeof(PageInfo),
        IsTypeOf = v => v is PageInfo,
    });
}
