using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Execution;

/// <summary>Spec 6.1.2 CoerceVariableValues, with graphql-js 17's messages.</summary>
internal static class VariableCoercion
{
    private static readonly IReadOnlyDictionary<string, object?> NoInputs = new Dictionary<string, object?>();

    /// <summary>The coerced values of the operation's variables; a variable neither given nor defaulted is absent.</summary>
    public static IReadOnlyDictionary<string, object?> Coerce(Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? inputs, List<GraphQLError> errors)
    {
        inputs ??= NoInputs;
        var definitions = operation.VariableDefinitions;
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Variable.Name.Value;
            if (TypeInfo.TypeFromAst(schema, definition.Type) is not { } type || !TypePredicates.IsInputType(type))
            {
                errors.Add(Error($"Variable \"${name}\" expected value of type \"{Language.Printer.Print(definition.Type)}\" which cannot be used as an input type.", definition));
                continue;
            }

            if (!inputs.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is { } defaultLiteral)
                {
                    if (InputCoercion.TryCoerceLiteral(defaultLiteral, type, null, out var defaultValue))
                    {
                        coerced[name] = defaultValue;
                    }
                    else
                    {
                        foreach (var problem in InputLiteralValidator.Validate(defaultLiteral, type))
                        {
                            errors.Add(Error($"Variable \"${name}\" has invalid default value{problem.PrintPath()}: {problem.Message}", definition));
                        }
                    }

                    continue;
                }

                if (type is not NonNullType)
                {
                    continue;
                }

                value = InputValueValidator.Missing;
            }

            if (!ReferenceEquals(value, InputValueValidator.Missing) && InputCoercion.TryCoerceValue(value, type, out var coercedValue))
            {
                coerced[name] = coercedValue;
                continue;
            }

            foreach (var problem in InputValueValidator.Validate(value, type))
            {
                errors.Add(Error($"Variable \"${name}\" has invalid value{problem.PrintPath()}: {problem.Message}", definition));
            }
        }

        return coerced;
    }

    private static GraphQLError Error(string message, VariableDefinitionNode node) => new(
        message,
        node.Location is { } location ? [location.StartLocation] : null,
        extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.BadUserInput });
}
