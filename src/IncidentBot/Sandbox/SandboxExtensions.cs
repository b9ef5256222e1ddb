using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using IncidentBot.Escalation;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Sandbox;

public static class SandboxExtensions
{
    private const string DefaultUrl = "http://localhost:5000";
    private const string EnabledKey = SandboxOptions.Section + ":" + nameof(SandboxOptions.Enabled);

    /// <summary>
    /// Without <c>Slack:BotToken</c> on a loopback address (or with <c>Sandbox:Enabled</c>), points the bot at an emulated Slack workspace
    /// served by this same process: the Web API address, a bot token and signing secret for this run, the sandbox's own
    /// LiteDB file and announcement channel. With a token and no <c>Sandbox:Enabled</c> it changes nothing. The switch and
    /// the address are read as the host is built, since they decide what it is; the rest of the "Sandbox" section is
    /// <see cref="SandboxOptions"/>, bound and validated as the host starts.
    /// </summary>
    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var enabled = builder.Configuration.GetValue<bool>(EnabledKey);
        if (!enabled && !string.IsNullOrWhiteSpace(builder.Configuration["Slack:BotToken"]))
        {
            return builder;
        }

        // ASPNETCORE_HTTP_PORTS (the Docker image's 8080) listens on every address, as ASPNETCORE_URLS=http://+:8080 does.
        var ports = builder.Configuration["http_ports"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var configured = builder.Configuration["urls"] is { Length: > 0 } urls ? urls : string.Join(';', ports.Select(p => $"http://+:{p}"));
        var url = ListenUrl(configured);

        // A deployment that lost its token must not quietly serve an open sandbox to the network: without a token the
        // sandbox starts on a loopback address only, and elsewhere the bot refuses to start as before.
        if (!enabled && !IsLoopback(url))
        {
            return builder;
        }

        // Set unless HTTP_PORTS already says it: setting both makes Kestrel warn that one overrides the other.
        if (builder.Configuration["urls"] is { Length: > 0 } || ports.Length == 0 || ports[0] != url.Port.ToString(CultureInfo.InvariantCulture))
        {
            builder.WebHost.UseUrls(url.ToString());
        }

        var services = builder.Services;
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section)
            .PostConfigure<IConfiguration>((o, config) =>
            {
                // Beside the bot's own file, in the data directory; read from the configuration, since the storage
                // options' own path is the sandbox's.
                var storage = new StorageOptions();
                config.GetSection(StorageOptions.Section).Bind(storage);
                o.Path = o.Path.Length > 0 ? o.Path : Path.Combine(storage.DataDirectory, SandboxOptions.DefaultFileName);
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Sandbox:Path must name a file.")
            .Validate(o => o.TimeScale >= 1, "Sandbox:TimeScale must be 1 (the configured times) or more.")
            .Validate(o => o.UpdateInterval is null || o.UpdateInterval >= TimeSpan.FromMinutes(1), "Sandbox:UpdateInterval must be at least 00:01:00: reminders count whole minutes.")
            .ValidateOnStart();
        services.AddSingleton(sp => new SandboxSession(
            Loopback(url),
            "xoxb-sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            sp.GetRequiredService<IOptions<SandboxOptions>>().Value.SigningSecret is { Length: > 0 } secret ? secret : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))));
        services.TryAddSingleton<StorageFileLock>();
        services.AddSingleton<SandboxFile>();
        services.AddOptions<SlackOptions>().PostConfigure<SandboxSession>((o, session) =>
        {
            o.BotToken = session.BotToken;
            o.SigningSecret = session.SigningSecret;
            o.AppToken = "";
            o.ApiBaseUrl = session.ApiBaseUrl;
        });
        services.AddOptions<StorageOptions>().PostConfigure<SandboxFile>((o, file) =>
            {
                o.Path = file.Path;
                o.Sandbox = true;
            })
            .Validate(
                o => o.Provider == StorageProvider.LiteDB,
                "Storage:Provider PostgreSQL cannot serve the sandbox: the sandbox keeps its emulated workspace in a LiteDB file of its own (Sandbox:Path) and never writes to a real workspace's database; leave Storage:Provider unset to run it.");
        services.AddOptions<IncidentsOptions>().PostConfigure(o => o.AnnouncementChannel = SandboxDirectory.AnnouncementChannelId);
        services.AddSandboxTimes();

        // The sandbox's @oncall group (Sam and Priya) is invited to the war rooms of the two most severe levels, as
        // configured responders are, unless responders are configured.
        services.AddOptions<RespondersOptions>().PostConfigure<IConfiguration>((o, config) =>
        {
            if (o.Responders.Count == 0)
            {
                var configured = config.GetSection("Incidents:Severities").GetChildren().Select(s => s["Name"]).OfType<string>().ToList();
                foreach (var level in (configured.Count > 0 ? configured : [.. SeverityScheme.Defaults.Select(s => s.Name)]).Take(2))
                {
                    o.Responders[level] = [SandboxDirectory.OnCallGroupId];
                }
            }
        });

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The page fires sample PagerDuty alerts, signed with this run's secret unless one is configured.
            ["Alerts:PagerDutySecret"] = builder.Configuration["Alerts:PagerDutySecret"] is { Length: > 0 } alertSecret ? alertSecret : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),

            // The default escalation matrix calls placeholder people and groups, which the sandbox does not have: off
            // unless asked for (with the sandbox's own user ids in Incidents:Escalation).
            ["Incidents:AutoEscalation"] = builder.Configuration["Incidents:AutoEscalation"] ?? "false",
        });

        services.AddEmulatedSlack();
        services.AddHostedService<SandboxBanner>();
        return builder;
    }

    /// <summary>The page at <c>/</c>, the emulated Slack under <c>/sandbox</c> and the page's sample alert; nothing when the bot talks to a real workspace.</summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Asked without building the session: its settings are validated as the host starts, not while it is mapped.
        if (app.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(SandboxSession)) != true)
        {
            return app;
        }

        app.MapPost("/sandbox/alerts/pagerduty", SandboxAlerts.FireAsync);
        SandboxSamples.Map(app);
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
