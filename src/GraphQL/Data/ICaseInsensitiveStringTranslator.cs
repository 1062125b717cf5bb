using System.Linq.Expressions;

namespace Voting.GraphQL.Data;

/// <summary>
/// Turns the case-insensitive string operations of <c>[UseFiltering]</c> (<c>eqIgnoreCase</c>,
/// <c>containsIgnoreCase</c>, …) into an expression the query's LINQ provider understands: each
/// database compares without case in its own way (PostgreSQL <c>ILIKE</c>, SQLite <c>lower()</c>), and
/// LINQ to Objects needs a <see cref="StringComparison"/>. Registered in the request services; without
/// one, <see cref="OrdinalIgnoreCaseStringTranslator"/> applies.
/// </summary>
public interface ICaseInsensitiveStringTranslator
{
    /// <summary>
    /// A boolean expression: <paramref name="value"/> (a string the client gave, taken literally, with no
    /// wildcards) matches <paramref name="property"/> as <paramref name="match"/> says, ignoring case.
    /// </summary>
    /// <param name="property">The string property; the caller has already excluded null.</param>
    /// <param name="match">Equality, containment, prefix or suffix.</param>
    /// <param name="value">The client's operand; use <see cref="QueryParameter"/> so providers send it as a parameter.</param>
    Expression Translate(Expression property, StringMatch match, string value);
}
