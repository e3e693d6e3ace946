using System.Collections.Immutable;

namespace OrdinanceRules.Conditions;

/// <summary>A position inside a condition's text: one-based line and column.</summary>
internal readonly record struct TextPos(int Line, int Column);

/// <summary>A node of a parsed condition.</summary>
internal abstract record Expr(TextPos Pos);

internal sealed record LiteralExpr(TextPos Pos, object? Value, LiteralKind Kind) : Expr(Pos);

internal enum LiteralKind
{
    Text,
    Number,
    YesNo,
    Duration,
    Period,
    Instant,
    None,
}

/// <summary>A variable followed by zero or more field names: <c>r.from.enforcesImmigration</c>.</summary>
internal sealed record PathExpr(TextPos Pos, string Variable, ImmutableArray<(string Name, TextPos Pos)> Fields) : Expr(Pos);

internal sealed record NotExpr(TextPos Pos, Expr Operand) : Expr(Pos);

internal sealed record BinaryExpr(TextPos Pos, BinaryOp Op, Expr Left, Expr Right) : Expr(Pos);

internal sealed record CallExpr(TextPos Pos, string Name, ImmutableArray<Expr> Arguments) : Expr(Pos);

internal sealed record IfExpr(TextPos Pos, Expr Condition, Expr Then, Expr Else) : Expr(Pos);

internal sealed record ListExpr(TextPos Pos, ImmutableArray<Expr> Items) : Expr(Pos);

internal enum BinaryOp
{
    And,
    Or,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    Add,
    Subtract,
}
