namespace Voting.GraphQL.Types;

/// <summary>
/// Whether a description survives the round trip as a block string (graphql-js's
/// isPrintableAsBlockString): BlockStringValue() (spec 2.9.4) strips common indentation and blank
/// edge lines and turns \r into line ends, so text with those must be printed as a plain string.
/// </summary>
internal static class DescriptionText
{
    public static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false;
                    }

                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t':
                case ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    // graphql-js treats only U+0000..U+000F as unprintable here; later controls fall through.
                    if (c < 0x10)
                    {
                        return false;
                    }

                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }

        if (isEmptyLine)
        {
            return false;
        }

        return !(hasCommonIndent && seenNonEmptyLine);
    }
}
