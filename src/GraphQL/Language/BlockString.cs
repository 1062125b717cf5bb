using System.Text;

namespace Voting.GraphQL.Language;

/// <summary>Block strings: the spec's BlockStringValue algorithm (section 2.1.10) and graphql-js's printBlockString.</summary>
internal static class BlockString
{
    /// <summary>
    /// BlockStringValue over the raw lines (joined by \n, the \""" escape already undone): remove the common
    /// indentation of every line but the first, then the leading and trailing lines that hold only white space.
    /// </summary>
    public static string Dedent(List<byte> raw)
    {
        var text = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(raw);
        var lines = new List<(int Start, int End)>();
        int lineStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add((lineStart, i));
                lineStart = i + 1;
            }
        }

        lines.Add((lineStart, text.Length));

        int commonIndent = int.MaxValue;
        int firstNonBlank = -1;
        int lastNonBlank = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            var (start, end) = lines[i];
            int indent = LeadingWhiteSpace(text[start..end]);
            if (indent == end - start)
            {
                continue;
            }

            if (firstNonBlank < 0)
            {
                firstNonBlank = i;
            }

            lastNonBlank = i;
            if (i != 0 && indent < commonIndent)
            {
                commonIndent = indent;
            }
        }

        if (firstNonBlank < 0)
        {
            return string.Empty;
        }

        var value = new StringBuilder(text.Length);
        for (int i = firstNonBlank; i <= lastNonBlank; i++)
        {
            var (start, end) = lines[i];
            if (i != 0)
            {
                start = Math.Min(end, start + commonIndent);
            }

            if (i != firstNonBlank)
            {
                value.Append('\n');
            }

            value.Append(Encoding.UTF8.GetString(text[start..end]));
        }

        return value.ToString();
    }

    private static int LeadingWhiteSpace(ReadOnlySpan<byte> line)
    {
        int i = 0;
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        return i;
    }

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t';

    /// <summary>
    /// A block string whose value is <paramref name="value"/>, laid out as graphql-js prints it: on one line
    /// when short and simple, otherwise with the quotes on their own lines; a leading newline is added when
    /// the lines after the first are indented (so dedenting keeps the indentation), a trailing one when the
    /// value ends in a quote or a backslash.
    /// </summary>
    public static string Print(string value)
    {
        string escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        string[] lines = escaped.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r');
        bool isSingleLine = lines.Length == 1;
        bool forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(line => line.Length == 0 || IsWhiteSpace(line[0]));
        bool hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        bool hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        bool hasTrailingSlash = value.EndsWith('\\');
        bool forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
        bool printAsMultipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes;
        bool skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);

        var result = new StringBuilder(value.Length + 8);
        result.Append("\"\"\"");
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }

        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewline)
        {
            result.Append('\n');
        }

        return result.Append("\"\"\"").ToString();
    }
}
