using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace CommunityPolicing.Web.Security;

/// <summary>
/// Tracking codes (<c>/public/track/{code}</c>, <c>?code=</c>) and calendar feed tokens (<c>/calendar/{token}.ics</c>) are
/// credentials: every log event's request path is rewritten without them, whoever logged it (Serilog's request log,
/// ASP.NET Core's "Request starting", the request scope on other events), and query strings are never logged.
/// </summary>
public sealed partial class LogRedaction : ILogEventEnricher
{
    public const string Hidden = "***";

    private static readonly string[] PathProperties = ["RequestPath", "Path"];

    public static string Path(string path) =>
        CalendarToken().Replace(TrackingCode().Replace(path, "$1" + Hidden), "$1" + Hidden);

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var name in PathProperties)
        {
            if (logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string path } && Path(path) is var redacted && redacted != path)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }

        // A query may carry a code itself or inside a return address (?returnUrl=%2Fpublic%2Ftrack%2F...): never logged.
        if (logEvent.Properties.TryGetValue("QueryString", out var query) && query is ScalarValue { Value: string { Length: > 0 } })
        {
            logEvent.AddOrUpdateProperty(new LogEventProperty("QueryString", new ScalarValue("?" + Hidden)));
        }
    }

    [GeneratedRegex("(/public/track/)[^/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrackingCode();

    [GeneratedRegex("(/calendar/)[^/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CalendarToken();
}
