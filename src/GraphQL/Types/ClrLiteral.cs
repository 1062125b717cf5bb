using System.Collections;
using System.Globalization;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>The literal for a CLR default value (graphql-js's astFromValue), so code-first defaults print as SDL.</summary>
internal static class ClrLiteral
{
    public static ValueNode From(object? value, GraphQLType type)
    {
        if (value is null)
        {
            return new NullValueNode();
        }

        var named = type.GetNamedType();
        if (named is EnumType enumType)
        {
            return new EnumValueNode { Value = enumType.Serialize(value) };
        }

        if (named is ScalarType scalar && !ReferenceEquals(named, Scalars.String) && scalar.Serialize(value) is { } serialized and not string)
        {
            value = serialized;
        }

        return value switch
        {
            bool b => new BooleanValueNode { Value = b },
            string s when ReferenceEquals(named, Scalars.ID) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _) => new IntValueNode { Value = s },
            string s => new StringValueNode { Value = s },
            int or long or short or byte => new IntValueNode { Value = Convert.ToString(value, CultureInfo.InvariantCulture)! },
            double d when Math.Truncate(d) == d && Math.Abs(d) < 1e21 => new IntValueNode { Value = d.ToString("R", CultureInfo.InvariantCulture) },
            double d => new FloatValueNode { Value = d.ToString("R", CultureInfo.InvariantCulture) },
            decimal m => m == decimal.Truncate(m) ? new IntValueNode { Value = decimal.Truncate(m).ToString(CultureInfo.InvariantCulture) } : new FloatValueNode { Value = m.ToString(CultureInfo.InvariantCulture) },
            IEnumerable items => new ListValueNode { Values = [.. items.Cast<object?>().Select(i => From(i, type.GetNullableType() is ListType l ? l.OfType : type))] },
            _ => new StringValueNode { Value = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty },
        };
    }
}
