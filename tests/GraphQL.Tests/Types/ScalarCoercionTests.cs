using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Types;

public sealed class ScalarCoercionTests
{
    private static string Fails(Action action) => Assert.Throws<ValueCoercionException>(action).Message;

    private static IntValueNode IntLiteral(string value) => new() { Value = value };

    private static FloatValueNode FloatLiteral(string value) => new() { Value = value };

    private static StringValueNode StringLiteral(string value) => new() { Value = value };

    private static EnumValueNode EnumLiteral(string value) => new() { Value = value };

    [Fact]
    public void Int_serializes_integers_booleans_and_numeric_strings()
    {
        Assert.Equal(1, Scalars.Int.Serialize(1));
        Assert.Equal(-1, Scalars.Int.Serialize(-1L));
        Assert.Equal(100000, Scalars.Int.Serialize(1e5));
        Assert.Equal(0, Scalars.Int.Serialize(false));
        Assert.Equal(1, Scalars.Int.Serialize(true));
        Assert.Equal(123, Scalars.Int.Serialize("123"));
        Assert.Equal(int.MaxValue, Scalars.Int.Serialize(2147483647));
    }

    [Fact]
    public void Int_refuses_to_serialize_fractions_large_numbers_and_non_numbers()
    {
        Assert.Equal("Int cannot represent non-integer value: 0.1", Fails(() => Scalars.Int.Serialize(0.1)));
        Assert.Equal("Int cannot represent non-integer value: 1.5", Fails(() => Scalars.Int.Serialize(1.5)));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 9876504321", Fails(() => Scalars.Int.Serialize(9876504321L)));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: -9876504321", Fails(() => Scalars.Int.Serialize(-9876504321L)));
        Assert.Equal("Int cannot represent non-integer value: \"-1.1\"", Fails(() => Scalars.Int.Serialize("-1.1")));
        Assert.Equal("Int cannot represent non-integer value: \"one\"", Fails(() => Scalars.Int.Serialize("one")));
        Assert.Equal("Int cannot represent non-integer value: \"\"", Fails(() => Scalars.Int.Serialize(string.Empty)));
        Assert.Equal("Int cannot represent non-integer value: NaN", Fails(() => Scalars.Int.Serialize(double.NaN)));
        Assert.Equal("Int cannot represent non-integer value: Infinity", Fails(() => Scalars.Int.Serialize(double.PositiveInfinity)));
        Assert.Equal("Int cannot represent non-integer value: [5]", Fails(() => Scalars.Int.Serialize(new[] { 5 })));
        Assert.Equal("Int cannot represent non-integer value: null", Fails(() => Scalars.Int.Serialize(null)));
    }

    [Fact]
    public void Int_parses_values_and_literals()
    {
        Assert.Equal(1, Scalars.Int.ParseValue(1));
        Assert.Equal(1, Scalars.Int.ParseValue(1L));
        Assert.Equal(-2147483648, Scalars.Int.ParseValue(-2147483648d));
        Assert.Equal("Int cannot represent non-integer value: 0.1", Fails(() => Scalars.Int.ParseValue(0.1)));
        Assert.Equal("Int cannot represent non-integer value: \"1\"", Fails(() => Scalars.Int.ParseValue("1")));
        Assert.Equal("Int cannot represent non-integer value: true", Fails(() => Scalars.Int.ParseValue(true)));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 2147483648", Fails(() => Scalars.Int.ParseValue(2147483648L)));

        Assert.Equal(123, Scalars.Int.ParseLiteral(IntLiteral("123")));
        Assert.Equal(-2147483648, Scalars.Int.ParseLiteral(IntLiteral("-2147483648")));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 2147483648", Fails(() => Scalars.Int.ParseLiteral(IntLiteral("2147483648"))));
        Assert.Equal("Int cannot represent non-integer value: 1.0", Fails(() => Scalars.Int.ParseLiteral(FloatLiteral("1.0"))));
        Assert.Equal("Int cannot represent non-integer value: \"123\"", Fails(() => Scalars.Int.ParseLiteral(StringLiteral("123"))));
        Assert.Equal("Int cannot represent non-integer value: ENUM_VALUE", Fails(() => Scalars.Int.ParseLiteral(EnumLiteral("ENUM_VALUE"))));
        Assert.Equal("Int cannot represent non-integer value: null", Fails(() => Scalars.Int.ParseLiteral(new NullValueNode())));
        Assert.Equal(
            "Int cannot represent non-integer value: [1, 2]",
            Fails(() => Scalars.Int.ParseLiteral(new ListValueNode { Values = [IntLiteral("1"), IntLiteral("2")] })));
        Assert.Equal(
            "Int cannot represent non-integer value: { a: 1 }",
            Fails(() => Scalars.Int.ParseLiteral(new ObjectValueNode { Fields = [new ObjectFieldNode { Name = new NameNode { Value = "a" }, Value = IntLiteral("1") }] })));
        Assert.Equal("Int cannot represent non-integer value: $var", Fails(() => Scalars.Int.ParseLiteral(new VariableNode { Name = new NameNode { Value = "var" } })));
    }

    [Fact]
    public void Float_coerces_finite_numbers_only()
    {
        Assert.Equal(1.1, Scalars.Float.Serialize(1.1));
        Assert.Equal(1d, Scalars.Float.Serialize(1));
        Assert.Equal(-1.1, Scalars.Float.Serialize("-1.1"));
        Assert.Equal(0d, Scalars.Float.Serialize(false));
        Assert.Equal("Float cannot represent non numeric value: NaN", Fails(() => Scalars.Float.Serialize(double.NaN)));
        Assert.Equal("Float cannot represent non numeric value: \"one\"", Fails(() => Scalars.Float.Serialize("one")));
        Assert.Equal("Float cannot represent non numeric value: \"\"", Fails(() => Scalars.Float.Serialize(string.Empty)));

        Assert.Equal(-1.5, Scalars.Float.ParseValue(-1.5));
        Assert.Equal(3d, Scalars.Float.ParseValue(3));
        Assert.Equal("Float cannot represent non numeric value: \"1.5\"", Fails(() => Scalars.Float.ParseValue("1.5")));
        Assert.Equal("Float cannot represent non numeric value: Infinity", Fails(() => Scalars.Float.ParseValue(double.PositiveInfinity)));
        Assert.Equal("Float cannot represent non numeric value: null", Fails(() => Scalars.Float.ParseValue(null)));

        Assert.Equal(12d, Scalars.Float.ParseLiteral(IntLiteral("12")));
        Assert.Equal(1.5e3, Scalars.Float.ParseLiteral(FloatLiteral("1.5e3")));
        Assert.Equal("Float cannot represent non numeric value: \"1.5\"", Fails(() => Scalars.Float.ParseLiteral(StringLiteral("1.5"))));
        Assert.Equal("Float cannot represent non numeric value: false", Fails(() => Scalars.Float.ParseLiteral(new BooleanValueNode { Value = false })));
    }

    [Fact]
    public void String_serializes_text_numbers_and_booleans_and_accepts_only_strings()
    {
        Assert.Equal("string", Scalars.String.Serialize("string"));
        Assert.Equal("1", Scalars.String.Serialize(1));
        Assert.Equal("-1.1", Scalars.String.Serialize(-1.1));
        Assert.Equal("true", Scalars.String.Serialize(true));
        Assert.Equal("false", Scalars.String.Serialize(false));
        Assert.Equal("String cannot represent value: NaN", Fails(() => Scalars.String.Serialize(double.NaN)));
        Assert.Equal("String cannot represent value: [1]", Fails(() => Scalars.String.Serialize(new[] { 1 })));
        Assert.Equal("String cannot represent value: null", Fails(() => Scalars.String.Serialize(null)));

        Assert.Equal("foo", Scalars.String.ParseValue("foo"));
        Assert.Equal("String cannot represent a non string value: 1", Fails(() => Scalars.String.ParseValue(1)));
        Assert.Equal("String cannot represent a non string value: true", Fails(() => Scalars.String.ParseValue(true)));
        Assert.Equal("String cannot represent a non string value: [\"foo\"]", Fails(() => Scalars.String.ParseValue(new[] { "foo" })));

        Assert.Equal("foo", Scalars.String.ParseLiteral(StringLiteral("foo")));
        Assert.Equal("foo", Scalars.String.ParseLiteral(new StringValueNode { Value = "foo", Block = true }));
        Assert.Equal("String cannot represent a non string value: 123", Fails(() => Scalars.String.ParseLiteral(IntLiteral("123"))));
        Assert.Equal("String cannot represent a non string value: UNKNOWN", Fails(() => Scalars.String.ParseLiteral(EnumLiteral("UNKNOWN"))));
    }

    [Fact]
    public void Boolean_serializes_numbers_by_truthiness_and_accepts_only_booleans()
    {
        Assert.Equal(true, Scalars.Boolean.Serialize(true));
        Assert.Equal(true, Scalars.Boolean.Serialize(1));
        Assert.Equal(false, Scalars.Boolean.Serialize(0));
        Assert.Equal("Boolean cannot represent a non boolean value: NaN", Fails(() => Scalars.Boolean.Serialize(double.NaN)));
        Assert.Equal("Boolean cannot represent a non boolean value: \"\"", Fails(() => Scalars.Boolean.Serialize(string.Empty)));
        Assert.Equal("Boolean cannot represent a non boolean value: \"true\"", Fails(() => Scalars.Boolean.Serialize("true")));

        Assert.Equal(false, Scalars.Boolean.ParseValue(false));
        Assert.Equal("Boolean cannot represent a non boolean value: 0", Fails(() => Scalars.Boolean.ParseValue(0)));
        Assert.Equal("Boolean cannot represent a non boolean value: null", Fails(() => Scalars.Boolean.ParseValue(null)));

        Assert.Equal(true, Scalars.Boolean.ParseLiteral(new BooleanValueNode { Value = true }));
        Assert.Equal("Boolean cannot represent a non boolean value: 1", Fails(() => Scalars.Boolean.ParseLiteral(IntLiteral("1"))));
        Assert.Equal("Boolean cannot represent a non boolean value: \"false\"", Fails(() => Scalars.Boolean.ParseLiteral(StringLiteral("false"))));
    }

    [Fact]
    public void ID_takes_strings_and_integers_and_serializes_to_strings()
    {
        Assert.Equal("string", Scalars.ID.Serialize("string"));
        Assert.Equal("123", Scalars.ID.Serialize(123));
        Assert.Equal("0", Scalars.ID.Serialize(0d));
        Assert.Equal("ID cannot represent value: 0.1", Fails(() => Scalars.ID.Serialize(0.1)));
        Assert.Equal("ID cannot represent value: true", Fails(() => Scalars.ID.Serialize(true)));
        Assert.Equal("ID cannot represent value: null", Fails(() => Scalars.ID.Serialize(null)));

        Assert.Equal("123", Scalars.ID.ParseValue(123));
        Assert.Equal("abc", Scalars.ID.ParseValue("abc"));
        Assert.Equal("ID cannot represent value: 1.5", Fails(() => Scalars.ID.ParseValue(1.5)));
        Assert.Equal("ID cannot represent value: false", Fails(() => Scalars.ID.ParseValue(false)));

        Assert.Equal("123", Scalars.ID.ParseLiteral(IntLiteral("123")));
        Assert.Equal("abc", Scalars.ID.ParseLiteral(StringLiteral("abc")));
        Assert.Equal("ID cannot represent a non-string and non-integer value: 1.0", Fails(() => Scalars.ID.ParseLiteral(FloatLiteral("1.0"))));
        Assert.Equal("ID cannot represent a non-string and non-integer value: true", Fails(() => Scalars.ID.ParseLiteral(new BooleanValueNode { Value = true })));
    }

    [Fact]
    public void Long_holds_64_bit_integers()
    {
        Assert.Equal(9876504321L, Scalars.Long.Serialize(9876504321L));
        Assert.Equal(5L, Scalars.Long.ParseValue(5));
        Assert.Equal(long.MinValue, Scalars.Long.ParseLiteral(IntLiteral("-9223372036854775808")));
        Assert.Equal("Long cannot represent non-integer value: 1.5", Fails(() => Scalars.Long.ParseValue(1.5)));
        Assert.Equal("Long cannot represent non 64-bit signed integer value: 9223372036854775808", Fails(() => Scalars.Long.ParseLiteral(IntLiteral("9223372036854775808"))));
        Assert.Equal("Long cannot represent non-integer value: \"1\"", Fails(() => Scalars.Long.ParseLiteral(StringLiteral("1"))));
    }

    [Fact]
    public void Decimal_is_exact()
    {
        Assert.Equal(0.1m, Scalars.Decimal.ParseLiteral(FloatLiteral("0.1")));
        Assert.Equal(12m, Scalars.Decimal.ParseLiteral(IntLiteral("12")));
        Assert.Equal(1.25m, Scalars.Decimal.Serialize(1.25m));
        Assert.Equal(3m, Scalars.Decimal.ParseValue(3));
        Assert.Equal("Decimal cannot represent non numeric value: \"1\"", Fails(() => Scalars.Decimal.ParseValue("1")));
        Assert.Equal("Decimal cannot represent non numeric value: true", Fails(() => Scalars.Decimal.ParseLiteral(new BooleanValueNode { Value = true })));
    }

    [Fact]
    public void UUID_is_the_hyphenated_string()
    {
        var guid = Guid.Parse("5f2b7c1e-0c8a-4d6f-9b1a-3e2f4a5b6c7d");
        Assert.Equal("5f2b7c1e-0c8a-4d6f-9b1a-3e2f4a5b6c7d", Scalars.UUID.Serialize(guid));
        Assert.Equal(guid, Scalars.UUID.ParseValue("5F2B7C1E-0C8A-4D6F-9B1A-3E2F4A5B6C7D"));
        Assert.Equal(guid, Scalars.UUID.ParseLiteral(StringLiteral("5f2b7c1e-0c8a-4d6f-9b1a-3e2f4a5b6c7d")));
        Assert.Equal("UUID cannot represent value: \"not-a-uuid\"", Fails(() => Scalars.UUID.ParseValue("not-a-uuid")));
        Assert.Equal("UUID cannot represent value: 1", Fails(() => Scalars.UUID.ParseLiteral(IntLiteral("1"))));
    }

    [Fact]
    public void DateTime_requires_an_RFC_3339_offset()
    {
        var value = new DateTimeOffset(2026, 5, 1, 9, 30, 0, TimeSpan.Zero);
        Assert.Equal("2026-05-01T09:30:00Z", Scalars.DateTime.Serialize(value));
        Assert.Equal("2026-05-01T09:30:00.5+02:00", Scalars.DateTime.Serialize(new DateTimeOffset(2026, 5, 1, 9, 30, 0, 500, TimeSpan.FromHours(2))));
        Assert.Equal("2026-05-01T09:30:00Z", Scalars.DateTime.Serialize(new DateTime(2026, 5, 1, 9, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(value, Scalars.DateTime.ParseValue("2026-05-01T09:30:00Z"));
        Assert.Equal(value, Scalars.DateTime.ParseLiteral(StringLiteral("2026-05-01T11:30:00+02:00")));
        Assert.Equal("DateTime cannot represent value: \"2026-05-01T09:30:00\"", Fails(() => Scalars.DateTime.ParseValue("2026-05-01T09:30:00")));
        Assert.Equal("DateTime cannot represent value: \"2026-05-01\"", Fails(() => Scalars.DateTime.ParseLiteral(StringLiteral("2026-05-01"))));
        Assert.Equal("DateTime cannot represent value: 5", Fails(() => Scalars.DateTime.ParseValue(5)));
    }

    [Fact]
    public void Date_is_a_full_date()
    {
        Assert.Equal("2026-05-01", Scalars.Date.Serialize(new DateOnly(2026, 5, 1)));
        Assert.Equal(new DateOnly(2026, 5, 1), Scalars.Date.ParseValue("2026-05-01"));
        Assert.Equal(new DateOnly(2026, 5, 1), Scalars.Date.ParseLiteral(StringLiteral("2026-05-01")));
        Assert.Equal("Date cannot represent value: \"2026-13-01\"", Fails(() => Scalars.Date.ParseValue("2026-13-01")));
        Assert.Equal("Date cannot represent value: \"2026-05-01T00:00:00Z\"", Fails(() => Scalars.Date.ParseLiteral(StringLiteral("2026-05-01T00:00:00Z"))));
    }

    [Fact]
    public void Enum_coerces_between_names_and_clr_values()
    {
        var color = new EnumType("Color", [new EnumValueDefinition("RED", ConsoleColor.Red), new EnumValueDefinition("BLUE", ConsoleColor.Blue)]);
        Assert.Equal("RED", color.Serialize(ConsoleColor.Red));
        Assert.Equal(ConsoleColor.Blue, color.ParseValue("BLUE"));
        Assert.Equal(ConsoleColor.Blue, color.ParseLiteral(EnumLiteral("BLUE")));
        Assert.Equal("Enum \"Color\" cannot represent value: Green", Fails(() => color.Serialize(ConsoleColor.Green)));
        Assert.Equal("Value \"GREEN\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?", Fails(() => color.ParseValue("GREEN")));
        Assert.Equal("Value \"GREN\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?", Fails(() => color.ParseLiteral(EnumLiteral("GREN"))));
        Assert.Equal("Enum \"Color\" cannot represent non-string value: 1.", Fails(() => color.ParseValue(1)));
        Assert.Equal("Enum \"Color\" cannot represent non-enum value: \"RED\". Did you mean the enum value \"RED\"?", Fails(() => color.ParseLiteral(StringLiteral("RED"))));
    }
}
