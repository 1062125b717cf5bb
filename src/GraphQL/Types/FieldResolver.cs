namespace Voting.GraphQL.Types;

/// <summary>Produces the value of a field for one parent value (spec 6.4.2 ResolveFieldValue).</summary>
public delegate ValueTask<object?> FieldResolver(IResolverContext context);
