using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>Literals as graphql-js's <c>print</c> writes them in messages; the language printer does the work.</summary>
internal static class ValuePrinter
{
    public static string Print(ValueNode value) => Printer.Print(value);

    public static string PrintString(string value) => Printer.Print(new StringValueNode { Value = value });
}
