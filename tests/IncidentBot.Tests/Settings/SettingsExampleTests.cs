using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using IncidentBot.Sandbox;

namespace IncidentBot.Tests.Settings;

/// <summary>
/// appsettings.example.json shows every setting there is and nothing else: each options class's section, each of its
/// settings (every key of an item somewhere in a list or map), and no key that no options class reads.
/// </summary>
public sealed class SettingsExampleTests
{
    /// <summary>Top-level sections ASP.NET itself reads.</summary>
    private static readonly string[] FrameworkSections = ["Logging", "AllowedHosts"];

    [Fact]
    public void The_example_has_every_setting_of_every_options_class_and_no_other()
    {
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "appsettings.example.json")))!.AsObject();
        var sections = OptionsSections();
        var problems = new List<string>();

        foreach (var (section, type) in sections)
        {
            var node = At(example, section);
            if (node is null)
            {
                problems.Add($"{section} ({type.Name}) is missing");
                continue;
            }

            // A class that binds its section into its one collection (Incidents:Escalation, …) is that collection.
            var settings = Settings(type);
            if (settings is [var only] && IsCollection(only.PropertyType))
            {
                Check(node, only.PropertyType, section, problems);
            }
            else
            {
                var subSections = sections.Keys.Where(s => s.StartsWith(section + ":", StringComparison.Ordinal)).Select(s => s[(section.Length + 1)..]).Where(s => !s.Contains(':', StringComparison.Ordinal));
                Check(node, type, section, problems, [.. subSections]);
            }
        }

        var known = sections.Keys.Select(s => s.Split(':')[0]).Concat(FrameworkSections).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(example.Select(p => p.Key).Where(k => !known.Contains(k)).Select(k => $"{k} is no section of the bot"));
        Assert.Empty(problems);
    }

    /// <summary>Every options class with its section, the bot's and the sandbox's.</summary>
    private static Dictionary<string, Type> OptionsSections() =>
        typeof(Program).Assembly.GetTypes().Concat(typeof(SandboxOptions).Assembly.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(s => s.Field is { IsLiteral: true } && s.Field.FieldType == typeof(string))
            .ToDictionary(s => (string)s.Field!.GetRawConstantValue()!, s => s.Type, StringComparer.Ordinal);

    private static JsonNode? At(JsonObject root, string section)
    {
        JsonNode? node = root;
        foreach (var key in section.Split(':'))
        {
            node = node is JsonObject o ? o[key] : null;
        }

        return node;
    }

    /// <summary>The properties the configuration binder sets: public, with a public setter, or a collection it fills.</summary>
    private static List<PropertyInfo> Settings(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod is { IsPublic: true } || IsCollection(p.PropertyType)))];

    private static void Check(JsonNode node, Type type, string path, List<string> problems, IReadOnlyCollection<string>? subSections = null)
    {
        if (IsScalar(type))
        {
            return;
        }

        if (Dictionary(type) is { } valueType)
        {
            if (node is not JsonObject map || map.Count == 0)
            {
                problems.Add($"{path} needs an example entry");
                return;
            }

            CheckItems([.. map.Select(p => p.Value!)], valueType, path, problems);
            return;
        }

        if (Element(type) is { } elementType)
        {
            if (node is not JsonArray list)
            {
                problems.Add($"{path} must be a list");
                return;
            }

            if (!IsScalar(elementType))
            {
                if (list.Count == 0)
                {
                    problems.Add($"{path} needs an example item");
                    return;
                }

                CheckItems([.. list.Select(i => i!)], elementType, path, problems);
            }

            return;
        }

        CheckItems([node], type, path, problems, subSections);
    }

    /// <summary>Items of one class (a list's or a map's): each setting is shown in at least one, and none has a key of no setting.</summary>
    private static void CheckItems(List<JsonNode> items, Type type, string path, List<string> problems, IReadOnlyCollection<string>? subSections = null)
    {
        if (IsScalar(type))
        {
            return;
        }

        // The items of several lists or maps (each severity's steps) are one set of examples.
        if (Dictionary(type) is { } valueType)
        {
            CheckItems([.. items.OfType<JsonObject>().SelectMany(m => m.Select(p => p.Value!))], valueType, path, problems);
            return;
        }

        if (Element(type) is { } elementType)
        {
            CheckItems([.. items.OfType<JsonArray>().SelectMany(l => l.Select(i => i!))], elementType, path, problems);
            return;
        }

        var objects = items.OfType<JsonObject>().ToList();
        var settings = Settings(type);
        foreach (var setting in settings)
        {
            var shown = objects.Where(o => o.ContainsKey(setting.Name)).Select(o => o[setting.Name]).ToList();
            if (shown.Count == 0)
            {
                problems.Add($"{path}:{setting.Name} is missing");
                continue;
            }

            if (!IsScalar(setting.PropertyType))
            {
                CheckItems([.. shown.OfType<JsonNode>()], setting.PropertyType, $"{path}:{setting.Name}", problems);
            }
        }

        var names = settings.Select(s => s.Name).Concat(subSections ?? []).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(objects.SelectMany(o => o.Select(p => p.Key)).Distinct().Where(k => !names.Contains(k)).Select(k => $"{path}:{k} is no setting of {type.Name}"));
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(TimeSpan) || t == typeof(Uri) || t == typeof(decimal);
    }

    private static bool IsCollection(Type type) => !IsScalar(type) && typeof(IEnumerable).IsAssignableFrom(type);

    private static Type? Dictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;

    private static Type? Element(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "IncidentBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("IncidentBot.sln is not above " + AppContext.BaseDirectory);
    }
}
