namespace Voting.GraphQL.Types;

public sealed class ObjectType : ComplexType
{
    public ObjectType(string name, Func<IEnumerable<FieldDefinition>> fields, Func<IEnumerable<InterfaceType>>? interfaces = null)
        : base(name, fields, interfaces)
    {
    }

    public ObjectType(string name, IEnumerable<FieldDefinition> fields, IEnumerable<InterfaceType>? interfaces = null)
        : base(name, () => fields, interfaces is null ? null : () => interfaces)
    {
    }

    /// <summary>
    /// Decides whether a resolved value belongs to this type when it is returned through an abstract
    /// type; null means "ask the abstract type's <c>ResolveType</c>" (graphql-js's <c>isTypeOf</c>).
    /// </summary>
    public Func<object, bool>? IsTypeOf { get; init; }

    /// <summary>The CLR type this object type was generated from (code-first), used to resolve abstract types.</summary>
    public Type? RuntimeType { get; init; }
}
