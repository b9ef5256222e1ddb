using System.Runtime.CompilerServices;
using IncidentBot.Metrics;
using IncidentBot.Tests.Messaging;
using NodaTime;

namespace IncidentBot.Tests.Metrics;

public sealed class MonthlyReviewTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    private static string Render(YearMonth month) =>
        TemplateTests.Renderer(TemplateTests.TemplatesFolder)
            .RenderText(ReviewUpload.TemplateName, MonthlyReviewModel.For(month, ScriptedMonth.Incidents(), ScriptedMonth.Scheme, ScriptedMonth.Shared, Now));

    [Fact]
    public void The_scripted_month_renders_as_the_golden_file()
    {
        var review = Render(new YearMonth(2026, 11));

        var golden = Path.Combine(AppContext.BaseDirectory, "Metrics", "monthly-review.expected.md");
        if (Environment.GetEnvironmentVariable("INCIDENTBOT_WRITE_GOLDEN") is { Length: > 0 })
        {
            File.WriteAllText(Path.Combine(SourceFolder(), "monthly-review.expected.md"), review);
        }

        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), review);
    }

    [Fact]
    public void A_month_without_incidents_says_so_and_compares_with_the_one_before()
    {
        var review = Render(new YearMonth(2026, 12));

        Assert.Contains("_No incidents were declared in December 2026._", review, StringComparison.Ordinal);
        Assert.Contains("| Incidents | 6 | 0 | −6 |", review, StringComparison.Ordinal);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
