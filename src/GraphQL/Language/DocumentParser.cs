using System.Runtime.CompilerServices;
using System.Text;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Language;

/// <summary>
/// Recursive descent over the syntactic grammar (spec sections 2 and 3, appendix B), one method per
/// production. It follows graphql-js's parser in where it looks ahead and which token it blames, so that
/// error messages and locations are those clients already get from the reference implementation.
/// </summary>
internal ref struct DocumentParser
{
    private readonly ParserOptions _options;
    private readonly NameTable _names;
    private readonly NodeStack _nodes;
    private Lexer _lexer;
    private int _tokenCount;
    private int _depth;

    public DocumentParser(ReadOnlySpan<byte> source, ParserOptions options)
    {
        _options = options;
        if (source.Length > options.MaxDocumentBytes)
        {
            throw GraphQLSyntaxException.At(source, options.MaxDocumentBytes, $"Document contains more than {options.MaxDocumentBytes} bytes. Parsing aborted.");
        }

        _lexer = new Lexer(source);
        _names = NameTable.Rent();
        _nodes = NodeStack.Rent();
    }

    /// <summary>Gives the thread's scratch buffers back for the next parse.</summary>
    public readonly void Release()
    {
        NodeStack.Return(_nodes);
        NameTable.Return(_names);
    }

    /// <summary>Document: Definition+ (spec 2.2).</summary>
    public DocumentNode ParseDocument()
    {
        var start = new Position(0, 1, 1);
        ExpectToken(TokenKind.StartOfFile);
        var definitions = _nodes.Mark;
        do
        {
            _nodes.Push(ParseDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.EndOfFile));

        return new DocumentNode { Definitions = _nodes.PopAll<DefinitionNode>(definitions), Location = Loc(start) };
    }

    /// <summary>A whole source holding one value, as graphql-js's parseValue.</summary>
    public ValueNode ParseWholeValue()
    {
        ExpectToken(TokenKind.StartOfFile);
        var value = ParseValueLiteral(isConst: false);
        ExpectToken(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>A whole source holding one type reference, as graphql-js's parseType.</summary>
    public TypeNode ParseWholeType()
    {
        ExpectToken(TokenKind.StartOfFile);
        var type = ParseTypeReference();
        ExpectToken(TokenKind.EndOfFile);
        return type;
    }

    // --- Definitions ------------------------------------------------------------------

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }

        // A description belongs to the definition after it, so the keyword to dispatch on may be one token ahead.
        bool hasDescription = PeekDescription();
        var keyword = _lexer;
        if (hasDescription)
        {
            keyword.Advance();
        }

        if (hasDescription && keyword.Kind == TokenKind.BraceL)
        {
            throw Error(_lexer.Start, "Unexpected description, descriptions are not supported on shorthand queries.");
        }

        if (keyword.Kind == TokenKind.Name)
        {
            var word = keyword.Span;
            if (word.SequenceEqual("schema"u8))
            {
                return ParseSchemaDefinition();
            }

            if (word.SequenceEqual("scalar"u8))
            {
                return ParseScalarTypeDefinition();
            }

            if (word.SequenceEqual("type"u8))
            {
                return ParseObjectTypeDefinition();
            }

            if (word.SequenceEqual("interface"u8))
            {
                return ParseInterfaceTypeDefinition();
            }

            if (word.SequenceEqual("union"u8))
            {
                return ParseUnionTypeDefinition();
            }

            if (word.SequenceEqual("enum"u8))
            {
                return ParseEnumTypeDefinition();
            }

            if (word.SequenceEqual("input"u8))
            {
                return ParseInputObjectTypeDefinition();
            }

            if (word.SequenceEqual("directive"u8))
            {
                return ParseDirectiveDefinition();
            }

            if (word.SequenceEqual("query"u8) || word.SequenceEqual("mutation"u8) || word.SequenceEqual("subscription"u8))
            {
                return ParseOperationDefinition();
            }

            if (word.SequenceEqual("fragment"u8))
            {
                return ParseFragmentDefinition();
            }

            if (hasDescription)
            {
                throw Error(_lexer.Start, "Unexpected description, only GraphQL definitions support descriptions.");
            }

            if (word.SequenceEqual("extend"u8))
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Error(keyword.Start, $"Unexpected {keyword.Describe()}.");
    }

    /// <summary>OperationDefinition: Description? OperationType Name? VariablesDefinition? Directives? SelectionSet | SelectionSet.</summary>
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = Mark();
        if (Peek(TokenKind.BraceL))
        {
            return new OperationDefinitionNode { Operation = OperationType.Query, SelectionSet = ParseSelectionSet(), Location = Loc(start) };
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variableDefinitions = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new OperationDefinitionNode
        {
            Description = description,
            Operation = operation,
            Name = name,
            VariableDefinitions = variableDefinitions,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    private OperationType ParseOperationType()
    {
        int start = _lexer.Start;
        if (_lexer.Kind != TokenKind.Name)
        {
            throw ExpectedError(TokenKind.Name);
        }

        var word = _lexer.Span;
        OperationType? operation =
            word.SequenceEqual("query"u8) ? OperationType.Query
            : word.SequenceEqual("mutation"u8) ? OperationType.Mutation
            : word.SequenceEqual("subscription"u8) ? OperationType.Subscription
            : null;
        string description = _lexer.Describe();
        Advance();
        return operation ?? throw Error(start, $"Unexpected {description}.");
    }

    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!ExpectOptionalToken(TokenKind.ParenL))
        {
            return [];
        }

        var definitions = _nodes.Mark;
        do
        {
            _nodes.Push(ParseVariableDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));
        return _nodes.PopAll<VariableDefinitionNode>(definitions);
    }

    /// <summary>VariableDefinition: Description? Variable : Type DefaultValue? Directives[Const]?</summary>
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        var variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode
        {
            Description = description,
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = Loc(start),
        };
    }

    private VariableNode ParseVariable()
    {
        var start = Mark();
        ExpectToken(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode { Name = name, Location = Loc(start) };
    }

    /// <summary>SelectionSet: { Selection+ }</summary>
    private SelectionSetNode ParseSelectionSet()
    {
        Enter();
        var start = Mark();
        ExpectToken(TokenKind.BraceL);
        var selections = _nodes.Mark;
        do
        {
            _nodes.Push(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));
        Leave();
        return new SelectionSetNode { Selections = _nodes.PopAll<SelectionNode>(selections), Location = Loc(start) };
    }

    /// <summary>Field: Alias? Name Arguments? Directives? SelectionSet?</summary>
    private FieldNode ParseField()
    {
        var start = Mark();
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        var name = nameOrAlias;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = arguments,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptionalToken(TokenKind.ParenL))
        {
            return [];
        }

        var arguments = _nodes.Mark;
        do
        {
            var start = Mark();
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            _nodes.Push(new ArgumentNode { Name = name, Value = value, Location = Loc(start) });
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));
        return _nodes.PopAll<ArgumentNode>(arguments);
    }

    /// <summary>FragmentSpread: ... FragmentName Directives? | InlineFragment: ... TypeCondition? Directives? SelectionSet</summary>
    private SelectionNode ParseFragment()
    {
        var start = Mark();
        ExpectToken(TokenKind.Spread);
        bool hasTypeCondition = ExpectOptionalKeyword("on"u8);
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode { Name = name, Directives = spreadDirectives, Location = Loc(start) };
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode { TypeCondition = typeCondition, Directives = directives, SelectionSet = selectionSet, Location = Loc(start) };
    }

    /// <summary>FragmentDefinition: Description? fragment FragmentName TypeCondition Directives? SelectionSet</summary>
    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        ExpectKeyword("fragment"u8);
        var name = ParseFragmentName();
        ExpectKeyword("on"u8);
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode
        {
            Description = description,
            Name = name,
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    /// <summary>FragmentName: Name but not on.</summary>
    private NameNode ParseFragmentName()
    {
        if (_lexer.HasValue("on"))
        {
            throw UnexpectedError();
        }

        return ParseName();
    }

    // --- Values -------------------------------------------------------------------------

    /// <summary>Value[Const]: a variable only where the value need not be constant.</summary>
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var start = Mark();
        switch (_lexer.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
            {
                string value = Encoding.ASCII.GetString(_lexer.Span);
                Advance();
                return new IntValueNode { Value = value, Location = Loc(start) };
            }

            case TokenKind.Float:
            {
                string value = Encoding.ASCII.GetString(_lexer.Span);
                Advance();
                return new FloatValueNode { Value = value, Location = Loc(start) };
            }

            case TokenKind.String or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
            {
                var word = _lexer.Span;
                if (word.SequenceEqual("true"u8) || word.SequenceEqual("false"u8))
                {
                    bool value = word.Length == 4;
                    Advance();
                    return new BooleanValueNode { Value = value, Location = Loc(start) };
                }

                if (word.SequenceEqual("null"u8))
                {
                    Advance();
                    return new NullValueNode { Location = Loc(start) };
                }

                string name = _names.Get(word);
                Advance();
                return new EnumValueNode { Value = name, Location = Loc(start) };
            }

            case TokenKind.Dollar when isConst:
            {
                Advance();
                if (_lexer.Kind == TokenKind.Name)
                {
                    throw Error(start.Start, $"Unexpected variable \"${_lexer.Value}\" in constant value.");
                }

                throw Error(start.Start, $"Unexpected {TokenKind.Dollar.Describe()}.");
            }

            case TokenKind.Dollar:
                return ParseVariable();
            default:
                throw UnexpectedError();
        }
    }

    private ListValueNode ParseList(bool isConst)
    {
        Enter();
        var start = Mark();
        ExpectToken(TokenKind.BracketL);
        var values = _nodes.Mark;
        while (!ExpectOptionalToken(TokenKind.BracketR))
        {
            _nodes.Push(ParseValueLiteral(isConst));
        }

        Leave();
        return new ListValueNode { Values = _nodes.PopAll<ValueNode>(values), Location = Loc(start) };
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        Enter();
        var start = Mark();
        ExpectToken(TokenKind.BraceL);
        var fields = _nodes.Mark;
        while (!ExpectOptionalToken(TokenKind.BraceR))
        {
            var fieldStart = Mark();
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            _nodes.Push(new ObjectFieldNode { Name = name, Value = value, Location = Loc(fieldStart) });
        }

        Leave();
        return new ObjectValueNode { Fields = _nodes.PopAll<ObjectFieldNode>(fields), Location = Loc(start) };
    }

    private StringValueNode ParseStringLiteral()
    {
        var start = Mark();
        string value = _lexer.StringValue!;
        bool block = _lexer.Kind == TokenKind.BlockString;
        Advance();
        return new StringValueNode { Value = value, Block = block, Location = Loc(start) };
    }

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var directives = _nodes.Mark;
        while (Peek(TokenKind.At))
        {
            var start = Mark();
            Advance();
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            _nodes.Push(new DirectiveNode { Name = name, Arguments = arguments, Location = Loc(start) });
        }

        return _nodes.PopAll<DirectiveNode>(directives);
    }

    // --- Types --------------------------------------------------------------------------

    /// <summary>Type: NamedType | ListType | NonNullType, where a non-null type wraps one of the other two only.</summary>
    private TypeNode ParseTypeReference()
    {
        var start = Mark();
        TypeNode type;
        if (Peek(TokenKind.BracketL))
        {
            Enter();
            Advance();
            var itemType = ParseTypeReference();
            ExpectToken(TokenKind.BracketR);
            Leave();
            type = new ListTypeNode { Type = itemType, Location = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        if (ExpectOptionalToken(TokenKind.Bang))
        {
            return new NonNullTypeNode { Type = type, Location = Loc(start) };
        }

        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = Mark();
        var name = ParseName();
        return new NamedTypeNode { Name = name, Location = Loc(start) };
    }

    private NameNode ParseName()
    {
        if (_lexer.Kind != TokenKind.Name)
        {
            throw ExpectedError(TokenKind.Name);
        }

        var start = Mark();
        string value = _names.Get(_lexer.Span);
        Advance();
        return new NameNode { Value = value, Location = Loc(start) };
    }

    // --- Type system definitions ------------------------------------------------------------

    private readonly bool PeekDescription() => _lexer.Kind is TokenKind.String or TokenKind.BlockString;

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    /// <summary>SchemaDefinition: Description? schema Directives[Const]? { RootOperationTypeDefinition+ }</summary>
    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        ExpectKeyword("schema"u8);
        var directives = ParseDirectives(isConst: true);
        ExpectToken(TokenKind.BraceL);
        var operationTypes = _nodes.Mark;
        do
        {
            _nodes.Push(ParseOperationTypeDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));
        return new SchemaDefinitionNode { Description = description, Directives = directives, OperationTypes = _nodes.PopAll<OperationTypeDefinitionNode>(operationTypes), Location = Loc(start) };
    }

    private OperationTypeDefinitionNode[]? ParseOptionalOperationTypes()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL))
        {
            return null;
        }

        var operationTypes = _nodes.Mark;
        do
        {
            _nodes.Push(ParseOperationTypeDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));
        return _nodes.PopAll<OperationTypeDefinitionNode>(operationTypes);
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = Mark();
        var operation = ParseOperationType();
        ExpectToken(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode { Operation = operation, Type = type, Location = Loc(start) };
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        ExpectKeyword("scalar"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode { Description = description, Name = name, Directives = directives, Location = Loc(start) };
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        ExpectKeyword("type"u8);
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = OrEmpty(interfaces),
            Directives = directives,
            Fields = OrEmpty(fields),
            Location = Loc(start),
        };
    }

    /// <summary>ImplementsInterfaces: implements &amp;? NamedType (&amp; NamedType)*; null when absent, so extensions can tell.</summary>
    private NamedTypeNode[]? ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements"u8) ? ParseDelimitedNamedTypes(TokenKind.Amp) : null;

    /// <summary>A list with an optional leading delimiter, as in implements lists and union members.</summary>
    private NamedTypeNode[] ParseDelimitedNamedTypes(TokenKind delimiter)
    {
        ExpectOptionalToken(delimiter);
        var types = _nodes.Mark;
        do
        {
            _nodes.Push(ParseNamedType());
        }
        while (ExpectOptionalToken(delimiter));
        return _nodes.PopAll<NamedTypeNode>(types);
    }

    private FieldDefinitionNode[]? ParseFieldsDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL))
        {
            return null;
        }

        var fields = _nodes.Mark;
        do
        {
            _nodes.Push(ParseFieldDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));
        return _nodes.PopAll<FieldDefinitionNode>(fields);
    }

    /// <summary>FieldDefinition: Description? Name ArgumentsDefinition? : Type Directives[Const]?</summary>
    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseInputValueDefinitions(TokenKind.ParenL, TokenKind.ParenR);
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = OrEmpty(arguments),
            Type = type,
            Directives = directives,
            Location = Loc(start),
        };
    }

    /// <summary>ArgumentsDefinition ( ... ) and InputFieldsDefinition { ... }; null when absent.</summary>
    private InputValueDefinitionNode[]? ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        if (!ExpectOptionalToken(open))
        {
            return null;
        }

        var definitions = _nodes.Mark;
        do
        {
            _nodes.Push(ParseInputValueDefinition());
        }
        while (!ExpectOptionalToken(close));
        return _nodes.PopAll<InputValueDefinitionNode>(definitions);
    }

    /// <summary>InputValueDefinition: Description? Name : Type DefaultValue? Directives[Const]?</summary>
    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode
        {
            Description = description,
            Name = name,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = Loc(start),
        };
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        ExpectKeyword("interface"u8);
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = OrEmpty(interfaces),
            Directives = directives,
            Fields = OrEmpty(fields),
            Location = Loc(start),
        };
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        ExpectKeyword("union"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode { Description = description, Name = name, Directives = directives, Types = OrEmpty(types), Location = Loc(start) };
    }

    /// <summary>UnionMemberTypes: = |? NamedType (| NamedType)*; null when absent.</summary>
    private NamedTypeNode[]? ParseUnionMemberTypes() =>
        ExpectOptionalToken(TokenKind.Equals) ? ParseDelimitedNamedTypes(TokenKind.Pipe) : null;

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        ExpectKeyword("enum"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        return new EnumTypeDefinitionNode { Description = description, Name = name, Directives = directives, Values = OrEmpty(values), Location = Loc(start) };
    }

    private EnumValueDefinitionNode[]? ParseEnumValuesDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL))
        {
            return null;
        }

        var values = _nodes.Mark;
        do
        {
            var start = Mark();
            var description = ParseDescription();
            var name = ParseEnumValueName();
            var directives = ParseDirectives(isConst: true);
            _nodes.Push(new EnumValueDefinitionNode { Description = description, Name = name, Directives = directives, Location = Loc(start) });
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));
        return _nodes.PopAll<EnumValueDefinitionNode>(values);
    }

    /// <summary>EnumValue: Name but not true, false or null.</summary>
    private NameNode ParseEnumValueName()
    {
        if (_lexer.HasValue("true") || _lexer.HasValue("false") || _lexer.HasValue("null"))
        {
            throw Error(_lexer.Start, $"{_lexer.Describe()} is reserved and cannot be used for an enum value.");
        }

        return ParseName();
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        ExpectKeyword("input"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        return new InputObjectTypeDefinitionNode { Description = description, Name = name, Directives = directives, Fields = OrEmpty(fields), Location = Loc(start) };
    }

    /// <summary>DirectiveDefinition: Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations</summary>
    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = Mark();
        var description = ParseDescription();
        ExpectKeyword("directive"u8);
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseInputValueDefinitions(TokenKind.ParenL, TokenKind.ParenR);
        bool repeatable = ExpectOptionalKeyword("repeatable"u8);
        ExpectKeyword("on"u8);
        ExpectOptionalToken(TokenKind.Pipe);
        var locations = _nodes.Mark;
        do
        {
            int locationStart = _lexer.Start;
            var location = ParseName();
            if (!DirectiveLocations.Contains(location.Value))
            {
                throw Error(locationStart, $"Unexpected Name \"{location.Value}\".");
            }

            _nodes.Push(location);
        }
        while (ExpectOptionalToken(TokenKind.Pipe));
        return new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = OrEmpty(arguments),
            Repeatable = repeatable,
            Locations = _nodes.PopAll<NameNode>(locations),
            Location = Loc(start),
        };
    }

    /// <summary>ExecutableDirectiveLocation and TypeSystemDirectiveLocation (spec 3.13).</summary>
    private static readonly HashSet<string> DirectiveLocations =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    // --- Type system extensions ---------------------------------------------------------------

    private DefinitionNode ParseTypeSystemExtension()
    {
        var keyword = _lexer;
        keyword.Advance();
        if (keyword.Kind == TokenKind.Name)
        {
            var word = keyword.Span;
            if (word.SequenceEqual("schema"u8))
            {
                return ParseSchemaExtension();
            }

            if (word.SequenceEqual("scalar"u8))
            {
                return ParseScalarTypeExtension();
            }

            if (word.SequenceEqual("type"u8))
            {
                return ParseObjectTypeExtension();
            }

            if (word.SequenceEqual("interface"u8))
            {
                return ParseInterfaceTypeExtension();
            }

            if (word.SequenceEqual("union"u8))
            {
                return ParseUnionTypeExtension();
            }

            if (word.SequenceEqual("enum"u8))
            {
                return ParseEnumTypeExtension();
            }

            if (word.SequenceEqual("input"u8))
            {
                return ParseInputObjectTypeExtension();
            }
        }

        throw Error(keyword.Start, $"Unexpected {keyword.Describe()}.");
    }

    /// <summary>An extension must add something: the spec's grammar has no production for "extend type X" alone.</summary>
    private readonly void RequireSomething(bool addsSomething)
    {
        if (!addsSomething)
        {
            throw UnexpectedError();
        }
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = Mark();
        ExpectKeyword("extend"u8);
        ExpectKeyword("schema"u8);
        var directives = ParseDirectives(isConst: true);
        var operationTypes = ParseOptionalOperationTypes();
        RequireSomething(directives.Count > 0 || operationTypes is not null);
        return new SchemaExtensionNode { Directives = directives, OperationTypes = OrEmpty(operationTypes), Location = Loc(start) };
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = Mark();
        ExpectKeyword("extend"u8);
        ExpectKeyword("scalar"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        RequireSomething(directives.Count > 0);
        return new ScalarTypeExtensionNode { Name = name, Directives = directives, Location = Loc(start) };
    }

    private ObjectTypeExtensionNode ParseObjectTypeExtension()
    {
        var start = Mark();
        ExpectKeyword("extend"u8);
        ExpectKeyword("type"u8);
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        RequireSomething(interfaces is not null || directives.Count > 0 || fields is not null);
        return new ObjectTypeExtensionNode { Name = name, Interfaces = OrEmpty(interfaces), Directives = directives, Fields = OrEmpty(fields), Location = Loc(start) };
    }

    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension()
    {
        var start = Mark();
        ExpectKeyword("extend"u8);
        ExpectKeyword("interface"u8);
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        RequireSomething(interfaces is not null || directives.Count > 0 || fields is not null);
        return new InterfaceTypeExtensionNode { Name = name, Interfaces = OrEmpty(interfaces), Directives = directives, Fields = OrEmpty(fields), Location = Loc(start) };
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = Mark();
        ExpectKeyword("extend"u8);
        ExpectKeyword("union"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        RequireSomething(directives.Count > 0 || types is not null);
        return new UnionTypeExtensionNode { Name = name, Directives = directives, Types = OrEmpty(types), Location = Loc(start) };
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = Mark();
        ExpectKeyword("extend"u8);
        ExpectKeyword("enum"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        RequireSomething(directives.Count > 0 || values is not null);
        return new EnumTypeExtensionNode { Name = name, Directives = directives, Values = OrEmpty(values), Location = Loc(start) };
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = Mark();
        ExpectKeyword("extend"u8);
        ExpectKeyword("input"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        RequireSomething(directives.Count > 0 || fields is not null);
        return new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = OrEmpty(fields), Location = Loc(start) };
    }

    // --- Tokens -------------------------------------------------------------------------------

    private readonly record struct Position(int Start, int Line, int Column);

    private readonly Position Mark() => new(_lexer.Start, _lexer.Line, _lexer.Column);

    /// <summary>From the node's first token to the end of its last one, the token before the current.</summary>
    private readonly Location? Loc(Position start) =>
        _options.NoLocation ? null : new Location(start.Start, _lexer.PreviousEnd, start.Line, start.Column);

    private static IReadOnlyList<T> OrEmpty<T>(T[]? list) => list is null ? [] : list;

    private readonly bool Peek(TokenKind kind) => _lexer.Kind == kind;

    private void Advance()
    {
        _lexer.Advance();
        if (_lexer.Kind != TokenKind.EndOfFile && ++_tokenCount > _options.MaxTokens)
        {
            throw Error(_lexer.Start, $"Document contains more than {_options.MaxTokens} tokens. Parsing aborted.");
        }
    }

    private void ExpectToken(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            throw ExpectedError(kind);
        }

        Advance();
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(ReadOnlySpan<byte> keyword)
    {
        if (!_lexer.IsKeyword(keyword))
        {
            throw Error(_lexer.Start, $"Expected \"{Encoding.ASCII.GetString(keyword)}\", found {_lexer.Describe()}.");
        }

        Advance();
    }

    private bool ExpectOptionalKeyword(ReadOnlySpan<byte> keyword)
    {
        if (!_lexer.IsKeyword(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>Entering a recursive production: past the depth limit, or near the end of the stack, the document is refused.</summary>
    private void Enter()
    {
        if (++_depth > _options.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error(_lexer.Start, $"Document nesting exceeds the maximum depth of {_options.MaxDepth}. Parsing aborted.");
        }
    }

    private void Leave() => _depth--;

    private readonly GraphQLSyntaxException ExpectedError(TokenKind kind) =>
        Error(_lexer.Start, $"Expected {kind.Describe()}, found {_lexer.Describe()}.");

    private readonly GraphQLSyntaxException UnexpectedError() => Error(_lexer.Start, $"Unexpected {_lexer.Describe()}.");

    private readonly GraphQLSyntaxException Error(int position, string description) =>
        GraphQLSyntaxException.At(_lexer.Source, position, description);
}
