using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OrdinanceRules.Server;

/// <summary>One located problem as a problem-details response carries it: the CLI's <c>line:column: error CODE: message</c>, without the file.</summary>
/// <param name="Code">The diagnostic code (docs/diagnostics.md).</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">The one-based line in the request body; null when the problem is not in the body.</param>
/// <param name="Column">The one-based column; null likewise.</param>
/// <param name="Text">The problem as the command line prints it, without the file: <c>3:5: error OR2001: message</c>.</param>
internal sealed record ProblemError(string Code, string Message, int? Line, int? Column, string Text)
{
    public static ProblemError From(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        var text = new Diagnostic(diagnostic.Code, diagnostic.Message).ToString();
        return new ProblemError(
            diagnostic.Code,
            diagnostic.Message,
            location?.Line,
            location?.Column,
            location is null ? text : $"{location.Line}:{location.Column}: {text}");
    }
}

/// <summary>RFC 9457 problem-details responses: a type, a title, the status, one sentence of detail, and each located problem under <c>errors</c>.</summary>
internal static class Problems
{
    /// <summary>Where each problem type is described.</summary>
    public const string TypeBase = "https://github.com/OrdinanceRules/OrdinanceRules/blob/main/docs/service.md#problems";

    public static IResult Of(int status, string title, string detail, IEnumerable<Diagnostic> diagnostics)
    {
        var problem = new ProblemDetails
        {
            Type = TypeBase,
            Title = title,
            Status = status,
            Detail = detail,
        };
        problem.Extensions["errors"] = diagnostics.Select(ProblemError.From).ToArray();
        return Results.Problem(problem);
    }

    public static IResult One(int status, string title, Diagnostic diagnostic) => Of(status, title, diagnostic.Message, [diagnostic]);
}
