namespace Voting.GraphQL.Types;

/// <summary>The object and interface types that declare they implement an interface.</summary>
public sealed record InterfaceImplementations(IReadOnlyList<ObjectType> Objects, IReadOnlyList<InterfaceType> Interfaces);
