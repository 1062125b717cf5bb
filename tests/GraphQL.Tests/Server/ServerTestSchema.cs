using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Tests.Server;

/// <summary>The query root the server tests run against.</summary>
public sealed class ServerTestQuery
{
    public string Hello(string name = "world") => $"Hello, {name}!";

    public int Answer => 42;

    /// <summary>A nullable field that fails: the response keeps <c>data</c> with null here and an error.</summary>
    public string? Refused() => throw new GraphQLException("Not for you.", "FORBIDDEN");

    public int Echo(int value) => value;

    /// <summary>Fails with an exception the application knows (see the exception translation test).</summary>
    public string? Missing() => throw new KeyNotFoundException("No such thing.");

    /// <summary>Fails with an exception nobody translates.</summary>
    public string? Crash() => throw new InvalidOperationException("Internal detail.");
}

/// <summary>The mutation root the server tests run against.</summary>
public sealed class ServerTestMutation
{
    public int Increment(int by = 1) => by + 1;
}

/// <summary>A type added to the schema through a second <c>AddGraphQLServer()</c> call.</summary>
public sealed class ServerTestExtraQuery
{
    public string Extra => "extra";
}
