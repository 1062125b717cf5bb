namespace Voting.GraphQL.Types;

public sealed class InterfaceType : ComplexType
{
    public InterfaceType(string name, Func<IEnumerable<FieldDefinition>> fields, Func<IEnumerable<InterfaceType>>? interfaces = null)
        : base(name, fields, interfaces)
    {
    }

    public InterfaceType(string name, IEnumerable<FieldDefinition> fields, IEnumerable<InterfaceType>? interfaces = null)
        : base(name, () => fields, interfaces is null ? null : () => interfaces)
    {
    }

    /// <summary>Names the concrete object type of a resolved value; null falls back to each object's <see cref="ObjectType.IsTypeOf"/>.</summary>
    public ResolveAbstractType? ResolveType { get; init; }
}
