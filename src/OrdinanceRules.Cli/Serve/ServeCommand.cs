using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrdinanceRules.Server;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Serve;

/// <summary>
/// <c>ordinance serve</c>: runs the decision service (docs/service.md) over a folder of ordinances until stopped (Ctrl+C
/// or SIGTERM). Logs go to standard error, so that standard output can carry the decision log.
/// </summary>
internal sealed class ServeCommand(TextWriter errors, Commands.WorkingFolder folder) : Command<ServeSettings>
{
    public override int Execute(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var ordinances = Path.GetFullPath(settings.Ordinances, folder.Path);
        // The command line hands a "-" argument on as standard input's name: here it means standard output.
        var decisionLog = settings.DecisionLog switch
        {
            null => null,
            StandardInput.Argument or StandardInput.FileName => "-",
            var file => Path.GetFullPath(file, folder.Path),
        };
        var app = OrdinanceServer.Build(
            o =>
            {
                o.Folder = ordinances;
                foreach (var law in settings.Laws)
                {
                    o.HigherLaws.Add(Path.GetFullPath(law, folder.Path));
                }
            },
            o =>
            {
                o.MaxRequestBodySize = settings.MaxRequestBody;
                o.RequestTimeout = TimeSpan.FromSeconds(settings.RequestTimeout);
                o.DecisionLog = decisionLog;
            },
            settings.Port,
            settings.Public);
        try
        {
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
            app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
            return CliApp.Ok;
        }
        catch (OptionsValidationException ex)
        {
            return Fail(ex.Failures);
        }
        catch (IOException ex) when (ex.InnerException is SocketException || ex.GetType().Name == "AddressInUseException")
        {
            return Fail([$"cannot listen on port {settings.Port}: {ex.Message}; choose another with --port"]);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Fail([$"cannot open what the service needs: {ex.Message}"]);
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    private int Fail(IEnumerable<string> failures)
    {
        foreach (var failure in failures)
        {
            errors.WriteLine(new Diagnostic(CliDiagnosticCodes.CannotServe, failure).ToString());
        }

        return CliApp.BadInput;
    }
}
