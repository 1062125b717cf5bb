using System.Buffers.Text;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Data;

/// <summary>
/// The keys one page request is ordered by (the client's <c>order</c>, then the unique tie-breaker)
/// and what keyset paging does with them: order the query, encode a row's key values as a cursor,
/// and turn a cursor back into the condition "comes after (or before) this row".
/// </summary>
/// <remarks>
/// A cursor is the base64url of a JSON array <c>[version, fingerprint, key values…]</c>. The
/// fingerprint hashes the field and its keys with their directions, so a cursor of another order or
/// field is refused. Cursors are opaque, not secret: one altered so that it still decodes only
/// points at another position in the same order, which a client could have asked for anyway.
/// </remarks>
internal sealed class Keyset
{
    private const int Version = 1;

    private readonly uint _fingerprint;

    private Keyset(IReadOnlyList<KeyPart> parts, string coordinate)
    {
        Parts = parts;
        _fingerprint = Fnv1a(coordinate + "|" + string.Join("|", parts.Select(p => (p.IsRank ? "?" : string.Empty) + p.Name + (p.Descending ? ":DESC" : ":ASC"))));
    }

    public IReadOnlyList<KeyPart> Parts { get; }

    /// <summary>The requested keys up to the tie-breaker (a key after a unique one orders nothing), then the tie-breaker if it was not among them.</summary>
    public static Keyset Create(string coordinate, IReadOnlyList<SortKey> keys, SortField tieBreaker)
    {
        var parts = new List<KeyPart>();
        var unique = false;
        foreach (var key in keys)
        {
            if (key.Field.IsNullable)
            {
                parts.Add(new KeyPart(key.Field.Name, key.Field.Property, IsRank: true, key.Descending));
            }

            parts.Add(new KeyPart(key.Field.Name, key.Field.Property, IsRank: false, key.Descending));
            if (key.Field.Property == tieBreaker.Property)
            {
                unique = true;
                break;
            }
        }

        if (!unique)
        {
            parts.Add(new KeyPart(tieBreaker.Name, tieBreaker.Property, IsRank: false, Descending: false));
        }

        return new Keyset(parts, coordinate);
    }

    /// <summary><paramref name="query"/> in keyset order, or in the reverse order (to read a page backwards).</summary>
    public IQueryable<T> Order<T>(IQueryable<T> query, bool reverse)
    {
        var element = Expression.Parameter(typeof(T), "x");
        return SortModel.Apply(query, Parts.Select(p => (Expression.Lambda(p.Body(element), element), p.Descending != reverse)));
    }

    public string Cursor(object row)
    {
        var payload = new object?[Parts.Count + 2];
        payload[0] = Version;
        payload[1] = _fingerprint;
        for (var i = 0; i < Parts.Count; i++)
        {
            payload[i + 2] = Parts[i].ValueOf(row);
        }

        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
    }

    /// <summary>The key values <paramref name="cursor"/> holds.</summary>
    /// <exception cref="GraphQLException">BAD_USER_INPUT: not a cursor of this order.</exception>
    public object?[] Decode(string cursor, string argument)
    {
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor));
            var items = document.RootElement.EnumerateArray().ToList();
            if (items.Count < 2 || items[0].GetInt32() != Version)
            {
                throw Invalid(argument, "it is not a cursor of this API");
            }

            if (items[1].GetUInt32() != _fingerprint || items.Count != Parts.Count + 2)
            {
                throw Invalid(argument, "it was made for another field or order");
            }

            return [.. Parts.Select((p, i) => items[i + 2].Deserialize(p.Type))];
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw Invalid(argument, "it is malformed");
        }
    }

    /// <summary>
    /// The rows after (or, with <paramref name="before"/>, before) the row whose keys are <paramref name="values"/>:
    /// <c>(k1 &gt; v1) OR (k1 = v1 AND k2 &gt; v2) OR …</c>, with &lt; for descending keys.
    /// </summary>
    public Expression<Func<T, bool>> Beyond<T>(object?[] values, bool before)
    {
        var element = Expression.Parameter(typeof(T), "x");
        Expression condition = Expression.Constant(false);
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < Parts.Count; i++)
        {
            var part = Parts[i];
            var key = part.Body(element);
            var beyond = Compare(key, values[i], greater: part.Descending == before);
            condition = Expression.OrElse(condition, Expression.AndAlso(equalSoFar, beyond));
            equalSoFar = Expression.AndAlso(equalSoFar, Equal(key, values[i]));
        }

        return Expression.Lambda<Func<T, bool>>(condition, element);
    }

    private static Expression Equal(Expression key, object? value) =>
        value is null ? Expression.Equal(key, Expression.Constant(null, key.Type)) : Expression.Equal(key, QueryParameter.Of(value, key.Type));

    // A null value part only ever meets keys of the same (null) rank: nothing is beyond it.
    private static Expression Compare(Expression key, object? value, bool greater)
    {
        if (value is null)
        {
            return Expression.Constant(false);
        }

        var type = DataProperties.Underlying(key.Type);
        if (type == typeof(string))
        {
            var compare = Expression.Call(typeof(string), nameof(string.Compare), Type.EmptyTypes, key, QueryParameter.Of((string)value));
            return greater ? Expression.GreaterThan(compare, Expression.Constant(0)) : Expression.LessThan(compare, Expression.Constant(0));
        }

        if (type == typeof(bool))
        {
            // false < true: only true is after false, only false before true.
            return (bool)value != greater ? Expression.Equal(key, Expression.Constant(greater, key.Type)) : Expression.Constant(false);
        }

        if (type.IsEnum)
        {
            var number = Enum.GetUnderlyingType(type);
            var numberType = key.Type == type ? number : typeof(Nullable<>).MakeGenericType(number);
            key = Expression.Convert(key, numberType);
            value = Convert.ChangeType(value, number, System.Globalization.CultureInfo.InvariantCulture);
        }

        var operand = QueryParameter.Of(value, key.Type);
        return greater ? Expression.GreaterThan(key, operand) : Expression.LessThan(key, operand);
    }

    private static GraphQLException Invalid(string argument, string why) =>
        new($"The cursor given as \"{argument}\" is not valid: {why}.", ErrorCodes.BadUserInput);

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
