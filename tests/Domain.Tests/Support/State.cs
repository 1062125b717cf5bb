using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Voting.Domain.Tests.Support;

/// <summary>
/// Writes out every public property of an object (recursively through lists and entities), so a
/// test can show that a refused operation left all of it as it was.
/// </summary>
internal static class State
{
    public static string Of(object subject)
    {
        var builder = new StringBuilder();
        Describe(subject, builder, depth: 0);
        return builder.ToString();
    }

    private static void Describe(object? value, StringBuilder builder, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string text:
                builder.Append('"').Append(text).Append('"');
                return;
            case DateTimeOffset time:
                builder.Append(time.ToString("O", CultureInfo.InvariantCulture));
                return;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case IEnumerable items:
                builder.Append('[');
                foreach (var item in items)
                {
                    Describe(item, builder, depth + 1);
                    builder.Append(", ");
                }

                builder.Append(']');
                return;
        }

        var type = value.GetType();
        if (type.IsValueType || depth > 3 || type.GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType != typeof(object))
        {
            builder.Append(value);
            return;
        }

        builder.Append(type.Name).Append(" { ");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            builder.Append(property.Name).Append(" = ");
            Describe(property.GetValue(value), builder, depth + 1);
            builder.Append("; ");
        }

        builder.Append('}');
    }
}
