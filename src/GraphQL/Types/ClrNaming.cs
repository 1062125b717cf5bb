using System.Text;

namespace Voting.GraphQL.Types;

/// <summary>HotChocolate's naming conventions for code-first schemas.</summary>
internal static class ClrNaming
{
    /// <summary><c>Title</c> → <c>title</c>, <c>ID</c> → <c>id</c>, <c>URLPath</c> → <c>urlPath</c>.</summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            // Keep the last capital of a run when a lower-case letter follows: it starts the next word.
            if (i > 0 && i + 1 < chars.Length && char.IsLower(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>A method's field name: <c>GetBooksAsync</c> → <c>books</c>.</summary>
    public static string MethodFieldName(string name)
    {
        if (name.Length > 3 && name.StartsWith("Get", StringComparison.Ordinal) && char.IsUpper(name[3]))
        {
            name = name[3..];
        }

        if (name.Length > 5 && name.EndsWith("Async", StringComparison.Ordinal))
        {
            name = name[..^5];
        }

        return CamelCase(name);
    }

    /// <summary><c>InProgress</c> → <c>IN_PROGRESS</c>, <c>HTTPServer</c> → <c>HTTP_SERVER</c>.</summary>
    public static string UpperSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && name[i - 1] != '_'
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>An interface's type name: HotChocolate drops the C# <c>I</c> prefix (<c>IPet</c> → <c>Pet</c>).</summary>
    public static string InterfaceName(string name) =>
        name.Length > 2 && name[0] == 'I' && char.IsUpper(name[1]) ? name[1..] : name;

    public static string StripGenericArity(string name)
    {
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}
