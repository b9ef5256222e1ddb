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
    public void The_incident_domain_writes_no_slack_markup_so_renderers_add_the_syntax()
    {
        var domain = Path.Combine(RepositoryRoot(), "src", "IncidentBot", "Incidents");
        var offenders = Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Number: i + 1, Line: line.Trim())))
            .Where(l => !l.Line.StartsWith("//", StringComparison.Ordinal))
            .Where(l => ((string[])["<@", "<#", "<!"]).Any(markup => l.Line.Contains(markup, StringComparison.Ordinal)))
            .Select(l => $"{l.File}:{l.Number}: {l.Line}")
            .ToList();
        Assert.NotEmpty(Directory.EnumerateFiles(domain, "*.cs"));
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_outbox_delivers_steps_without_knowing_any_feature()
    {
        string[] features =
        [
            "Acknowledgements", "Alerts", "Announcements", "AppHome", "Bookmarks", "Buttons", "Changes", "Commands", "Escalation", "Lifecycle", "Metrics",
            "Paging", "People", "Postmortems", "Reminders", "Sandbox", "Scribe", "Shortcuts", "StatusPages", "WarRooms", "Webhooks",
        ];
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

    [Fact]
    public void No_top_level_folders_of_the_bot_depend_on_each_other_in_a_cycle()
    {
        var graph = FolderDependencies.Of(typeof(Incident).Assembly);
        Assert.Contains("Program", graph.Keys);
        var cycles = FolderDependencies.Cycles(graph.ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.Value.Keys));
        var named = cycles.Select(c => c + Environment.NewLine + string.Join(Environment.NewLine, Edges(c).Select(e => "    " + graph[e.From][e.To])));
        Assert.True(cycles.Count == 0, "Folder cycles:" + Environment.NewLine + string.Join(Environment.NewLine, named));
    }

    [Fact]
    public void The_cycle_check_names_the_folders_of_a_cycle()
    {
        var graph = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["Program"] = ["Paging", "Storage"],
            ["Paging"] = ["Escalation", "Storage"],
            ["Escalation"] = ["Paging"],
            ["Storage"] = ["Incidents"],
        };

        Assert.Equal(["Escalation → Paging → Escalation"], FolderDependencies.Cycles(graph));
    }

    [Fact]
    public void The_folder_dependencies_include_types_used_only_inside_a_method_body()
    {
        var graph = FolderDependencies.Of(typeof(Incident).Assembly);

        Assert.Contains("Sandbox", graph["Program"].Keys);
        Assert.DoesNotContain("Program", graph.Values.SelectMany(g => g.Keys));
    }

    [Fact]
    public void Every_source_file_of_the_bot_is_in_the_namespace_of_its_folder()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "IncidentBot");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source, f).Split(Path.DirectorySeparatorChar))
            .Where(parts => parts.Length > 1 && parts[0] is not ("bin" or "obj"))
            .Where(parts => !File.ReadLines(Path.Combine(source, Path.Combine(parts)))
                .Any(line => line.StartsWith($"namespace IncidentBot.{parts[0]};", StringComparison.Ordinal) || line.StartsWith($"namespace IncidentBot.{parts[0]}.", StringComparison.Ordinal)))
            .Select(parts => string.Join('/', parts))
            .ToList();
        Assert.Empty(offenders);
    }

    private static IEnumerable<(string From, string To)> Edges(string cycle)
    {
        var folders = cycle.Split(" → ");
        return folders.Zip(folders.Skip(1));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "IncidentBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("IncidentBot.sln is not above " + AppContext.BaseDirectory);
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
