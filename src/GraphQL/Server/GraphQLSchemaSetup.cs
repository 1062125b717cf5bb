using Voting.GraphQL.Types;

namespace Voting.GraphQL.Server;

/// <summary>The steps the builder collected; run once, on a fresh code-first <see cref="SchemaBuilder"/>, to make the server's schema.</summary>
internal sealed class GraphQLSchemaSetup
{
    private readonly List<Action<SchemaBuilder>> _steps = [];

    public void Add(Action<SchemaBuilder> step) => _steps.Add(step);

    /// <exception cref="SchemaValidationException">The types break a rule of spec section 3.</exception>
    public Schema Create()
    {
        var builder = SchemaBuilder.New();
        foreach (var step in _steps)
        {
            step(builder);
        }

        return builder.Create();
    }
}
