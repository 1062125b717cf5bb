using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation;

/// <summary>
/// A variable used somewhere in an operation or fragment, with what is known about its position:
/// the input type expected there, whether that position has a default value (an argument or input
/// field default), and the input object type that holds the position, if any.
/// </summary>
public sealed record VariableUsage(VariableNode Node, GraphQLType? Type, ValueNode? DefaultValue, GraphQLType? ParentType);
