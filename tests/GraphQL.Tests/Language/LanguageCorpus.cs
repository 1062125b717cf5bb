using System.Globalization;
using System.Text;

namespace Voting.GraphQL.Tests.Language;

/// <summary>
/// Documents for the differential and robustness tests: hand-written edge cases, documents generated from
/// the grammar, and valid documents mutated into invalid ones. Everything is seeded, so runs repeat.
/// </summary>
internal static class LanguageCorpus
{
    /// <summary>Edge cases of the lexer, the parser and the printer, each on its own.</summary>
    public static readonly string[] Written =
    [
        // Tokens and ignored tokens.
        "{ a }", "\uFEFF{ a }", "{ a, b,,, c }", "{ a }\r\n{ b }", "{ a }\r{ b }", "# only a comment", "{ a } # trailing comment",
        "{\n  # comment\n  a # another\n}", "{ a(x: 1, y: -1, z: 0, w: -0) }", "{ a(x: 1.5, y: -1.5e10, z: 0.0, w: 1E+3, v: 2e-3) }",
        "{ a(x: 00) }", "{ a(x: 01) }", "{ a(x: -) }", "{ a(x: 1.) }", "{ a(x: 1.e1) }", "{ a(x: 1e) }", "{ a(x: 1e+) }",
        "{ a(x: 1a) }", "{ a(x: 1.0a) }", "{ a(x: 0x1) }", "{ a(x: .5) }", "{ a(x: ..) }", "{ a(x: 1_000) }", "{ a(x: 1.2.3) }",
        "{ a(x: -a) }", "{ a(x: 1e5e) }", "{ a(x: 123456789012345678901234567890) }", "{ a(x: 'single') }", "{ a ~ }", "{ a \u0007 }",
        "{ a é }", "{ a 😀 }", "{ a ? }", "{ a . }", "{ a .. }", "{ ... on T { a } }", "{ a(x: $v) }",
        // Strings.
        "{ a(s: \"simple\") }", "{ a(s: \"\") }", "{ a(s: \"quote \\\" backslash \\\\ slash \\/ \\b \\f \\n \\r \\t\") }",
        "{ a(s: \"\\u0041\\u00e9\\u20AC\") }", "{ a(s: \"\\u{1F600} \\u{41} \\u{0}\") }", "{ a(s: \"\\uD83D\\uDE00\") }",
        "{ a(s: \"\\uD83D\") }", "{ a(s: \"\\uDE00\") }", "{ a(s: \"\\uD83D\\u0041\") }", "{ a(s: \"\\uD83Dx\") }", "{ a(s: \"\\u{110000}\") }",
        "{ a(s: \"\\u{}\") }", "{ a(s: \"\\u{D800}\") }", "{ a(s: \"\\u{FFFFFFFFF}\") }", "{ a(s: \"\\u{12345678}\") }", "{ a(s: \"\\u{1F600\") }",
        "{ a(s: \"\\u12\") }", "{ a(s: \"\\uXYZW\") }", "{ a(s: \"\\x\") }", "{ a(s: \"\\", "{ a(s: \"unterminated", "{ a(s: \"line\nbreak\") }",
        "{ a(s: \"line\rbreak\") }", "{ a(s: \"é 😀 control \u0001 \u007F \u0085\") }", "{ a(s: \"\\u00e9\\u0000\\u001F\\u007F\\u009F\\u00A0\") }",
        "{ a(s: \"\\u{é}\") }", "{ a(s: \"\\ué\") }",
        // Block strings.
        "{ a(s: \"\"\"block\"\"\") }", "{ a(s: \"\"\"\"\"\") }", "{ a(s: \"\"\"\n  indented\n    more\n  back\n\"\"\") }",
        "{ a(s: \"\"\"   first line kept\n      second\n    third\n\"\"\") }", "{ a(s: \"\"\"\n\n   \n  blank lines around\n  \n\n\"\"\") }",
        "{ a(s: \"\"\"escaped \\\"\"\" triple\"\"\") }", "{ a(s: \"\"\"ends with quote\"\"\"\") }", "{ a(s: \"\"\"ends with \\\"\"\") }",
        "{ a(s: \"\"\"\\n is not an escape\"\"\") }", "{ a(s: \"\"\"  leading spaces\"\"\") }", "{ a(s: \"\"\"\ta tab\"\"\") }",
        "{ a(s: \"\"\"crlf\r\n  lines\r\n  here\"\"\") }", "{ a(s: \"\"\"cr\r  lines\"\"\") }", "{ a(s: \"\"\"unterminated", "{ a(s: \"\"\"\"\"\"\"\") }",
        "{ a(s: \"\"\"a very long block string that goes well beyond the seventy characters graphql-js allows on one line\"\"\") }",
        "{ a(s: \"\"\"\n  first\n\n  after blank\n\"\"\") }", "{ a(s: \"\"\"line one\n  line two indented\"\"\") }",
        "{ a(s: \"\"\"\n    all\n    indented\n\"\"\") }", "{ a(s: \"\"\"\\\"\"\"\"\"\") }", "{ a(s: \"\"\"é 😀 \u0001\"\"\") }",
        "\"\"\"\nDescription\n\"\"\"\nquery Q { a }", "\"\"\"  spaced\"\"\" type T { a: Int }",
        // Parser errors.
        "", "   ", "{", "}", "{ }", "{}", "{ a", "{ a(", "{ a(x", "{ a(x:", "{ a(x: 1", "{ a(x: 1 }", "{ a(x: 1)", "{ a { } }", "{ a: }",
        "{ a: b: c }", "{ ... }", "{ ...on }", "{ ... on }", "{ ... on T }", "{ ...F @ }", "{ a @ }", "{ a @d( }", "{ a @d(x: ) }",
        "query", "query Q", "query Q(", "query Q()", "query Q($) { a }", "query Q($v) { a }", "query Q($v:) { a }", "query Q($v: Int =) { a }",
        "query Q($v: Int = $w) { a }", "query Q($v: Int = [$w]) { a }", "query Q($v: Int = {a: $w}) { a }", "query Q($v: [Int) { a }",
        "query Q($v: Int!!) { a }", "query Q($v: Int @d(x: $w)) { a }", "query Q $v { a }", "mutation { a }", "subscription S { a }",
        "fragment", "fragment F", "fragment F on", "fragment on on T { a }", "fragment F on T", "fragment F T { a }", "fragment \"on\" on T { a }",
        "notAnOperation { a }", "extend", "extend type", "extend type T", "extend schema", "extend foo T",
        "\"d\"", "\"d\" { a }", "\"d\" extend type T @d", "\"d\" \"e\" type T", "\"d\" 1", "\"\"\"d\"\"\" query { a }",
        "{ a(x: {b: 1, c: [1, {d: $e}], f: {}}) }", "{ a(x: [[[[1]]]]) }", "{ a(x: {a: {a: {a: {a: 1}}}}) }", "{ a(x: [) }", "{ a(x: {b}) }",
        "{ a(x: {b: }) }", "{ a(x: true, y: false, z: null, w: ENUM_VALUE) }", "query Q($v: Int = 1 @d) @q { a(x: $v) @f { b } }",
        "{ a(x: \"s\" y: 2) }", "{ a(x: 1) (y: 2) }", "{ a } { b }", "query A { a } query B { b } fragment F on T { c }",
        // Type system.
        "schema { query: Q }", "schema { nonsense: Q }", "schema {}", "schema @d", "schema @d { query: Q mutation: M subscription: S }",
        "scalar S", "scalar S @d(x: 1)", "scalar", "type T", "type T {}", "type T { }", "type T { a }", "type T { a: }", "type T { a: Int }",
        "type T implements I", "type T implements & I & J { a: Int }", "type T implements I J { a: Int }", "type T implements { a: Int }",
        "type T implements I & { a: Int }", "type T @d implements I { a: Int }", "type T { a(x: Int = $v): Int }",
        "type T { a(\"desc\" x: Int, y: [String!]! = [\"a\"] @d): Int }", "type T { \"desc\" a: Int \"\"\"block\"\"\" b(x: Int): [T!]! @d }",
        "interface I implements J & K { a: Int }", "interface I", "interface I @d", "union U", "union U =", "union U = A", "union U = | A | B",
        "union U = A | | B", "union U @d = A | B", "union U = A B", "enum E", "enum E {}", "enum E { A B C }", "enum E { true }", "enum E { false }",
        "enum E { null }", "enum E { \"d\" A @d \"\"\"e\"\"\" B }", "enum E { \"true\" }", "enum E { 1 }", "input I", "input I { a: Int = 1 @d b: [I!] }",
        "input I { a(x: Int): Int }", "directive @d on FIELD", "directive @d(x: Int) repeatable on FIELD | QUERY", "directive @d on | FIELD | QUERY",
        "directive @d on FIELD |", "directive @d on NOT_A_LOCATION", "directive @d FIELD", "directive d on FIELD", "directive @d repeatable FIELD",
        "\"desc\" directive @d(\"arg desc\" x: Int = 1) on FIELD_DEFINITION | ARGUMENT_DEFINITION",
        "extend schema @d", "extend schema { query: Q }", "extend scalar S @d", "extend scalar S", "extend type T implements I",
        "extend type T @d", "extend type T { a: Int }", "extend interface I implements J", "extend interface I { a: Int }",
        "extend union U = A", "extend union U @d", "extend enum E { A }", "extend enum E @d", "extend input I { a: Int }", "extend input I @d",
        "type T { a: Int } extend type T { b: Int } schema { query: T }",
        // Printer layout: long argument lists, lists and objects wrap past 80 columns.
        "{ a(first: 10, after: \"cursor-abcdefghijklmnopqrstuvwxyz\", orderBy: {field: CREATED_AT, direction: DESC}) { b } }",
        "{ a(x: [\"one two three four\", \"five six seven eight\", \"nine ten eleven twelve\", \"thirteen\"]) }",
        "{ a(x: {one: \"one two three four\", two: \"five six seven eight\", three: \"nine ten eleven twelve\"}) }",
        "{ a(x: {one: {two: {three: [\"nine ten eleven twelve\", \"nine ten eleven twelve\", \"nine ten eleven twelve\"]}}}) }",
        "{ a(x: \"\"\"block\n  string\"\"\", y: 1) }", "{ a @d(x: \"a very long directive argument that does not wrap because directives never do\", y: 2) }",
        "query Q(\"first\" $a: Int, $b: String) { a }", "query Q(\"\"\"multi\nline\"\"\" $a: Int = 1 @d) { a }",
        "type T { f(\"d\" a: Int, b: Int): Int }", "type T { f(a: Int = \"\"\"x\ny\"\"\"): Int }", "directive @d(\"desc\" a: Int) on FIELD",
        "{ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb(cccccccc: 1) }",
        "{ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb(ccccccc: 1) }",
        "{ a(x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]) }",
        "{ a(x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26]) }",
        "{ a(x: []) { b(y: {}) } }", "type T { \"\"\"\n  Indented\n    description\n\"\"\"\n  a: Int }",
        "\"\"\"trailing backslash \\\"\"\" type T { a: Int }", "\"desc \\\\\" type T { a: Int }",
    ];

