namespace Voting.GraphQL.Types;

/// <summary>Returns the name of the object type that a value resolved for an interface or union belongs to.</summary>
public delegate string? ResolveAbstractType(object value, IResolverContext context);
