namespace Voting.GraphQL.Language.Ast;

public enum OperationType
{
    Query = 0,
    Mutation = 1,
    Subscription = 2,
}
