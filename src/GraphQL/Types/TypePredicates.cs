namespace Voting.GraphQL.Types;

/// <summary>The type predicates of the specification and graphql-js (isInputType, getNamedType, ...).</summary>
public static class TypePredicates
{
    /// <summary>Scalars, enums, input objects and wrappers of them (spec 3.4.1 IsInputType).</summary>
    public static bool IsInputType(this GraphQLType type) =>
        type.GetNamedType() is ScalarType or EnumType or InputObjectType;

    /// <summary>Scalars, objects, interfaces, unions, enums and wrappers of them (spec 3.4.1 IsOutputType).</summary>
    public static bool IsOutputType(this GraphQLType type) =>
        type.GetNamedType() is ScalarType or ObjectType or InterfaceType or UnionType or EnumType;

    public static bool IsLeafType(this GraphQLType type) => type is ScalarType or EnumType;

    public static bool IsCompositeType(this GraphQLType type) => type is ObjectType or InterfaceType or UnionType;

    public static bool IsAbstractType(this GraphQLType type) => type is InterfaceType or UnionType;

    public static bool IsWrappingType(this GraphQLType type) => type is ListType or NonNullType;

    public static bool IsNullableType(this GraphQLType type) => type is not NonNullType;

    /// <summary>The named type under all list and non-null wrappers.</summary>
    public static NamedType GetNamedType(this GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        while (true)
        {
            switch (type)
            {
                case NamedType named:
                    return named;
                case ListType list:
                    type = list.OfType;
                    break;
                case NonNullType nonNull:
                    type = nonNull.OfType;
                    break;
                default:
                    throw new ArgumentException($"Unexpected type {type}.", nameof(type));
            }
        }
    }

    /// <summary>The type without its outer non-null wrapper, if any.</summary>
    public static GraphQLType GetNullableType(this GraphQLType type) => type is NonNullType nonNull ? nonNull.OfType : type;
}
