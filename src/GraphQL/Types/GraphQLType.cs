namespace Voting.GraphQL.Types;

/// <summary>
/// Any GraphQL type: a named type or a wrapper (list, non-null) around one. <see cref="ToString"/>
/// prints the type reference as SDL writes it (<c>[String!]!</c>), which error messages rely on.
/// </summary>
public abstract class GraphQLType
{
    // Only the types of this module derive from it: the set of kinds is closed, as in the spec.
    private protected GraphQLType()
    {
    }

    public abstract override string ToString();
}
