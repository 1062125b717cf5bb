using System.Globalization;
using System.Text;
using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Language;

/// <summary>
/// Reading UTF-8 source text the way graphql-js reads its UTF-16 strings, so that columns and error
/// messages come out the same: columns count UTF-16 code units, and a lone surrogate is a character
/// (an invalid one) rather than a decoding failure.
/// </summary>
internal static class SourceText
{
    /// <summary>Returned by <see cref="Decode"/> for a byte that starts no well-formed sequence.</summary>
    public const int InvalidByte = -1;

    /// <summary>
    /// Decodes the code point at <paramref name="position"/>. Surrogates encoded in three bytes (WTF-8) are
    /// decoded rather than rejected, so that a lone surrogate in a .NET string reaches the lexer and earns
    /// the same error as in graphql-js; every other ill-formed sequence gives <see cref="InvalidByte"/>.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> source, int position, out int length)
    {
        int b0 = source[position];
        if (b0 < 0x80)
        {
            length = 1;
            return b0;
        }

        length = 1;
        int remaining = source.Length - position;
        if (b0 is >= 0xC2 and <= 0xDF)
        {
            if (remaining >= 2 && IsContinuation(source[position + 1]))
            {
                length = 2;
                return ((b0 & 0x1F) << 6) | (source[position + 1] & 0x3F);
            }

            return InvalidByte;
        }

        if (b0 is >= 0xE0 and <= 0xEF)
        {
            if (remaining < 3)
            {
                return InvalidByte;
            }

            int b1 = source[position + 1];
            int b2 = source[position + 2];
            bool secondOk = b0 == 0xE0 ? b1 is >= 0xA0 and <= 0xBF : IsContinuation((byte)b1);
            if (!secondOk || !IsContinuation((byte)b2))
            {
                return InvalidByte;
            }

            length = 3;
            return ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
        }

        if (b0 is >= 0xF0 and <= 0xF4)
        {
            if (remaining < 4)
            {
                return InvalidByte;
            }

            int b1 = source[position + 1];
            bool secondOk = b0 switch
            {
                0xF0 => b1 is >= 0x90 and <= 0xBF,
                0xF4 => b1 is >= 0x80 and <= 0x8F,
                _ => IsContinuation((byte)b1),
            };
            if (!secondOk || !IsContinuation(source[position + 2]) || !IsContinuation(source[position + 3]))
            {
                return InvalidByte;
            }

            length = 4;
            return ((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((source[position + 2] & 0x3F) << 6) | (source[position + 3] & 0x3F);
        }

        return InvalidByte;
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    public static bool IsScalarValue(int codePoint) => codePoint is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    public static bool IsLeadingSurrogate(int code) => code is >= 0xD800 and <= 0xDBFF;

    public static bool IsTrailingSurrogate(int code) => code is >= 0xDC00 and <= 0xDFFF;

    /// <summary>How many UTF-16 code units the bytes in [start, end) stand for: one per sequence, two for four-byte ones.</summary>
    public static int Utf16Length(ReadOnlySpan<byte> source, int start, int end)
    {
        int units = 0;
        for (int i = start; i < end; i++)
        {
            byte b = source[i];
            if ((b & 0xC0) != 0x80)
            {
                units += b >= 0xF0 ? 2 : 1;
            }
        }

        return units;
    }

    /// <summary>The line and column of a byte offset, lines ending at \n, \r\n or \r as the lexer counts them.</summary>
    public static SourceLocation Locate(ReadOnlySpan<byte> source, int position)
    {
        position = Math.Min(position, source.Length);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position; i++)
        {
            byte b = source[i];
            if (b == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (b == '\r')
            {
                if (i + 1 < source.Length && source[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                lineStart = i + 1;
            }
        }

        // A \r\n split by the position: the position is on the \n, which belongs to the earlier line.
        lineStart = Math.Min(lineStart, position);
        return new SourceLocation(line, 1 + Utf16Length(source, lineStart, position));
    }

    /// <summary>graphql-js's printCodePointAt: a printable ASCII character quoted, anything else as U+XXXX.</summary>
    public static string DescribeCharacter(ReadOnlySpan<byte> source, int position)
    {
        if (position >= source.Length)
        {
            return "<EOF>";
        }

        int code = Decode(source, position, out _);
        if (code == InvalidByte)
        {
            return "0x" + source[position].ToString("X2", CultureInfo.InvariantCulture);
        }

        if (code is >= 0x20 and <= 0x7E)
        {
            return code == '"' ? "'\"'" : "\"" + (char)code + "\"";
        }

        return "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The text of the first <paramref name="units"/> UTF-16 code units from a byte offset, as graphql-js
    /// slices its source for escape-sequence errors; stops at the end of the source.
    /// </summary>
    public static string SliceUtf16(ReadOnlySpan<byte> source, int position, int units)
    {
        var text = new StringBuilder(units);
        int taken = 0;
        while (taken < units && position < source.Length)
        {
            int code = Decode(source, position, out int length);
            if (code == InvalidByte || !IsScalarValue(code))
            {
                text.Append('\uFFFD');
                taken++;
            }
            else
            {
                var rune = new Rune(code);
                text.Append(rune.ToString());
                taken += rune.Utf16SequenceLength;
            }

            position += length;
        }

        return text.ToString();
    }

    /// <summary>
    /// UTF-8 for a .NET string, except that a lone surrogate is kept, in three bytes, instead of being
    /// replaced: the lexer then rejects it at its place with graphql-js's message.
    /// </summary>
    public static byte[] ToUtf8(string text)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            return strict.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            return ToWtf8(text);
        }
    }

    private static byte[] ToWtf8(string text)
    {
        var bytes = new List<byte>(text.Length * 3);
        for (int i = 0; i < text.Length; i++)
        {
            int code = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                code = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            if (code < 0x80)
            {
                bytes.Add((byte)code);
            }
            else if (code < 0x800)
            {
                bytes.Add((byte)(0xC0 | (code >> 6)));
                bytes.Add((byte)(0x80 | (code & 0x3F)));
            }
            else if (code < 0x10000)
            {
                bytes.Add((byte)(0xE0 | (code >> 12)));
                bytes.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (code & 0x3F)));
            }
            else
            {
                bytes.Add((byte)(0xF0 | (code >> 18)));
                bytes.Add((byte)(0x80 | ((code >> 12) & 0x3F)));
                bytes.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (code & 0x3F)));
            }
        }

        return [.. bytes];
    }
}
