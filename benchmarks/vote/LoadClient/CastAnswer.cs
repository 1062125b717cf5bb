using System.Text;
using System.Text.Json;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// Reads a castVote answer in one forward pass (<see cref="Utf8JsonReader"/>, no document), with the rules
/// <see cref="GraphQLHttp"/> applies: the first error's <c>extensions.code</c> (<c>NO_CODE</c> without one)
/// when there are errors; else, on a 2xx answer with <c>data</c>, <c>data.castVote</c>'s sequence and
/// receipt; else <c>HTTP_nnn</c>, also for a body that is not JSON.
/// </summary>
internal static class CastAnswer
{
    /// <summary>
    /// Null for an acknowledged vote, with its <paramref name="sequence"/> and its receipt unescaped into
    /// <paramref name="receipt"/> (<paramref name="receiptLength"/> bytes; room for the body's length is always
    /// enough); else the error code.
    /// </summary>
    public static string? Read(int status, ReadOnlySpan<byte> body, Span<byte> receipt, out long sequence, out int receiptLength)
    {
        sequence = 0;
        receiptLength = -1;
        string? firstErrorCode = null;
        var hasErrors = false;
        var hasData = false;
        var hasSequence = false;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (body.IsEmpty || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Http(status);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("errors"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        hasErrors = true;
                        firstErrorCode = ReadErrorCode(ref reader);
                        SkipToEndOf(ref reader, JsonTokenType.EndArray);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    hasData = true;
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadData(ref reader, receipt, ref sequence, ref hasSequence, ref receiptLength);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            Console.Error.WriteLine($"Not JSON: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)])}");
            return Http(status);
        }

        if (hasErrors)
        {
            return firstErrorCode ?? "NO_CODE";
        }

        if (!hasData || status is < 200 or > 299)
        {
            return Http(status);
        }

        return receiptLength >= 0 && hasSequence ? null : "NO_RECEIPT";
    }

    /// <summary>At the first error (any value): its <c>extensions.code</c> when it is a string; the reader then stands on the error's last token.</summary>
    private static string? ReadErrorCode(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? code = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isExtensions = reader.ValueTextEquals("extensions"u8);
            reader.Read();
            if (isExtensions && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isCode = reader.ValueTextEquals("code"u8);
                    reader.Read();
                    if (isCode && reader.TokenType == JsonTokenType.String)
                    {
                        code = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return code;
    }

    /// <summary>At <c>data</c>'s start: <c>castVote.sequence</c> and <c>castVote.receipt</c>; the reader then stands on <c>data</c>'s end.</summary>
    private static void ReadData(ref Utf8JsonReader reader, Span<byte> receipt, ref long sequence, ref bool hasSequence, ref int receiptLength)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCastVote = reader.ValueTextEquals("castVote"u8);
            reader.Read();
            if (!isCastVote || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("sequence"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
                    {
                        sequence = value;
                        hasSequence = true;
                    }
                }
                else if (reader.ValueTextEquals("receipt"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        receiptLength = reader.CopyString(receipt);
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
    }

    /// <summary>Reads past the rest of the array the reader is in, to its end.</summary>
    private static void SkipToEndOf(ref Utf8JsonReader reader, JsonTokenType end)
    {
        while (reader.Read() && reader.TokenType != end)
        {
            reader.Skip();
        }
    }

    private static string Http(int status) => "HTTP_" + status;
}
