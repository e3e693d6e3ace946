using System.Linq.Expressions;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace OrdinanceRules.Compilation;

/// <summary>Compiles NRules' expression trees with FastExpressionCompiler, about ten times faster than <c>Expression.Compile</c>.</summary>
internal sealed class FastExpressionCompilerAdapter : IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate => expression.CompileFast(ifFastFailedReturnNull: false);
}
