namespace Voting.GraphQL.Types;

/// <summary>The messages literal and runtime input validation share (graphql-js words them alike).</summary>
internal static class InputMessages
{
    public static string OneOf(InputObjectType type) =>
        $"Within OneOf Input Object type \"{type}\", exactly one field must be specified, and the value for that field must be non-null.";

    public static string NotAnObject(InputObjectType type, string found) =>
        $"Expected value of type \"{type}\" to be an object, found: {found}.";

    public static string MissingField(InputObjectType type, InputFieldDefinition field, string found) =>
        $"Expected value of type \"{type}\" to include required field \"{field.Name}\", found: {found}.";

    public static string UnknownField(InputObjectType type, string fieldName, string found)
    {
        var suggestion = Suggestions.DidYouMean(Suggestions.List(fieldName, type.Fields.Keys));
        return $"Expected value of type \"{type}\" not to include unknown field \"{fieldName}\""
            + (suggestion.Length > 0 ? $".{suggestion} Found" : ", found")
            + $": {found}.";
    }
}
