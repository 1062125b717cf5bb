namespace Voting.WebApi.GraphQL;

/// <summary>
/// The query root, one partial file per area (Accounts/, Elections/). Resolvers stay thin:
/// arguments in, a use case called, read models out.
/// </summary>
public sealed partial class Query;
