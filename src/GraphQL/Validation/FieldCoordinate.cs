using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation;

/// <summary>How messages name a field: <c>Type.field</c>, or <c>&lt;meta&gt;.__type</c> for the introspection
/// meta-fields, which belong to no type, as graphql-js 17 prints them.</summary>
internal static class FieldCoordinate
{
    public static string Of(FieldDefinition field) => field.DeclaringType is null ? "<meta>." + field.Name : field.ToString();
}