    public static IEnumerable<string> All(int generated, int mutated, int seed)
    {
        foreach (var document in Written)
        {
            yield return document;
        }

        yield return ParserTests.KitchenSinkQuery;
        yield return ParserTests.KitchenSinkSchema;

        var random = new Random(seed);
        for (int i = 0; i < generated; i++)
        {
            yield return i % 3 == 2 ? new Generator(random).Schema() : new Generator(random).Query();
        }

        string[] sources = [ParserTests.KitchenSinkQuery, ParserTests.KitchenSinkSchema, new Generator(random).Query(), new Generator(random).Schema()];
        for (int i = 0; i < mutated; i++)
        {
            yield return Mutate(sources[i % sources.Length], random);
        }
    }

    private const string Alphabet = "{}()[]:!$@&|=.,\"\\#\n\r\t -+eE0123456789abcxyz_'ÿé😀";

    /// <summary>One to three edits of a valid document: a character replaced, inserted or deleted, or the end cut off.</summary>
    public static string Mutate(string source, Random random)
    {
        var text = new StringBuilder(source);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && text.Length > 0; e++)
        {
            int position = random.Next(text.Length);
            if (char.IsLowSurrogate(text[position]))
            {
                position--;
            }

            string replacement = RandomCharacter(random);
            int removeLength = char.IsHighSurrogate(text[position]) ? 2 : 1;
            switch (random.Next(4))
            {
                case 0:
                    text.Remove(position, removeLength).Insert(position, replacement);
                    break;
                case 1:
                    text.Insert(position, replacement);
                    break;
                case 2:
                    text.Remove(position, removeLength);
                    break;
                default:
                    text.Length = position;
                    break;
            }
        }

