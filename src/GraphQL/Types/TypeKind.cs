namespace Voting.GraphQL.Types;

/// <summary>The kinds of type introspection reports (spec 4.2.1 __TypeKind).</summary>
public enum TypeKind
{
    SCALAR,
    OBJECT,
    INTERFACE,
    UNION,
    ENUM,
    INPUT_OBJECT,
    LIST,
    NON_NULL,
}
