using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Server;

/// <summary>A request after the pipeline's checks: the outcome to answer with when it failed them, else its validated document.</summary>
internal readonly record struct PreparedRequest(RequestOutcome? Failure, DocumentNode? Document);
