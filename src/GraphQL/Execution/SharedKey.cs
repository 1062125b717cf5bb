using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>
/// What makes two subscriptions' results for one event the same (<see cref="SharedEventResults"/>): the schema, the
/// operation (of one cached document) and the variables' values as one canonical string.
/// </summary>
internal sealed record SharedKey(Schema Schema, OperationDefinitionNode Operation, string Variables)
{
    // By reference for the schema and the operation: a record's equality would compare syntax trees member by member.
    public bool Matches(SharedKey other) =>
        ReferenceEquals(this, other)
        || (ReferenceEquals(Operation, other.Operation) && ReferenceEquals(Schema, other.Schema) && string.Equals(Variables, other.Variables, StringComparison.Ordinal));
}
