using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>Spec 6.4.1 CoerceArgumentValues, with graphql-js 17's messages.</summary>
internal static class ArgumentCoercion
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    /// <exception cref="GraphQLException">An argument is missing or invalid; the field fails with it.</exception>
    public static IReadOnlyDictionary<string, object?> CoerceArgumentValues(FieldDefinition field, FieldNode node, IReadOnlyDictionary<string, object?> variables) =>
        Coerce(field.Arguments, node.Arguments, variables, argument => $"Argument \"{field}({argument.Name}:)\"");

    public static IReadOnlyDictionary<string, object?> CoerceDirectiveArguments(DirectiveDefinition directive, DirectiveNode node, IReadOnlyDictionary<string, object?> variables) =>
        Coerce(directive.Arguments, node.Arguments, variables, argument => $"Argument \"@{directive.Name}({argument.Name}:)\"");

    private static IReadOnlyDictionary<string, object?> Coerce(
        IReadOnlyList<ArgumentDefinition> definitions,
        IReadOnlyList<ArgumentNode> nodes,
        IReadOnlyDictionary<string, object?> variables,
        Func<ArgumentDefinition, string> describe)
    {
        if (definitions.Count == 0)
        {
            return None;
        }

        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var node = Find(nodes, definition.Name);
            var type = definition.Type;
            var required = type is NonNullType && !definition.HasDefaultValue;
            if (node is null || (node.Value is VariableNode variable && !variables.ContainsKey(variable.Name.Value) && !required))
            {
                if (node is null && required)
                {
                    throw new GraphQLException($"{describe(definition)} of required type \"{type}\" was not provided.", ErrorCodes.BadUserInput);
                }

                if (InputCoercion.TryCoerceDefaultValue(definition, out var defaultValue))
                {
                    coerced[definition.Name] = defaultValue;
                }

                continue;
            }

            if (!InputCoercion.TryCoerceLiteral(node.Value, type, variables, out var value))
            {
                var problem = InputLiteralValidator.Validate(node.Value, type, variables).FirstOrDefault();
                var detail = problem is null ? "Invalid value." : problem.PrintPath() + ": " + problem.Message;
                throw new GraphQLException($"{describe(definition)} has invalid value{(problem is null ? ": " + detail : detail)}", ErrorCodes.BadUserInput);
            }

            coerced[definition.Name] = value;
        }

        return coerced;
    }

    private static ArgumentNode? Find(IReadOnlyList<ArgumentNode> nodes, string name)
    {
        foreach (var node in nodes)
        {
            if (node.Name.Value == name)
            {
                return node;
            }
        }

        return null;
    }
}
