using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// Whether a literal is a valid value of an input type (spec 5.6.1 "Values of Correct Type" and the
/// input coercion rules of 3.5, 3.9, 3.10 and 3.11), with graphql-js 17's messages
/// (validateInputLiteral). Schema validation checks default values with it; document validation and
/// execution can use it for argument literals. Suggestions ("Did you mean ...?") are left out.
/// </summary>
public static class InputLiteralValidator
{
    /// <param name="literal">The literal to check.</param>
    /// <param name="type">The input type it must be a value of.</param>
    /// <param name="variables">
    /// Coerced variable values; null checks the literal on its own ("static"), where variables are
    /// taken to be valid, as for default values and document validation.
    /// </param>
    public static IReadOnlyList<InputProblem> Validate(ValueNode literal, GraphQLType type, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        ArgumentNullException.ThrowIfNull(type);
        var problems = new List<InputProblem>();
        Validate(literal, type, variables, [], problems);
        return problems;
    }

    private static void Validate(ValueNode literal, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, List<object> path, List<InputProblem> problems)
    {
        if (literal is VariableNode variable)
        {
            if (variables is not null && type is NonNullType)
            {
                var name = variable.Name.Value;
                if (!variables.TryGetValue(name, out var value))
                {
                    Report(problems, $"Expected variable \"${name}\" provided to type \"{type}\" to provide a runtime value.", literal, path);
                }
                else if (value is null)
                {
                    Report(problems, $"Expected variable \"${name}\" provided to non-null type \"{type}\" not to be null.", literal, path);
                }
            }

            return;
        }

        if (type is NonNullType nonNull)
        {
            if (literal is NullValueNode)
            {
                Report(problems, $"Expected value of non-null type \"{type}\" not to be null.", literal, path);
                return;
            }

            Validate(literal, nonNull.OfType, variables, path, problems);
            return;
        }

        if (literal is NullValueNode)
        {
            return;
        }

        switch (type)
        {
            case ListType list:
                if (literal is ListValueNode items)
                {
                    for (var i = 0; i < items.Values.Count; i++)
                    {
                        path.Add(i);
                        Validate(items.Values[i], list.OfType, variables, path, problems);
                        path.RemoveAt(path.Count - 1);
                    }
                }
                else
                {
                    // Input coercion accepts a single item where a list is expected (spec 3.11).
                    Validate(literal, list.OfType, variables, path, problems);
                }

                break;
            case InputObjectType input:
                ValidateInputObject(literal, input, variables, path, problems);
                break;
            case ScalarType scalar:
                ValidateLeaf(literal, type, () => scalar.ParseLiteral(literal, variables), path, problems);
                break;
            case EnumType enumType:
                ValidateLeaf(literal, type, () => enumType.ParseLiteral(literal), path, problems);
                break;
        }
    }

    private static void ValidateInputObject(ValueNode literal, InputObjectType type, IReadOnlyDictionary<string, object?>? variables, List<object> path, List<InputProblem> problems)
    {
        if (literal is not ObjectValueNode obj)
        {
            Report(problems, InputMessages.NotAnObject(type, ValuePrinter.Print(literal)), literal, path);
            return;
        }

        var fieldNodes = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var fieldNode in obj.Fields)
        {
            fieldNodes.TryAdd(fieldNode.Name.Value, fieldNode);
        }

        foreach (var field in type.Fields.Values)
        {
            if (!fieldNodes.TryGetValue(field.Name, out var fieldNode))
            {
                if (field.IsRequired)
                {
                    Report(problems, InputMessages.MissingField(type, field, ValuePrinter.Print(literal)), literal, path);
                }

                continue;
            }

            if (fieldNode.Value is VariableNode variable && variables is not null)
            {
                var known = variables.TryGetValue(variable.Name.Value, out var value);
                if (type.IsOneOf)
                {
                    if (!known)
                    {
                        Report(problems, $"Expected variable \"${variable.Name.Value}\" provided to field \"{field.Name}\" for OneOf Input Object type \"{type}\" to provide a runtime value.", literal, path);
                    }
                    else if (value is null)
                    {
                        Report(problems, $"Expected variable \"${variable.Name.Value}\" provided to field \"{field.Name}\" for OneOf Input Object type \"{type}\" not to be null.", literal, path);
                    }
                }
                else if (!known && !field.IsRequired)
                {
                    continue;
                }
            }

            path.Add(field.Name);
            Validate(fieldNode.Value, field.Type, variables, path, problems);
            path.RemoveAt(path.Count - 1);
        }

        var knownFields = new List<ObjectFieldNode>();
        foreach (var fieldNode in obj.Fields)
        {
            if (type.GetField(fieldNode.Name.Value) is null)
            {
                Report(problems, InputMessages.UnknownField(type, fieldNode.Name.Value, ValuePrinter.Print(literal)), fieldNode, path);
            }
            else
            {
                knownFields.Add(fieldNode);
            }
        }

        if (type.IsOneOf)
        {
            var message = InputMessages.OneOf(type);
            if (knownFields.Count != 1)
            {
                Report(problems, message, literal, path);
            }
            else if (knownFields[0].Value is NullValueNode)
            {
                Report(problems, message, literal, [.. path, knownFields[0].Name.Value]);
            }
        }
    }

    private static void ValidateLeaf(ValueNode literal, GraphQLType type, Func<object?> coerce, List<object> path, List<InputProblem> problems)
    {
        try
        {
            coerce();
        }
        catch (ValueCoercionException exception)
        {
            Report(problems, exception.Message, exception.Node ?? literal, path);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            // A custom scalar failing in its own way: graphql-js wraps what it threw.
            Report(problems, $"Expected value of type \"{type}\", but encountered error \"{exception.Message}\"; found: {ValuePrinter.Print(literal)}.", literal, path);
        }
    }

    private static void Report(List<InputProblem> problems, string message, Node node, IReadOnlyList<object> path) =>
        problems.Add(new InputProblem(message, [.. path], node));
}
