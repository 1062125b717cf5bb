namespace Voting.GraphQL.Types;

public sealed class ListType : GraphQLType
{
    public ListType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override string ToString() => $"[{OfType}]";
}
