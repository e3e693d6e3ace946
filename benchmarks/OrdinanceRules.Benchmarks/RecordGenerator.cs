using System.Globalization;

namespace OrdinanceRules.Benchmarks;

/// <summary>
/// A synthetic year of Roeland Park's records (2021): one CSV row per request from ICE ERO to the police and what the
/// department did, in the columns samples/records/roeland-park-requests.mapping.yaml maps to facts. The same seed
/// gives the same file. One row in a thousand names a channel the vocabulary does not have, as real exports carry
/// the odd bad value, so that the audit's rejections are exercised too.
/// </summary>
internal static class RecordGenerator
{
    public const string Header = "id,decided,received,channel,request,purpose,response,start,voluntary";

    private static readonly string[] Channels = ["email", "fax", "phone", "radio", "in-person"];

    private static readonly (string Request, string Act)[] Requests =
    [
        ("hold-custody", "continue-detention"), ("notify-release", "share-information"), ("info-status", "share-information"),
        ("info-personal", "share-information"), ("on-site-backup", "on-site-backup"), ("transport", "transport"),
        ("traffic-control", "traffic-control"), ("use-facility", "allow-facility-use"),
    ];

    private static readonly string[] Purposes = ["civil-immigration", "civil-immigration", "civil-immigration", "criminal-other", "criminal-other", "public-safety"];

    public static void Write(TextWriter output, int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.FromHours(-6));
        var yearSeconds = (int)TimeSpan.FromDays(365).TotalSeconds;
        output.WriteLine(Header);
        for (var i = 1; i <= count; i++)
        {
            var received = start.AddSeconds(random.Next(yearSeconds));
            var acted = received.AddMinutes(random.Next(5, 240));
            var (request, act) = Requests[random.Next(Requests.Length)];
            var response = random.Next(10) < 4 ? "decline-request" : act;
            var voluntary = random.Next(10) switch { < 7 => "yes", < 9 => "no", _ => string.Empty };
            var channel = random.Next(1000) == 0 ? "carrier-pigeon" : Channels[random.Next(Channels.Length)];
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"r-{i:D7},{acted.AddDays(7):yyyy-MM-ddTHH:mm:sszzz},{received:yyyy-MM-ddTHH:mm:sszzz},{channel},{request},{Purposes[random.Next(Purposes.Length)]},{response},{acted:yyyy-MM-ddTHH:mm:sszzz},{voluntary}"));
            output.Write('\n');
        }
    }
}
