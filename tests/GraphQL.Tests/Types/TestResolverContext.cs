using System.Security.Claims;
using Voting.GraphQL.Fetching;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Types;

/// <summary>A resolver context for invoking resolvers without an executor.</summary>
internal sealed class TestResolverContext(Schema schema, FieldDefinition fieldDefinition, object? parent, IReadOnlyDictionary<string, object?>? arguments = null, IServiceProvider? services = null)
    : IResolverContext
{
    public object? Parent => parent;

    public Schema Schema => schema;

    public FieldDefinition FieldDefinition => fieldDefinition;

    public ObjectType ParentType => (ObjectType)fieldDefinition.DeclaringType!;

    public CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    public IServiceProvider? RequestServices => services;

    public ClaimsPrincipal? User => null;

    public DataLoaderScope DataLoaders { get; } = new(new BatchScheduler(), services);

    public bool TryGetArgument(string name, out object? value)
    {
        value = null;
        return arguments is not null && arguments.TryGetValue(name, out value);
    }
}
