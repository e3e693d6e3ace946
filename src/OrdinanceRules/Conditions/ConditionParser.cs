using System.Globalization;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using Superpower.Tokenizers;

namespace OrdinanceRules.Conditions;

/// <summary>
/// Parses the condition language (docs/conditions.md) with Superpower: a tokenizer, then a grammar of
/// token parsers. Yields an AST or one error with its line and column.
/// </summary>
internal static class ConditionParser
{
    public const int MaxLength = Limits.MaxConditionLength;
    public const int MaxDepth = Limits.MaxConditionDepth;
    public const int MaxListItems = Limits.MaxListItems;

    private static readonly Tokenizer<ConditionToken> Tokenizer = new TokenizerBuilder<ConditionToken>()
        .Ignore(Span.WhiteSpace)
        .Match(Character.EqualTo('('), ConditionToken.LParen)
        .Match(Character.EqualTo(')'), ConditionToken.RParen)
        .Match(Character.EqualTo('['), ConditionToken.LBracket)
        .Match(Character.EqualTo(']'), ConditionToken.RBracket)
        .Match(Character.EqualTo(','), ConditionToken.Comma)
        .Match(Character.EqualTo('.'), ConditionToken.Dot)
        .Match(Span.EqualTo("=="), ConditionToken.Eq)
        .Match(Span.EqualTo("!="), ConditionToken.Ne)
        .Match(Span.EqualTo("<="), ConditionToken.Le)
        .Match(Span.EqualTo(">="), ConditionToken.Ge)
        .Match(Character.EqualTo('<'), ConditionToken.Lt)
        .Match(Character.EqualTo('>'), ConditionToken.Gt)
        .Match(Character.EqualTo('+'), ConditionToken.Plus)
        .Match(Character.EqualTo('-'), ConditionToken.Minus)
        // A definition's name may hold '-' between words (immigration-agency): such a name is a call, so it must be followed by '('.
        .Match(Span.Regex(@"[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z_][A-Za-z0-9_]*)+(?=\s*\()"), ConditionToken.Identifier)
        .Match(Span.Regex(@"@[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})"), ConditionToken.Instant)
        .Match(Span.Regex("([0-9]+[dhms])+"), ConditionToken.Duration, requireDelimiters: true)
        .Match(Numerics.Decimal, ConditionToken.Number, requireDelimiters: true)
        .Match(QuotedString('\''), ConditionToken.Text)
        .Match(QuotedString('"'), ConditionToken.Text)
        .Match(Span.EqualTo("and"), ConditionToken.And, requireDelimiters: true)
        .Match(Span.EqualTo("or"), ConditionToken.Or, requireDelimiters: true)
        .Match(Span.EqualTo("not"), ConditionToken.Not, requireDelimiters: true)
        .Match(Span.EqualTo("in"), ConditionToken.In, requireDelimiters: true)
        .Match(Span.EqualTo("yes"), ConditionToken.Yes, requireDelimiters: true)
        .Match(Span.EqualTo("true"), ConditionToken.Yes, requireDelimiters: true)
        .Match(Span.EqualTo("no"), ConditionToken.No, requireDelimiters: true)
        .Match(Span.EqualTo("false"), ConditionToken.No, requireDelimiters: true)
        .Match(Span.EqualTo("none"), ConditionToken.NoneValue, requireDelimiters: true)
        .Match(Span.EqualTo("if"), ConditionToken.If, requireDelimiters: true)
        .Match(Span.EqualTo("then"), ConditionToken.Then, requireDelimiters: true)
        .Match(Span.EqualTo("else"), ConditionToken.Else, requireDelimiters: true)
        .Match(Span.Regex("[A-Za-z_][A-Za-z0-9_]*"), ConditionToken.Identifier, requireDelimiters: true)
        .Build();

    private static readonly TokenListParser<ConditionToken, Expr> Grammar = BuildGrammar();

    /// <summary>Parses a condition.</summary>
    /// <returns>The AST, or null with an error message and its position.</returns>
    public static Expr? ParseCondition(string text, out string? error, out TextPos errorPos)
    {
        error = null;
        errorPos = new TextPos(1, 1);
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the condition is empty";
            return null;
        }

        if (text.Length > MaxLength)
        {
            error = $"the condition is {text.Length} characters long; the limit is {MaxLength}";
            return null;
        }

        var tokens = Tokenizer.TryTokenize(text);
        if (!tokens.HasValue)
        {
            error = tokens.FormatErrorMessageFragment();
            errorPos = ToPos(tokens.ErrorPosition);
            return null;
        }

        // Checked on the tokens, before the grammar recurses: a chain of nots under the length limit must not exhaust the stack.
        if (TooDeep(tokens.Value) is { } deep)
        {
            error = $"the condition nests more than {MaxDepth} levels deep (not, if, brackets and calls each count)";
            errorPos = PosOf(deep);
            return null;
        }

        if (OutOfRange(tokens.Value, out var literalError) is { } bad)
        {
            error = literalError;
            errorPos = PosOf(bad);
            return null;
        }

