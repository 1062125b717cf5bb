using Voting.Domain.Common;

namespace Voting.Domain.Chat;

/// <summary>
/// The rules of a message's text. The text is stored exactly as sent: nothing is trimmed or
/// normalised, and clients render it as text, never as HTML, so markup needs no escaping here.
/// Length is counted in UTF-16 code units (<see cref="string.Length"/>), the unit JavaScript's
/// <c>length</c> counts too, so a browser's counter and the server agree; an emoji may count two.
/// </summary>
public static class MessageText
{
    public const int MaxLength = 4000;

    /// <summary>The maximum length of a client-chosen message ID.</summary>
    public const int MaxClientMessageIdLength = 64;

    /// <summary>Returns <paramref name="text"/> unchanged when it may be sent; throws INVALID_TEXT or MESSAGE_TOO_LONG otherwise.</summary>
    public static string Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException(ErrorCodes.InvalidText, "A message must contain something other than white space.");
        }

        if (text.Length > MaxLength)
        {
            throw new DomainException(ErrorCodes.MessageTooLong, $"A message is at most {MaxLength} characters (UTF-16 code units).");
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            {
                throw new DomainException(ErrorCodes.InvalidText, "A message must not contain control characters other than line breaks and tabs.");
            }

            // A lone surrogate is not text: it cannot be stored as UTF-8 nor shown.
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new DomainException(ErrorCodes.InvalidText, "A message must be valid Unicode text.");
            }
        }

        return text;
    }

    /// <summary>The client's ID for a message, which makes a retried send return the first message.</summary>
    public static string CheckClientMessageId(string? clientMessageId)
    {
        if (string.IsNullOrEmpty(clientMessageId) || clientMessageId.Length > MaxClientMessageIdLength
            || clientMessageId.Any(c => c is < '!' or > '~'))
        {
            throw DomainException.Validation($"A client message ID is 1 to {MaxClientMessageIdLength} printable ASCII characters without spaces.");
        }

        return clientMessageId;
    }
}
