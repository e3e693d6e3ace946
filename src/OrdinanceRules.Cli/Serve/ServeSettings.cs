using System.ComponentModel;
using OrdinanceRules.Server;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Serve;

/// <summary>The options of <c>ordinance serve</c>.</summary>
internal sealed class ServeSettings : CommandSettings
{
    [CommandOption("--ordinances <FOLDER>")]
    [Description("The folder of ordinance files to serve: every *.yaml and *.yml directly in it, each under its file name without the extension. Reloaded when a file changes; a bad edit keeps the last good version and shows in /readyz.")]
    public string Ordinances { get; init; } = string.Empty;

    [CommandOption("-p|--port <PORT>")]
    [Description("The port to listen on (0 for any free port, named in the log).")]
    [DefaultValue(OrdinanceServer.DefaultPort)]
    public int Port { get; init; } = OrdinanceServer.DefaultPort;

    [CommandOption("--law <HIGHER-LAW.YAML>")]
    [Description("Stack every ordinance under this higher law (a state or federal law file), as check does. Repeatable.")]
    public string[] Laws { get; init; } = [];

    [CommandOption("--decision-log <FILE>")]
    [Description("Write one JSON line per decision to this file (appended to), or to standard output with -. Sensitive values are never written.")]
    public string? DecisionLog { get; init; }

    [CommandOption("--max-request-body <BYTES>")]
    [Description("The largest request body accepted; a larger one is refused with 413.")]
    [DefaultValue(1024L * 1024)]
    public long MaxRequestBody { get; init; } = 1024 * 1024;

    [CommandOption("--request-timeout <SECONDS>")]
    [Description("How long one request may take; a slower one is answered with 503.")]
    [DefaultValue(30.0)]
    public double RequestTimeout { get; init; } = 30;

    [CommandOption("--public")]
    [Description("Listen on every network address instead of the loopback (127.0.0.1) only. The service has no authentication: put it behind a gateway that has.")]
    public bool Public { get; init; }

    public override ValidationResult Validate() => this switch
    {
        { Ordinances.Length: 0 } => ValidationResult.Error("--ordinances is required: the folder of ordinance files to serve, such as --ordinances samples/ordinances"),
        { Port: < 0 or > 65535 } => ValidationResult.Error($"--port must be from 0 to 65535, not {Port}"),
        { MaxRequestBody: <= 0 } => ValidationResult.Error($"--max-request-body must be more than 0 bytes, not {MaxRequestBody}"),
        { RequestTimeout: <= 0 or > 3600 } => ValidationResult.Error($"--request-timeout must be more than 0 and at most 3600 seconds, not {RequestTimeout}"),
        _ => ValidationResult.Success(),
    };
}
