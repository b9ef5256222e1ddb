using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using IncidentBot.Escalation;
using IncidentBot.Incidents;

namespace IncidentBot.Sandbox;

public static class SandboxExtensions
{
    private const string DefaultUrl = "http://localhost:5000";

    /// <summary>
    /// Without <c>Slack:BotToken</c> on a loopback address (or with <c>Sandbox:Enabled</c>), points the bot at an emulated Slack workspace
    /// served by this same process: the Web API address, a bot token and signing secret for this run, the sandbox's own
    /// LiteDB file and announcement channel. With a token and no <c>Sandbox:Enabled</c> it changes nothing.
    /// </summary>
    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        if (!options.Enabled && !string.IsNullOrWhiteSpace(builder.Configuration["Slack:BotToken"]))
        {
            return builder;
        }

        var url = ListenUrl(builder.Configuration["urls"]);

        // A deployment that lost its token must not quietly serve an open sandbox to the network: without a token the
        // sandbox starts on a loopback address only, and elsewhere the bot refuses to start as before.
        if (!options.Enabled && !IsLoopback(url))
        {
            return builder;
        }

        builder.WebHost.UseUrls(url.ToString());
        var session = new SandboxSession(
            Loopback(url),
            "xoxb-sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            options.SigningSecret.Length > 0 ? options.SigningSecret : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        if (options.Reset)
        {
            var full = Path.GetFullPath(options.Path);
            File.Delete(full);
            File.Delete(Path.Combine(Path.GetDirectoryName(full) ?? "", Path.GetFileNameWithoutExtension(full) + "-log" + Path.GetExtension(full)));
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = session.BotToken,
            ["Slack:SigningSecret"] = session.SigningSecret,
            ["Slack:AppToken"] = "",
            ["Slack:ApiBaseUrl"] = session.ApiBaseUrl.ToString(),
            ["Storage:Path"] = options.Path,
            ["Incidents:AnnouncementChannel"] = SandboxDirectory.AnnouncementChannelId,

            // The page fires sample PagerDuty alerts, signed with this run's secret unless one is configured.
            ["Alerts:PagerDutySecret"] = builder.Configuration["Alerts:PagerDutySecret"] is { Length: > 0 } alertSecret ? alertSecret : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),

            // The default escalation matrix calls placeholder people and groups, which the sandbox does not have:
            // off unless asked for (with the sandbox's own user ids in Incidents:Escalation).
            ["Incidents:AutoEscalation"] = builder.Configuration["Incidents:AutoEscalation"] ?? "false",
        });
        builder.Services.AddOptions<RespondersOptions>().PostConfigure<IConfiguration>((o, config) =>
        {
            // The sandbox's @oncall group (Sam and Priya) is invited to the war rooms of the two most severe levels, as
            // configured responders are; only while the sandbox's own token won (a host given a real one keeps its settings).
            if (o.Responders.Count == 0 && config["Slack:BotToken"] == session.BotToken)
            {
                var configured = config.GetSection("Incidents:Severities").GetChildren().Select(s => s["Name"]).OfType<string>().ToList();
                foreach (var level in (configured.Count > 0 ? configured : [.. SeverityScheme.Defaults.Select(s => s.Name)]).Take(2))
                {
                    o.Responders[level] = [SandboxDirectory.OnCallGroupId];
                }
            }
        });
        if (options.UpdateInterval is { } interval)
        {
            builder.Services.AddOptions<IncidentsOptions>().PostConfigure(o =>
            {
                // Copies, so the shared default scheme is left as it is.
                var levels = o.Severities.Count > 0 ? o.Severities : SeverityScheme.Defaults;
                o.Severities = [.. levels.Select(s => new SeverityOptions
                {
                    Name = s.Name, Aliases = s.Aliases, Description = s.Description, PostmortemRequired = s.PostmortemRequired, UpdateInterval = interval,
                })];
            });
        }

        builder.Services.AddEmulatedSlack(session);
        return builder;
    }

    /// <summary>The page at <c>/</c>, the emulated Slack under <c>/sandbox</c> and the page's sample alert; nothing when the bot talks to a real workspace.</summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetService<SandboxSession>() is null)
        {
            return app;
        }

        app.MapPost("/sandbox/alerts/pagerduty", SandboxAlerts.FireAsync);
        return app.MapEmulatedSlack();
    }

    /// <summary>
    /// The address to listen on: the first of the configured ones, or <c>http://localhost:5000</c>. Port 0 becomes a free
    /// port now, because the bot's Web API address must be known before the server starts.
    /// </summary>
    private static Uri ListenUrl(string? configured)
    {
        var first = (configured ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? DefaultUrl;
        var parsed = new Uri(first.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
        if (parsed.Port != 0)
        {
            return parsed;
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new UriBuilder(parsed) { Port = port }.Uri;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>Where this process reaches itself: a wildcard address is reached over loopback.</summary>
    private static Uri Loopback(Uri listen)
    {
        var host = listen.Host is "0.0.0.0" or "[::]" ? "127.0.0.1" : listen.Host;
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{listen.Scheme}://{host}:{listen.Port}/"));
    }
}
