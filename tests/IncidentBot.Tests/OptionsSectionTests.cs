using System.Reflection;

namespace IncidentBot.Tests;

/// <summary>Each configuration section is one options class's: a sub-section (<c>Incidents:Paging</c>) has a class of its own.</summary>
public sealed class OptionsSectionTests
{
    [Fact]
    public void No_two_options_classes_name_the_same_configuration_section()
    {
        var sections = typeof(Program).Assembly.GetTypes()
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(s => s.Field is { IsLiteral: true } && s.Field.FieldType == typeof(string))
            .Select(s => (s.Type.Name, Section: (string)s.Field!.GetRawConstantValue()!))
            .ToList();

        Assert.Contains(sections, s => s.Section == "Incidents:Webhooks");
        Assert.Empty(sections.GroupBy(s => s.Section, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Name))}"));
    }
}
