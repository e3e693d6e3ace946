using Google.OrTools.Sat;

namespace OrdinanceRules.Analysis.Encoding;

/// <summary>A yes/no of the model: a constant, or a literal of the CP-SAT model (constants fold, so most conditions stay small).</summary>
internal readonly struct Lit
{
    private Lit(bool? constant, ILiteral? literal)
    {
        Constant = constant;
        Literal = literal;
    }

    public static Lit True { get; } = new(true, null);

    public static Lit False { get; } = new(false, null);

    public bool? Constant { get; }

    public ILiteral? Literal { get; }

    public bool IsTrue => Constant == true;

    public bool IsFalse => Constant == false;

    public static Lit Of(bool value) => value ? True : False;

    public static Lit Of(ILiteral literal) => new(null, literal);

    public Lit Not() => Constant is { } c ? Of(!c) : Of(Literal!.Not());

    public LinearExpr AsExpr() => Constant is { } c ? LinearExpr.Constant(c ? 1 : 0) : LinearExpr.Term(Literal!, 1);
}

/// <summary>An integer of the model: a constant, or an expression with known bounds.</summary>
internal readonly record struct Num(LinearExpr Expr, long Lb, long Ub, long? Constant)
{
    public static Num Of(long value) => new(LinearExpr.Constant(value), value, value, value);

    /// <summary>
    /// For a value looked up in a table that a function of it may be looked up in too (<see cref="Sat.Element"/> with
    /// <c>mappable</c>: a recurring duty's period boundaries): the index and the table, so that a function of it is the
    /// same index into the function's table (<see cref="Sat.Map"/>); null for any other.
    /// </summary>
    public Lookup? From { get; init; }
}

/// <summary>A value of the model that is <c>Table[Index]</c>.</summary>
internal sealed record Lookup(Num Index, long[] Table);

/// <summary>Builds the CP-SAT model: literals for and, or, not, comparisons and choices, folding constants.</summary>
internal sealed class Sat
{
    private int _names;

    public CpModel Model { get; } = new();

    public Lit NewBool(string name) => Lit.Of(Model.NewBoolVar(name + "#" + _names++));

    public Num NewInt(long lb, long ub, string name) => lb == ub ? Num.Of(lb) : new(Model.NewIntVar(lb, ub, name + "#" + _names++), lb, ub, null);

    public Lit And(params Lit[] items)
    {
        var open = new List<ILiteral>();
        foreach (var item in items)
        {
            if (item.IsFalse)
            {
                return Lit.False;
            }

            if (!item.IsTrue)
            {
                open.Add(item.Literal!);
            }
        }

        if (open.Count == 0)
        {
            return Lit.True;
        }

        if (open.Count == 1)
        {
            return Lit.Of(open[0]);
        }

        var result = Model.NewBoolVar("and#" + _names++);
        Model.AddBoolAnd(open).OnlyEnforceIf(result);
        Model.AddBoolOr(open.Select(o => o.Not())).OnlyEnforceIf(result.Not());
        return Lit.Of(result);
    }

    public Lit Or(params Lit[] items) => And([.. items.Select(i => i.Not())]).Not();

    public Lit Implies(Lit a, Lit b) => Or(a.Not(), b);

    /// <summary>Holds in every solution.</summary>
    public void Require(Lit lit)
    {
        if (lit.IsTrue)
        {
            return;
        }

        if (lit.IsFalse)
        {
            Model.AddBoolOr([]);
            return;
        }

        Model.AddBoolOr([lit.Literal!]);
    }

    /// <summary><paramref name="then"/> when <paramref name="test"/>, else <paramref name="otherwise"/>.</summary>
    public Lit Ite(Lit test, Lit then, Lit otherwise) => Or(And(test, then), And(test.Not(), otherwise));

    public Num Ite(Lit test, Num then, Num otherwise)
    {
        if (test.IsTrue)
        {
            return then;
        }

        if (test.IsFalse)
        {
            return otherwise;
        }

        if (then.Constant is { } a && otherwise.Constant is { } b && a == b)
        {
            return then;
        }

        var result = NewInt(Math.Min(then.Lb, otherwise.Lb), Math.Max(then.Ub, otherwise.Ub), "ite");
        Model.Add(result.Expr == then.Expr).OnlyEnforceIf(test.Literal!);
        Model.Add(result.Expr == otherwise.Expr).OnlyEnforceIf(test.Literal!.Not());
        return result;
    }

