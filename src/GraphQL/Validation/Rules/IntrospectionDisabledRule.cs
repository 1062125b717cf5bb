using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Not a spec rule: a server that keeps its schema to itself refuses the introspection entry points
/// <c>__schema</c> and <c>__type</c> (spec 4.2, "introspection ... may be disabled"). <c>__typename</c>
/// stays allowed because clients such as Apollo's add it to every selection set to normalise their
/// caches; it discloses only the name of a type the client already reached.
/// </summary>
public sealed class IntrospectionDisabledRule(ValidationContext context) : ValidationRule(context)
{
    public const string Message = "Introspection is not allowed for the current request.";

    public override void EnterField(FieldNode node)
    {
        // TypeInfo hands out the shared meta-field definitions, so identity says "this is __schema/__type
        // on the query root" without comparing names on other types, where such a name is an ordinary field.
        if (Context.FieldDefinition is { } field
            && (ReferenceEquals(field, Introspection.SchemaField) || ReferenceEquals(field, Introspection.TypeField)))
        {
            Context.ReportError(new GraphQLError(
                Message,
                node.Location is { } location ? [location.StartLocation] : null,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["code"] = ErrorCodes.IntrospectionDisabled,
                    [DocumentValidator.RuleExtension] = nameof(IntrospectionDisabledRule),
                }));
            SkipSubtree();
        }
    }
}