        return text.ToString();
    }

    private static string RandomCharacter(Random random)
    {
        var elements = StringInfo.GetTextElementEnumerator(Alphabet);
        var all = new List<string>();
        while (elements.MoveNext())
        {
            all.Add(elements.GetTextElement());
        }

        return all[random.Next(all.Count)];
    }

    /// <summary>Random documents from the grammar, with values long and nested enough to exercise the printer's layout rules.</summary>
    private sealed class Generator(Random random)
    {
        private readonly StringBuilder _text = new();

        private string Name() => random.Next(6) switch
        {
            0 => "id",
            1 => "name",
            2 => "on",
            3 => "query",
            4 => "longFieldName" + random.Next(100),
            _ => "f" + random.Next(10),
        };

        public string Query()
        {
            if (random.Next(3) == 0)
            {
                _text.Append(random.Next(2) == 0 ? "\"Operation description\"\n" : "\"\"\"\n  Block\n  description\n\"\"\"\n");
            }

            _text.Append(random.Next(3) switch { 0 => "query", 1 => "mutation", _ => "subscription" });
            if (random.Next(2) == 0)
            {
                _text.Append(" Op").Append(random.Next(100));
            }

            if (random.Next(2) == 0)
            {
                _text.Append('(');
                int count = random.Next(1, 4);
                for (int i = 0; i < count; i++)
                {
                    if (random.Next(3) == 0)
                    {
                        _text.Append("\"var desc\" ");
                    }

                    _text.Append("$v").Append(i).Append(": ").Append(Type());
                    if (random.Next(2) == 0)
                    {
                        _text.Append(" = ");
                        Value(2, isConst: true);
                    }

                    Directives(isConst: true);
                    _text.Append(i + 1 < count ? ", " : "");
                }

                _text.Append(')');
            }

            Directives(isConst: false);
            SelectionSet(0);
            if (random.Next(2) == 0)
            {
                _text.Append("\n\n").Append(random.Next(2) == 0 ? "\"Fragment description\" " : "").Append("fragment Frag on T");
                Directives(isConst: false);
                SelectionSet(1);
            }

            return _text.ToString();
        }

        public string Schema()
        {
            int definitions = random.Next(1, 4);
            for (int d = 0; d < definitions; d++)
            {
                Description();
                switch (random.Next(6))
                {
                    case 0:
                        _text.Append("type T").Append(d);
                        if (random.Next(2) == 0)
                        {
                            _text.Append(" implements ").Append(random.Next(2) == 0 ? "& " : "").Append("A & B");
                        }

                        Directives(isConst: true);
                        Fields();
                        break;
                    case 1:
                        _text.Append("input I").Append(d);
                        Directives(isConst: true);
                        _text.Append(" {\n");
                        InputValue();
                        _text.Append('\n');
                        InputValue();
                        _text.Append("\n}");
                        break;
                    case 2:
                        _text.Append("enum E").Append(d).Append(" {\n");
                        Description();
                        _text.Append("A");
                        Directives(isConst: true);
                        _text.Append("\nB\n}");
                        break;
                    case 3:
                        _text.Append("union U").Append(d).Append(" = ").Append(random.Next(2) == 0 ? "| " : "").Append("A | B");
                        break;
                    case 4:
                        _text.Append("directive @d").Append(d).Append('(');
                        InputValue();
                        _text.Append(')').Append(random.Next(2) == 0 ? " repeatable" : "").Append(" on FIELD | OBJECT");
                        break;
                    default:
                        _text.Append("interface I").Append(d).Append(" implements A");
                        Fields();
                        break;
                }

                _text.Append("\n\n");
            }

            return _text.ToString();
        }

        private void Description()
        {
            switch (random.Next(4))
            {
                case 0:
                    _text.Append("\"A description with \\\"quotes\\\" and é\"\n");
                    break;
                case 1:
                    _text.Append("\"\"\"\n  A block description\n    indented more\n\"\"\"\n");
                    break;
            }
        }

        private void Fields()
        {
            _text.Append(" {\n");
            int count = random.Next(1, 4);
            for (int i = 0; i < count; i++)
            {
                Description();
                _text.Append(Name());
                if (random.Next(2) == 0)
                {
                    _text.Append('(');
                    InputValue();
                    if (random.Next(2) == 0)
                    {
                        _text.Append(", ");
                        InputValue();
                    }

                    _text.Append(')');
                }

                _text.Append(": ").Append(Type());
                Directives(isConst: true);
                _text.Append('\n');
            }

            _text.Append('}');
        }

        private void InputValue()
        {
            Description();
            _text.Append(Name()).Append(": ").Append(Type());
            if (random.Next(3) == 0)
            {
                _text.Append(" = ");
                Value(2, isConst: true);
            }

            Directives(isConst: true);
        }

        private string Type() => random.Next(5) switch
        {
            0 => "[String!]!",
            1 => "Int!",
            2 => "[[ID]]",
            3 => "Custom",
            _ => "Boolean",
        };

        private void SelectionSet(int depth)
        {
            _text.Append(" {\n");
            int count = random.Next(1, 4);
            for (int i = 0; i < count; i++)
            {
                int kind = depth < 3 ? random.Next(6) : 0;
                if (kind == 4)
                {
                    _text.Append("...").Append(random.Next(2) == 0 ? " on T" : "");
                    Directives(isConst: false);
                    SelectionSet(depth + 1);
                }
                else if (kind == 5)
                {
                    _text.Append("...Frag");
                    Directives(isConst: false);
                }
                else
                {
                    if (random.Next(3) == 0)
                    {
                        _text.Append("alias").Append(i).Append(": ");
                    }

                    _text.Append(Name());
                    if (random.Next(2) == 0)
                    {
                        _text.Append('(');
                        int arguments = random.Next(1, 5);
                        for (int a = 0; a < arguments; a++)
                        {
                            _text.Append(a == 0 ? "" : ", ").Append(Name()).Append(": ");
                            Value(3, isConst: false);
                        }

                        _text.Append(')');
                    }

                    Directives(isConst: false);
                    if (kind is 1 or 2)
                    {
                        SelectionSet(depth + 1);
                    }
                }

                _text.Append('\n');
            }

            _text.Append('}');
        }

        private void Directives(bool isConst)
        {
            while (random.Next(4) == 0)
            {
                _text.Append(" @").Append(random.Next(2) == 0 ? "include" : "dir");
                if (random.Next(2) == 0)
                {
                    _text.Append("(if: ");
                    Value(1, isConst);
                    _text.Append(')');
                }
            }
        }

        private void Value(int depth, bool isConst)
        {
            int kind = random.Next(depth > 0 ? 11 : 9);
            switch (kind)
            {
                case 0:
                    _text.Append(random.Next(-1000, 100000));
                    break;
                case 1:
                    _text.Append(random.Next(2) == 0 ? "1.5" : "-2.25e-10");
                    break;
                case 2:
                    _text.Append('"').Append(new string('x', random.Next(0, 40))).Append(random.Next(2) == 0 ? "\\n\\u00e9\\t\\\"" : "").Append('"');
                    break;
                case 3:
                    _text.Append("\"\"\"").Append(random.Next(2) == 0 ? "block" : "\n    multi\n      line\n").Append("\"\"\"");
                    break;
                case 4:
                    _text.Append(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" });
                    break;
                case 5:
                    _text.Append("ENUM_").Append(random.Next(10));
                    break;
                case 6 or 7 or 8:
                    if (isConst)
                    {
                        _text.Append(random.Next(1000));
                    }
                    else
                    {
                        _text.Append("$v").Append(random.Next(3));
                    }

                    break;
                case 9:
                {
                    _text.Append('[');
                    int count = random.Next(0, 8);
                    for (int i = 0; i < count; i++)
                    {
                        _text.Append(i == 0 ? "" : ", ");
                        Value(depth - 1, isConst);
                    }

                    _text.Append(']');
                    break;
                }

                default:
                {
                    _text.Append('{');
                    int count = random.Next(0, 6);
                    for (int i = 0; i < count; i++)
                    {
                        _text.Append(i == 0 ? "" : ", ").Append("key").Append(i).Append(": ");
                        Value(depth - 1, isConst);
                    }

                    _text.Append('}');
                    break;
                }
            }
        }
    }
}