        var result = Grammar.AtEnd().TryParse(tokens.Value);
        if (!result.HasValue)
        {
            error = result.FormatErrorMessageFragment();
            errorPos = result.ErrorPosition.HasValue ? ToPos(result.ErrorPosition) : EndPos(text);
            return null;
        }

        var depth = Depth(result.Value);
        if (depth > MaxDepth)
        {
            error = $"the condition is {depth} levels deep; the limit is {MaxDepth}";
            return null;
        }

        return result.Value;
    }

    private static TextPos ToPos(Position position) => new(position.Line, position.Column);

    private static TextPos EndPos(string text)
    {
        var lines = text.Split('\n');
        return new TextPos(lines.Length, lines[^1].Length + 1);
    }

    private static TextPos PosOf(Token<ConditionToken> token) => ToPos(token.Position);

    /// <summary>
    /// The first token at which the grammar would nest deeper than <see cref="MaxDepth"/>: each open bracket,
    /// pending <c>not</c> and pending <c>if</c> is a level (an over-estimate of the tree's own depth only where
    /// parentheses group without nesting). Null when none.
    /// </summary>
    private static Token<ConditionToken>? TooDeep(TokenList<ConditionToken> tokens)
    {
        var levels = new Stack<(int Nots, int Ifs)>();
        levels.Push((0, 0));
        var depth = 1;
        foreach (var token in tokens)
        {
            var (nots, ifs) = levels.Pop();
            switch (token.Kind)
            {
                case ConditionToken.LParen or ConditionToken.LBracket:
                    levels.Push((nots, ifs));
                    levels.Push((0, 0));
                    depth++;
                    break;
                case ConditionToken.RParen or ConditionToken.RBracket:
                    depth -= 1 + nots + ifs;
                    if (levels.Count == 0)
                    {
                        return null; // unbalanced: the grammar reports it
                    }

                    continue;
                case ConditionToken.Not:
                    levels.Push((nots + 1, ifs));
                    depth++;
                    break;
                case ConditionToken.If:
                    levels.Push((nots, ifs + 1));
                    depth++;
                    break;
                case ConditionToken.And or ConditionToken.Or or ConditionToken.Then or ConditionToken.Else:
                    levels.Push((0, ifs));
                    depth -= nots;
                    break;
                case ConditionToken.Comma:
                    levels.Push((0, 0));
                    depth -= nots + ifs;
                    break;
                default:
                    levels.Push((nots, ifs));
                    break;
            }

            if (depth > MaxDepth)
            {
                return token;
            }
        }

        return null;
    }

    /// <summary>The first number, duration or instant literal out of range (see <see cref="Limits"/>), with the reason; null when none.</summary>
    private static Token<ConditionToken>? OutOfRange(TokenList<ConditionToken> tokens, out string? error)
    {
        error = null;
        foreach (var token in tokens)
        {
            var value = token.ToStringValue();
            switch (token.Kind)
            {
                case ConditionToken.Number when !decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || !Limits.InRange(number):
                    error = $"the number {Echo.Value(value)} is out of range: the allowed {Limits.NumberRange}";
                    return token;
                case ConditionToken.Duration when !DurationText.TryParse(value, out _, out var tooLarge):
                    error = tooLarge ?? $"'{Echo.Value(value)}' is not a duration";
                    return token;
                case ConditionToken.Instant when !TryInstant(value, out _):
                    error = $"'{Echo.Value(value)}' is not a valid instant or is out of range: the allowed {Limits.InstantRange}";
                    return token;
            }
        }

        return null;
    }

    private static bool TryInstant(string token, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(token[1..], CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
        && Math.Abs(instant.Offset.TotalMinutes) <= Limits.MaxOffsetMinutes && Limits.InRange(instant);

    private static int Depth(Expr expr) => expr switch
    {
        NotExpr n => 1 + Depth(n.Operand),
        BinaryExpr b => 1 + Math.Max(Depth(b.Left), Depth(b.Right)),
        CallExpr c => 1 + c.Arguments.Select(Depth).DefaultIfEmpty(0).Max(),
        IfExpr i => 1 + Math.Max(Depth(i.Condition), Math.Max(Depth(i.Then), Depth(i.Else))),
        ListExpr l => 1 + l.Items.Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 1,
    };

    private static TextParser<TextSpan> QuotedString(char quote) =>
        from open in Character.EqualTo(quote)
        from content in Character.Except(quote).Many()
        from close in Character.EqualTo(quote)
        select new TextSpan(string.Empty);

    private static TokenListParser<ConditionToken, Expr> BuildGrammar()
    {
        TokenListParser<ConditionToken, Expr>? expression = null;
        var expr = Parse.Ref(() => expression!);

        var text = Token.EqualTo(ConditionToken.Text).Select(t =>
            (Expr)new LiteralExpr(PosOf(t), t.ToStringValue()[1..^1], LiteralKind.Text));
        // Literals were checked against their ranges before parsing (OutOfRange): these reads cannot fail.
        var number = Token.EqualTo(ConditionToken.Number).Select(t =>
            (Expr)new LiteralExpr(PosOf(t), decimal.Parse(t.ToStringValue(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), LiteralKind.Number));
        var duration = Token.EqualTo(ConditionToken.Duration).Select(t =>
            (Expr)new LiteralExpr(PosOf(t), DurationText.TryParse(t.ToStringValue(), out var span) ? span : throw new InvalidOperationException("A duration literal was not checked."), LiteralKind.Duration));
        var instant = Token.EqualTo(ConditionToken.Instant).Select(t =>
            (Expr)new LiteralExpr(PosOf(t), TryInstant(t.ToStringValue(), out var at) ? at : throw new InvalidOperationException("An instant literal was not checked."), LiteralKind.Instant));
        var yes = Token.EqualTo(ConditionToken.Yes).Select(t => (Expr)new LiteralExpr(PosOf(t), true, LiteralKind.YesNo));
        var no = Token.EqualTo(ConditionToken.No).Select(t => (Expr)new LiteralExpr(PosOf(t), false, LiteralKind.YesNo));
        var none = Token.EqualTo(ConditionToken.NoneValue).Select(t => (Expr)new LiteralExpr(PosOf(t), null, LiteralKind.None));

        var list =
            from open in Token.EqualTo(ConditionToken.LBracket)
            from items in expr.ManyDelimitedBy(Token.EqualTo(ConditionToken.Comma))
            from close in Token.EqualTo(ConditionToken.RBracket)
            select (Expr)new ListExpr(PosOf(open), [.. items]);

        var fieldName = Token.EqualTo(ConditionToken.Identifier).Or(Token.EqualTo(ConditionToken.In)).Or(Token.EqualTo(ConditionToken.NoneValue));
        var call =
            from name in Token.EqualTo(ConditionToken.Identifier)
            from open in Token.EqualTo(ConditionToken.LParen)
            from args in expr.ManyDelimitedBy(Token.EqualTo(ConditionToken.Comma))
            from close in Token.EqualTo(ConditionToken.RParen)
            select (Expr)new CallExpr(PosOf(name), name.ToStringValue(), [.. args]);
        var path =
            from head in Token.EqualTo(ConditionToken.Identifier)
            from fields in (from dot in Token.EqualTo(ConditionToken.Dot)
                            from field in fieldName
                            select (field.ToStringValue(), PosOf(field))).Many()
            select (Expr)new PathExpr(PosOf(head), head.ToStringValue(), [.. fields]);
        var parenthesised =
            from open in Token.EqualTo(ConditionToken.LParen)
            from inner in expr
            from close in Token.EqualTo(ConditionToken.RParen)
            select inner;

        var conditional =
            from keyword in Token.EqualTo(ConditionToken.If)
            from test in expr
            from then in Token.EqualTo(ConditionToken.Then)
            from whenTrue in expr
            from otherwise in Token.EqualTo(ConditionToken.Else)
            from whenFalse in expr
            select (Expr)new IfExpr(PosOf(keyword), test, whenTrue, whenFalse);

        var primary = parenthesised
            .Or(conditional)
            .Or(list)
            .Or(call.Try())
            .Or(path)
            .Or(text).Or(number).Or(duration).Or(instant).Or(yes).Or(no).Or(none)
            .Named("a value");

        var additive = Parse.Chain(
            Token.EqualTo(ConditionToken.Plus).Value(BinaryOp.Add).Or(Token.EqualTo(ConditionToken.Minus).Value(BinaryOp.Subtract)),
            primary,
            (op, left, right) => new BinaryExpr(left.Pos, op, left, right));

        var comparisonOp =
            Token.EqualTo(ConditionToken.Eq).Value(BinaryOp.Eq)
            .Or(Token.EqualTo(ConditionToken.Ne).Value(BinaryOp.Ne))
            .Or(Token.EqualTo(ConditionToken.Le).Value(BinaryOp.Le))
            .Or(Token.EqualTo(ConditionToken.Lt).Value(BinaryOp.Lt))
            .Or(Token.EqualTo(ConditionToken.Ge).Value(BinaryOp.Ge))
            .Or(Token.EqualTo(ConditionToken.Gt).Value(BinaryOp.Gt))
            .Or(Token.EqualTo(ConditionToken.In).Value(BinaryOp.In));
        var comparison =
            from left in additive
            from rest in (from op in comparisonOp
                          from right in additive
                          select (Op: op, Right: (Expr?)right)).OptionalOrDefault((BinaryOp.And, null))
            select rest.Right is null ? left : new BinaryExpr(left.Pos, rest.Op, left, rest.Right);

        TokenListParser<ConditionToken, Expr>? negation = null;
        negation =
            (from not in Token.EqualTo(ConditionToken.Not)
             from operand in Parse.Ref(() => negation!)
             select (Expr)new NotExpr(PosOf(not), operand))
            .Or(comparison);

        var conjunction = Parse.Chain(Token.EqualTo(ConditionToken.And).Value(BinaryOp.And), negation,
            (op, left, right) => new BinaryExpr(left.Pos, op, left, right));
        expression = Parse.Chain(Token.EqualTo(ConditionToken.Or).Value(BinaryOp.Or), conjunction,
            (op, left, right) => new BinaryExpr(left.Pos, op, left, right));
        return expression;
    }
}
