
namespace Voting.GraphQL.Types;

/// <summary>The scalars this engine provides: the five the specification defines and five common extras.</summary>
public static class Scalars
{
    public static ScalarType Int { get; } = new IntScalar();

    public static ScalarType Float { get; } = new FloatScalar();

    public static ScalarType String { get; } = new StringScalar();

    public static ScalarType Boolean { get; } = new BooleanScalar();

    public static ScalarType ID { get; } = new IdScalar();

    public static ScalarType DateTime { get; } = new DateTimeScalar();

    public static ScalarType Date { get; } = new DateScalar();

    public static ScalarType UUID { get; } = new UuidScalar();

    public static ScalarType Long { get; } = new LongScalar();

    public static ScalarType Decimal { get; } = new DecimalScalar();

    /// <summary>Int, Float, String, Boolean, ID: present in every schema and never printed.</summary>
    public static IReadOnlyList<ScalarType> Specified { get; } = [Int, Float, String, Boolean, ID];

    /// <summary>The extra scalars, which a schema contains only when something uses them.</summary>
    public static IReadOnlyList<ScalarType> Extended { get; } = [DateTime, Date, UUID, Long, Decimal];

    public static bool IsSpecified(NamedType type) => type is ScalarType && FindSpecified(type.Name) is not null;

    internal static ScalarType? FindSpecified(string name) => Specified.FirstOrDefault(s => s.Name == name);

    internal static ScalarType? FindExtended(string name) => Extended.FirstOrDefault(s => s.Name == name);
}
