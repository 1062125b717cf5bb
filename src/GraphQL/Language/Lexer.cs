using System.Text;

namespace Voting.GraphQL.Language;

/// <summary>
/// The lexical grammar (spec section 2.1) over UTF-8 bytes. It reads one token at a time and keeps only the
/// current one; copying the struct gives a lookahead that leaves the original where it was. Punctuators,
/// names and numbers are described by their byte span and allocate nothing; only string values are built.
/// </summary>
/// <remarks>
/// Columns count UTF-16 code units from the start of the line, as graphql-js counts them, so that error
/// locations match those of the reference implementation.
/// </remarks>
internal ref struct Lexer
{
    private readonly ReadOnlySpan<byte> _source;
    private int _position;
    private int _line;
    private int _lineStart;

    // Columns are counted forward from the last token on the same line, so a long line costs O(n), not O(n^2).
    private int _columnBasePosition;
    private int _columnBase;

    public Lexer(ReadOnlySpan<byte> source)
    {
        _source = source;
        _line = 1;
        _columnBase = 1;
        Kind = TokenKind.StartOfFile;
        Line = 0;
        Column = 0;
    }

    public readonly ReadOnlySpan<byte> Source => _source;

    public TokenKind Kind { get; private set; }

    /// <summary>Byte offset where the current token starts.</summary>
    public int Start { get; private set; }

    /// <summary>Byte offset just past the current token.</summary>
    public int End { get; private set; }

    public int Line { get; private set; }

    public int Column { get; private set; }

    /// <summary>Where the token before the current one ended: the end of a node that the current token follows.</summary>
    public int PreviousEnd { get; private set; }

    /// <summary>The value of a String or BlockString token; null for the other kinds.</summary>
    public string? StringValue { get; private set; }

    public readonly ReadOnlySpan<byte> Span => _source[Start..End];

    /// <summary>The token's value as graphql-js shows it in messages: names and numbers as written, strings decoded.</summary>
    public readonly string? Value => Kind switch
    {
        TokenKind.Name or TokenKind.Int or TokenKind.Float => Encoding.UTF8.GetString(Span),
        TokenKind.String or TokenKind.BlockString => StringValue,
        _ => null,
    };

    /// <summary>"Name \"x\"", "\"{\"", "<EOF>": the token as graphql-js describes it.</summary>
    public readonly string Describe()
    {
        string? value = Value;
        return value is null ? Kind.Describe() : Kind.Describe() + " \"" + value + "\"";
    }

    public readonly bool IsKeyword(ReadOnlySpan<byte> keyword) => Kind == TokenKind.Name && Span.SequenceEqual(keyword);

    /// <summary>Whether the token's value is the given ASCII text: a name as written, or a string's decoded value.</summary>
    public readonly bool HasValue(string text) => Kind switch
    {
        TokenKind.Name => SpanEquals(Span, text),
        TokenKind.String or TokenKind.BlockString => StringValue == text,
        _ => false,
    };

    private static bool SpanEquals(ReadOnlySpan<byte> bytes, string text)
    {
        if (bytes.Length != text.Length)
        {
            return false;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Moves to the next token, skipping ignored tokens; at the end it stays on EndOfFile.</summary>
    public void Advance()
    {
        PreviousEnd = End;
        if (Kind == TokenKind.EndOfFile)
        {
            return;
        }

        StringValue = null;
        ReadToken();
    }

    private void ReadToken()
    {
        var source = _source;
        int p = _position;
        while (p < source.Length)
        {
            byte b = source[p];
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)',':
                    p++;
                    continue;
                case (byte)'\n':
                    p++;
                    StartLine(p);
                    continue;
                case (byte)'\r':
                    p += At(p + 1) == '\n' ? 2 : 1;
                    StartLine(p);
                    continue;
                case 0xEF when At(p + 1) == 0xBB && At(p + 2) == 0xBF:
                    // The byte order mark (U+FEFF) is ignored wherever it appears, as graphql-js does.
                    p += 3;
                    continue;
                case (byte)'#':
                    p = SkipComment(p);
                    continue;
                case (byte)'!':
                    Emit(TokenKind.Bang, p, p + 1);
                    return;
                case (byte)'$':
                    Emit(TokenKind.Dollar, p, p + 1);
                    return;
                case (byte)'&':
                    Emit(TokenKind.Amp, p, p + 1);
                    return;
                case (byte)'(':
                    Emit(TokenKind.ParenL, p, p + 1);
                    return;
                case (byte)')':
                    Emit(TokenKind.ParenR, p, p + 1);
                    return;
                case (byte)'.':
                    ReadDot(p);
                    return;
                case (byte)':':
                    Emit(TokenKind.Colon, p, p + 1);
                    return;
                case (byte)'=':
                    Emit(TokenKind.Equals, p, p + 1);
                    return;
                case (byte)'@':
                    Emit(TokenKind.At, p, p + 1);
                    return;
                case (byte)'[':
                    Emit(TokenKind.BracketL, p, p + 1);
                    return;
                case (byte)']':
                    Emit(TokenKind.BracketR, p, p + 1);
                    return;
                case (byte)'{':
                    Emit(TokenKind.BraceL, p, p + 1);
                    return;
                case (byte)'|':
                    Emit(TokenKind.Pipe, p, p + 1);
                    return;
                case (byte)'}':
                    Emit(TokenKind.BraceR, p, p + 1);
                    return;
                case (byte)'"':
                    if (At(p + 1) == '"' && At(p + 2) == '"')
                    {
                        ReadBlockString(p);
                    }
                    else
                    {
                        ReadString(p);
                    }

                    return;
            }

            if (IsDigit(b) || b == '-')
            {
                ReadNumber(p, b);
                return;
            }

            if (IsNameStart(b))
            {
                ReadName(p);
                return;
            }

            throw UnexpectedCharacter(p);
        }

        Emit(TokenKind.EndOfFile, source.Length, source.Length);
    }

    private readonly GraphQLSyntaxException UnexpectedCharacter(int p)
    {
        if (_source[p] == '\'')
        {
            return Error(p, "Unexpected single quote character ('), did you mean to use a double quote (\")?");
        }

        int code = SourceText.Decode(_source, p, out _);
        string character = SourceText.DescribeCharacter(_source, p);
        return SourceText.IsScalarValue(code)
            ? Error(p, $"Unexpected character: {character}.")
            : Error(p, $"Invalid character: {character}.");
    }

    private readonly int At(int position) => position < _source.Length ? _source[position] : -1;

    private static bool IsDigit(int code) => code is >= '0' and <= '9';

    private static bool IsNameStart(int code) => code is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsNameContinue(int code) => IsNameStart(code) || IsDigit(code);

    private readonly GraphQLSyntaxException Error(int position, string description) =>
        GraphQLSyntaxException.At(_source, position, description);

    private void StartLine(int position)
    {
        _line++;
        _lineStart = position;
    }

    private void Emit(TokenKind kind, int start, int end, string? value = null)
    {
        Kind = kind;
        Start = start;
        End = end;
        Line = _line;
        Column = ColumnOf(start);
        StringValue = value;
        _position = end;
    }

    private int ColumnOf(int position)
    {
        if (_columnBasePosition < _lineStart || _columnBasePosition > position)
        {
            _columnBasePosition = _lineStart;
            _columnBase = 1;
        }

        _columnBase += SourceText.Utf16Length(_source, _columnBasePosition, position);
        _columnBasePosition = position;
        return _columnBase;
    }

    /// <summary>A comment runs to the end of the line; an invalid character ends it early and is then reported on its own.</summary>
    private readonly int SkipComment(int start)
    {
        var source = _source;
        int p = start + 1;
        while (p < source.Length)
        {
            byte b = source[p];
            if (b is (byte)'\n' or (byte)'\r')
            {
                break;
            }

            if (b < 0x80)
            {
                p++;
                continue;
            }

            int code = SourceText.Decode(source, p, out int length);
            if (!SourceText.IsScalarValue(code))
            {
                break;
            }

            p += length;
        }

        return p;
    }

    private void ReadDot(int p)
    {
        int next = At(p + 1);
        if (next == '.' && At(p + 2) == '.')
        {
            Emit(TokenKind.Spread, p, p + 3);
            return;
        }

        if (next == '.')
        {
            throw Error(p, "Unexpected \"..\", did you mean \"...\"?");
        }

        if (IsDigit(next))
        {
            int end = ReadDigits(p + 1, next);
            string digits = Encoding.ASCII.GetString(_source[(p + 1)..end]);
            throw Error(p, $"Invalid number, expected digit before \".\", did you mean \"0.{digits}\"?");
        }

        throw UnexpectedCharacter(p);
    }

    /// <summary>IntValue and FloatValue (spec 2.1.8, 2.1.9): no leading zeros, and no name start or dot straight after.</summary>
    private void ReadNumber(int start, int first)
    {
        int p = start;
        int code = first;
        bool isFloat = false;
        if (code == '-')
        {
            code = At(++p);
        }

        if (code == '0')
        {
            code = At(++p);
            if (IsDigit(code))
            {
                throw Error(p, $"Invalid number, unexpected digit after 0: {SourceText.DescribeCharacter(_source, p)}.");
            }
        }
        else
        {
            p = ReadDigits(p, code);
            code = At(p);
        }

        if (code == '.')
        {
            isFloat = true;
            code = At(++p);
            p = ReadDigits(p, code);
            code = At(p);
        }

        if (code is 'e' or 'E')
        {
            isFloat = true;
            code = At(++p);
            if (code is '+' or '-')
            {
                code = At(++p);
            }

            p = ReadDigits(p, code);
            code = At(p);
        }

        if (code == '.' || IsNameStart(code))
        {
            throw Error(p, $"Invalid number, expected digit but got: {SourceText.DescribeCharacter(_source, p)}.");
        }

        Emit(isFloat ? TokenKind.Float : TokenKind.Int, start, p);
    }

    private readonly int ReadDigits(int start, int first)
    {
        if (!IsDigit(first))
        {
            throw Error(start, $"Invalid number, expected digit but got: {SourceText.DescribeCharacter(_source, start)}.");
        }

        int p = start + 1;
        while (IsDigit(At(p)))
        {
            p++;
        }

        return p;
    }

    private void ReadName(int start)
    {
        int p = start + 1;
        while (IsNameContinue(At(p)))
        {
            p++;
        }

        Emit(TokenKind.Name, start, p);
    }

    /// <summary>Where the string character at <paramref name="p"/> ends; only Unicode scalar values may stand in a string.</summary>
    private readonly int PastStringCharacter(int p, byte b)
    {
        if (b < 0x80)
        {
            return p + 1;
        }

        int code = SourceText.Decode(_source, p, out int length);
        return SourceText.IsScalarValue(code)
            ? p + length
            : throw Error(p, $"Invalid character within String: {SourceText.DescribeCharacter(_source, p)}.");
    }

    /// <summary>StringValue (spec 2.1.10): the escapes, and only Unicode scalar values; a lone surrogate is an error.</summary>
    private void ReadString(int start)
    {
        var source = _source;
        int p = start + 1;
        int chunkStart = p;
        StringBuilder? value = null;
        while (p < source.Length)
        {
            byte b = source[p];
            if (b == '"')
            {
                string text;
                if (value is null)
                {
                    text = Encoding.UTF8.GetString(source[chunkStart..p]);
                }
                else
                {
                    value.Append(Encoding.UTF8.GetString(source[chunkStart..p]));
                    text = value.ToString();
                }

                Emit(TokenKind.String, start, p + 1, text);
                return;
            }

            if (b == '\\')
            {
                value ??= new StringBuilder();
                value.Append(Encoding.UTF8.GetString(source[chunkStart..p]));
                p = ReadEscape(p, value);
                chunkStart = p;
                continue;
            }

            if (b is (byte)'\n' or (byte)'\r')
            {
                break;
            }

            p = PastStringCharacter(p, b);
        }

        throw Error(p, "Unterminated string.");
    }

    /// <summary>Appends the character an escape sequence at <paramref name="p"/> stands for; returns the position after it.</summary>
    private readonly int ReadEscape(int p, StringBuilder value)
    {
        switch (At(p + 1))
        {
            case '"':
                value.Append('"');
                return p + 2;
            case '\\':
                value.Append('\\');
                return p + 2;
            case '/':
                value.Append('/');
                return p + 2;
            case 'b':
                value.Append('\b');
                return p + 2;
            case 'f':
                value.Append('\f');
                return p + 2;
            case 'n':
                value.Append('\n');
                return p + 2;
            case 'r':
                value.Append('\r');
                return p + 2;
            case 't':
                value.Append('\t');
                return p + 2;
            case 'u':
                return At(p + 2) == '{' ? ReadVariableWidthEscape(p, value) : ReadFixedWidthEscape(p, value);
            default:
                throw Error(p, $"Invalid character escape sequence: \"{SourceText.SliceUtf16(_source, p, 2)}\".");
        }
    }

    /// <summary>\u{X...}: one to six hexadecimal digits naming a Unicode scalar value.</summary>
    private readonly int ReadVariableWidthEscape(int p, StringBuilder value)
    {
        int point = 0;
        int size = 3;
        while (size < 12)
        {
            int code = At(p + size++);
            if (code == '}')
            {
                if (size < 5 || !SourceText.IsScalarValue(point))
                {
                    break;
                }

                value.Append(new Rune(point).ToString());
                return p + size;
            }

            // Shifting into the sign bit, like a non-hex digit, makes the value negative and ends the escape.
            point = (point << 4) | HexValue(code);
            if (point < 0)
            {
                break;
            }
        }

        throw Error(p, $"Invalid Unicode escape sequence: \"{SourceText.SliceUtf16(_source, p, size)}\".");
    }

    /// <summary>\uXXXX: a scalar value, or a leading surrogate that a \uXXXX trailing surrogate completes.</summary>
    private readonly int ReadFixedWidthEscape(int p, StringBuilder value)
    {
        int code = ReadHex4(p + 2);
        if (SourceText.IsScalarValue(code))
        {
            value.Append(new Rune(code).ToString());
            return p + 6;
        }

        if (SourceText.IsLeadingSurrogate(code) && At(p + 6) == '\\' && At(p + 7) == 'u')
        {
            int trailing = ReadHex4(p + 8);
            if (SourceText.IsTrailingSurrogate(trailing))
            {
                value.Append((char)code).Append((char)trailing);
                return p + 12;
            }
        }

        throw Error(p, $"Invalid Unicode escape sequence: \"{SourceText.SliceUtf16(_source, p, 6)}\".");
    }

    private readonly int ReadHex4(int p) =>
        (HexValue(At(p)) << 12) | (HexValue(At(p + 1)) << 8) | (HexValue(At(p + 2)) << 4) | HexValue(At(p + 3));

    private static int HexValue(int code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };

    /// <summary>
    /// BlockString (spec 2.1.10): raw text where only \""" is an escape; lines end at any line terminator
    /// and the value is their BlockStringValue (common indentation and blank first and last lines removed).
    /// </summary>
    private void ReadBlockString(int start)
    {
        var source = _source;
        int p = start + 3;
        int chunkStart = p;
        int lineStart = _lineStart;
        int lineCount = 1;
        var raw = new List<byte>();
        while (p < source.Length)
        {
            byte b = source[p];
            if (b == '"' && At(p + 1) == '"' && At(p + 2) == '"')
            {
                AddRange(raw, source[chunkStart..p]);
                string value = BlockString.Dedent(raw);
                Emit(TokenKind.BlockString, start, p + 3, value);
                _line += lineCount - 1;
                _lineStart = lineStart;
                return;
            }

            if (b == '\\' && At(p + 1) == '"' && At(p + 2) == '"' && At(p + 3) == '"')
            {
                AddRange(raw, source[chunkStart..p]);
                chunkStart = p + 1;
                p += 4;
                continue;
            }

            if (b is (byte)'\n' or (byte)'\r')
            {
                AddRange(raw, source[chunkStart..p]);
                raw.Add((byte)'\n');
                p += b == '\r' && At(p + 1) == '\n' ? 2 : 1;
                chunkStart = p;
                lineStart = p;
                lineCount++;
                continue;
            }

            p = PastStringCharacter(p, b);
        }

        throw Error(p, "Unterminated string.");
    }

    private static void AddRange(List<byte> list, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            list.Add(b);
        }
    }
}
