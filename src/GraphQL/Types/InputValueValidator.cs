using System.Collections;

namespace Voting.GraphQL.Types;

/// <summary>
/// Whether a runtime value (a variable's value from the request) is a valid value of an input type,
/// with graphql-js 17's messages (validateInputValue); the executor reports them per variable.
/// </summary>
public static class InputValueValidator
{
    /// <param name="value">The value, or <see cref="Missing"/> when none was given at all.</param>
    /// <param name="type">The input type.</param>
    public static IReadOnlyList<InputProblem> Validate(object? value, GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var problems = new List<InputProblem>();
        Validate(value, type, [], problems);
        return problems;
    }

    /// <summary>Stands for "no value provided", which differs from null for non-null types.</summary>
    public static object Missing { get; } = new();

    private static void Validate(object? value, GraphQLType type, List<object> path, List<InputProblem> problems)
    {
        if (type is NonNullType nonNull)
        {
            if (ReferenceEquals(value, Missing))
            {
                Report(problems, $"Expected a value of non-null type \"{type}\" to be provided.", path);
            }
            else if (value is null)
            {
                Report(problems, $"Expected value of non-null type \"{type}\" not to be null.", path);
            }
            else
            {
                Validate(value, nonNull.OfType, path, problems);
            }

            return;
        }

        if (value is null || ReferenceEquals(value, Missing))
        {
            return;
        }

        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items and not string and not IReadOnlyDictionary<string, object?>)
                {
                    var index = 0;
                    foreach (var item in items)
                    {
                        path.Add(index++);
                        Validate(item, list.OfType, path, problems);
                        path.RemoveAt(path.Count - 1);
                    }
                }
                else
                {
                    Validate(value, list.OfType, path, problems);
                }

                break;
            case InputObjectType input:
                ValidateInputObject(value, input, path, problems);
                break;
            case ScalarType scalar:
                ValidateLeaf(() => scalar.ParseValue(value), path, problems);
                break;
            case EnumType enumType:
                ValidateLeaf(() => enumType.ParseValue(value), path, problems);
                break;
        }
    }

    private static void ValidateInputObject(object value, InputObjectType type, List<object> path, List<InputProblem> problems)
    {
        if (value is not IReadOnlyDictionary<string, object?> fields)
        {
            Report(problems, InputMessages.NotAnObject(type, Inspector.Inspect(value)), path);
            return;
        }

        foreach (var field in type.Fields.Values)
        {
            if (!fields.TryGetValue(field.Name, out var fieldValue))
            {
                if (field.IsRequired)
                {
                    Report(problems, InputMessages.MissingField(type, field, Inspector.Inspect(value)), path);
                }
            }
            else
            {
                path.Add(field.Name);
                Validate(fieldValue, field.Type, path, problems);
                path.RemoveAt(path.Count - 1);
            }
        }

        var known = new List<string>();
        foreach (var name in fields.Keys)
        {
            if (type.GetField(name) is null)
            {
                Report(problems, InputMessages.UnknownField(type, name, Inspector.Inspect(value)), path);
            }
            else
            {
                known.Add(name);
            }
        }

        if (type.IsOneOf)
        {
            var message = InputMessages.OneOf(type);
            if (known.Count != 1)
            {
                Report(problems, message, path);
            }
            else if (fields[known[0]] is null)
            {
                Report(problems, message, [.. path, known[0]]);
            }
        }
    }

    private static void ValidateLeaf(Action coerce, List<object> path, List<InputProblem> problems)
    {
        try
        {
            coerce();
        }
        catch (ValueCoercionException exception)
        {
            Report(problems, exception.Message, path);
        }
    }

    private static void Report(List<InputProblem> problems, string message, IReadOnlyList<object> path) =>
        problems.Add(new InputProblem(message, [.. path]));
}
