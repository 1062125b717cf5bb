namespace Voting.GraphQL.Data;

/// <summary>What a case-insensitive string filter operation asks of a value (see <see cref="ICaseInsensitiveStringTranslator"/>).</summary>
public enum StringMatch
{
    /// <summary>The whole value equals the operand.</summary>
    Equals,

    /// <summary>The value contains the operand.</summary>
    Contains,

    /// <summary>The value starts with the operand.</summary>
    StartsWith,

    /// <summary>The value ends with the operand.</summary>
    EndsWith,
}