    public Lit Eq(Num a, Num b)
    {
        if (a.Constant is { } x && b.Constant is { } y)
        {
            return Lit.Of(x == y);
        }

        if (a.Ub < b.Lb || b.Ub < a.Lb)
        {
            return Lit.False;
        }

        var result = Model.NewBoolVar("eq#" + _names++);
        Model.Add(a.Expr == b.Expr).OnlyEnforceIf(result);
        Model.Add(a.Expr != b.Expr).OnlyEnforceIf(result.Not());
        return Lit.Of(result);
    }

    /// <summary>a &lt; b (strict) or a &lt;= b.</summary>
    public Lit Less(Num a, Num b, bool strict)
    {
        if (a.Constant is { } x && b.Constant is { } y)
        {
            return Lit.Of(strict ? x < y : x <= y);
        }

        if (strict ? a.Ub < b.Lb : a.Ub <= b.Lb)
        {
            return Lit.True;
        }

        if (strict ? a.Lb >= b.Ub : a.Lb > b.Ub)
        {
            return Lit.False;
        }

        var result = Model.NewBoolVar("lt#" + _names++);
        if (strict)
        {
            Model.Add(a.Expr < b.Expr).OnlyEnforceIf(result);
            Model.Add(a.Expr >= b.Expr).OnlyEnforceIf(result.Not());
        }
        else
        {
            Model.Add(a.Expr <= b.Expr).OnlyEnforceIf(result);
            Model.Add(a.Expr > b.Expr).OnlyEnforceIf(result.Not());
        }

        return Lit.Of(result);
    }

    public Num Sum(Num a, Num b, bool subtract)
    {
        if (a.Constant is { } x && b.Constant is { } y)
        {
            return Num.Of(subtract ? x - y : x + y);
        }

        var (lb, ub) = subtract ? (a.Lb - b.Ub, a.Ub - b.Lb) : (a.Lb + b.Lb, a.Ub + b.Ub);
        var result = NewInt(lb, ub, "sum");
        Model.Add(result.Expr == (subtract ? a.Expr - b.Expr : a.Expr + b.Expr));
        return result;
    }

    /// <summary>values[index], as an element constraint (folded when the index is a constant).</summary>
    public Num Element(Num index, long[] values, string name, bool mappable = false)
    {
        if (index.Constant is { } c)
        {
            return Num.Of(values[c]);
        }

        var reach = values.Skip((int)index.Lb).Take((int)(index.Ub - index.Lb + 1)).ToList();
        if (reach.Distinct().Count() == 1)
        {
            return Num.Of(reach[0]);
        }

        // The result ranges over the values the index reaches, not the interval between them.
        var variable = Model.NewIntVarFromDomain(Google.OrTools.Util.Domain.FromValues([.. reach.Distinct()]), name);
        Model.AddElement(index.Expr, values, variable);
        return new Num(variable, reach.Min(), reach.Max(), null) { From = mappable ? new Lookup(index, values) : null };
    }

    /// <summary>
    /// A function of a value looked up in a table, as a lookup of the same index in the function's table (computed
    /// once for each entry the index reaches); null when the value was not looked up in a table.
    /// </summary>
    public Num? Map(Num value, Func<long, long> function, string name)
    {
        if (value.From is not { } from)
        {
            return null;
        }

        var (lb, ub) = (from.Index.Lb, from.Index.Ub);
        return Element(from.Index, [.. from.Table.Select((v, i) => i >= lb && i <= ub ? function(v) : 0)], name, mappable: true);
    }

    /// <summary>The literal's value in a solution.</summary>
    public static bool Value(CpSolver solver, Lit lit) => lit.Constant ?? solver.BooleanValue(lit.Literal!);

    public static long Value(CpSolver solver, Num num) => num.Constant ?? solver.Value(num.Expr);
}
