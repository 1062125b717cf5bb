using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>The directives the specification defines (spec 3.13), present in every schema.</summary>
public static class Directives
{
    /// <summary>The reason <c>@deprecated</c> gives when none is written.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    public static DirectiveDefinition Include { get; } = new("include", [DirectiveLocation.FIELD, DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT])
    {
        Description = "Directs the executor to include this field or fragment only when the `if` argument is true.",
        Arguments = [new ArgumentDefinition("if", new NonNullType(Scalars.Boolean)) { Description = "Included when true." }],
    };

    public static DirectiveDefinition Skip { get; } = new("skip", [DirectiveLocation.FIELD, DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT])
    {
        Description = "Directs the executor to skip this field or fragment when the `if` argument is true.",
        Arguments = [new ArgumentDefinition("if", new NonNullType(Scalars.Boolean)) { Description = "Skipped when true." }],
    };

    public static DirectiveDefinition Deprecated { get; } = new("deprecated", [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.ARGUMENT_DEFINITION, DirectiveLocation.INPUT_FIELD_DEFINITION, DirectiveLocation.ENUM_VALUE])
    {
        Description = "Marks an element of a GraphQL schema as no longer supported.",
        Arguments =
        [
            // String! since the September 2025 spec: a deprecation always has a reason.
            new ArgumentDefinition("reason", new NonNullType(Scalars.String))
            {
                Description = "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
                DefaultValue = new StringValueNode { Value = DefaultDeprecationReason },
            },
        ],
    };

    public static DirectiveDefinition SpecifiedBy { get; } = new("specifiedBy", [DirectiveLocation.SCALAR])
    {
        Description = "Exposes a URL that specifies the behavior of this scalar.",
        Arguments = [new ArgumentDefinition("url", new NonNullType(Scalars.String)) { Description = "The URL that specifies the behavior of this scalar." }],
    };

    public static DirectiveDefinition OneOf { get; } = new("oneOf", [DirectiveLocation.INPUT_OBJECT])
    {
        Description = "Indicates exactly one field must be supplied and this field must not be `null`.",
    };

    /// <summary>In graphql-js's order, which is the order the introspection lists them in.</summary>
    public static IReadOnlyList<DirectiveDefinition> Specified { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public static bool IsSpecified(DirectiveDefinition directive)
    {
        ArgumentNullException.ThrowIfNull(directive);
        return Specified.Any(d => d.Name == directive.Name);
    }
}
