using System.Reflection;
using IncidentBot.Incidents;

namespace IncidentBot.Tests;

public sealed class ArchitectureTests
{
    private static readonly string[] Forbidden = ["IncidentBot.Slack", "IncidentBot.Storage", "IncidentBot.Outbox", "IncidentBot.Commands", "IncidentBot.Messaging", "LiteDB", "Scriban", "Microsoft.AspNetCore", "System.Net.Http"];

    [Fact]
    public void The_incident_domain_references_nothing_of_slack_storage_templates_or_the_web()
    {
        var domain = typeof(Incident).Assembly.GetTypes().Where(t => t.Namespace == "IncidentBot.Incidents").ToList();
        Assert.NotEmpty(domain);
        var offenders = domain
            .SelectMany(t => ReferencedTypes(t).Select(r => (Type: t, Reference: r)))
            .Where(p => p.Reference.Namespace is { } ns && Forbidden.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)))
            .Select(p => $"{p.Type.Name} → {p.Reference.FullName}")
            .Distinct()
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_outbox_delivers_steps_without_knowing_any_feature()
    {
        string[] features = ["Changes", "Commands", "Escalation", "Metrics", "Paging", "People", "Postmortems", "Reminders", "Sandbox", "Scribe", "StatusPages", "WarRooms", "Webhooks"];
        var outbox = typeof(Incident).Assembly.GetTypes().Where(t => t.Namespace == "IncidentBot.Outbox").ToList();
        Assert.NotEmpty(outbox);
        var offenders = outbox
            .SelectMany(t => ReferencedTypes(t).Select(r => (Type: t, Reference: r)))
            .Where(p => p.Reference.Namespace is { } ns && features.Any(f => ns == "IncidentBot." + f || ns.StartsWith("IncidentBot." + f + ".", StringComparison.Ordinal)))
            .Select(p => $"{p.Type.Name} → {p.Reference.FullName}")
            .Distinct()
            .ToList();
        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var f in type.GetFields(all))
        {
            yield return f.FieldType;
        }

        foreach (var p in type.GetProperties(all))
        {
            yield return p.PropertyType;
        }

        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            foreach (var parameter in m.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            if (m is MethodInfo method)
            {
                yield return method.ReturnType;
            }

            foreach (var local in m.GetMethodBody()?.LocalVariables ?? [])
            {
                yield return local.LocalType;
            }
        }
    }
}
