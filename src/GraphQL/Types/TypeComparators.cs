namespace Voting.GraphQL.Types;

/// <summary>Type comparisons that validation relies on (graphql-js utilities/typeComparators).</summary>
public static class TypeComparators
{
    /// <summary>The same type reference: the same named type under the same wrappers.</summary>
    public static bool IsEqualType(GraphQLType typeA, GraphQLType typeB)
    {
        ArgumentNullException.ThrowIfNull(typeA);
        ArgumentNullException.ThrowIfNull(typeB);
        return (typeA, typeB) switch
        {
            _ when ReferenceEquals(typeA, typeB) => true,
            (NonNullType a, NonNullType b) => IsEqualType(a.OfType, b.OfType),
            (ListType a, ListType b) => IsEqualType(a.OfType, b.OfType),
            _ => false,
        };
    }

    /// <summary>
    /// Whether a value of <paramref name="maybeSubType"/> is always a valid value of
    /// <paramref name="superType"/>: covariant in nullability, lists and abstract types.
    /// </summary>
    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(maybeSubType);
        ArgumentNullException.ThrowIfNull(superType);
        if (ReferenceEquals(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            // A non-null type is a subtype of its nullable counterpart.
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return superType is InterfaceType or UnionType
            && maybeSubType is ObjectType or InterfaceType
            && schema.IsSubType((NamedType)superType, (NamedType)maybeSubType);
    }

    /// <summary>
    /// Whether two composite types can describe the same object: used by the rule that fragments
    /// may only be spread where they could apply (spec 5.5.2.3).
    /// </summary>
    public static bool DoTypesOverlap(Schema schema, NamedType typeA, NamedType typeB)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(typeA);
        ArgumentNullException.ThrowIfNull(typeB);
        if (ReferenceEquals(typeA, typeB))
        {
            return true;
        }

        if (typeA is InterfaceType or UnionType)
        {
            if (typeB is InterfaceType or UnionType)
            {
                return schema.GetPossibleTypes(typeB).Any(t => schema.IsSubType(typeA, t));
            }

            return schema.IsSubType(typeA, typeB);
        }

        if (typeB is InterfaceType or UnionType)
        {
            return schema.IsSubType(typeB, typeA);
        }

        return false;
    }
}
