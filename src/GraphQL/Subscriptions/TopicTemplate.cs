using System.Globalization;
using System.Text;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Subscriptions;

/// <summary>A parsed <see cref="TopicAttribute"/> template: literal text and argument placeholders.</summary>
internal sealed class TopicTemplate
{
    private readonly (string Text, bool IsArgument)[] _parts;

    private TopicTemplate((string Text, bool IsArgument)[] parts) => _parts = parts;

    public static TopicTemplate Parse(string template, FieldConfiguration field)
    {
        var parts = new List<(string, bool)>();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add((template[position..], false));
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                throw new SchemaValidationException($"The topic template \"{template}\" of {field.DeclaringType.Name}.{field.Name} has an unclosed '{{'.");
            }

            if (open > position)
            {
                parts.Add((template[position..open], false));
            }

            var argument = template[(open + 1)..close];
            if (field.GetArgument(argument) is null)
            {
                throw new SchemaValidationException($"The topic template \"{template}\" of {field.DeclaringType.Name}.{field.Name} names \"{argument}\", which is not an argument of the field.");
            }

            parts.Add((argument, true));
            position = close + 1;
        }

        return new TopicTemplate([.. parts]);
    }

    /// <summary>The topic for one subscription: placeholders take the argument values, formatted invariantly (GUIDs as 32 digits with hyphens).</summary>
    public string Format(IResolverContext context)
    {
        if (_parts is [{ IsArgument: false } only])
        {
            return only.Text;
        }

        var topic = new StringBuilder();
        foreach (var (text, isArgument) in _parts)
        {
            if (!isArgument)
            {
                topic.Append(text);
                continue;
            }

            context.TryGetArgument(text, out var value);
            topic.Append(value switch
            {
                null => string.Empty,
                Guid guid => guid.ToString("D"),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
        }

        return topic.ToString();
    }
}
