using System.Text;

namespace IncidentBot.LoadRun;

/// <summary>The run's figures as Markdown tables, in the order they were measured, ready to paste into docs/PERFORMANCE.md.</summary>
internal sealed class Report
{
    private readonly List<(string Title, string[] Columns, List<string[]> Rows)> tables = [];

    public string Machine { get; set; } = "";

    /// <summary>A row of the <paramref name="title"/> table, made with <see cref="Summary"/>'s columns when it is new.</summary>
    public void Add(string title, params string[] cells) => Table(title, Summary).Add(cells);

    public List<string[]> Table(string title, string[] columns)
    {
        var found = tables.Find(t => t.Title == title);
        if (found.Rows is not null)
        {
            return found.Rows;
        }

        var rows = new List<string[]>();
        tables.Add((title, columns, rows));
        return rows;
    }

    public static string[] Summary { get; } = ["Measure", "Figure", "Target"];

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Machine: ").AppendLine(Machine);
        foreach (var (title, columns, rows) in tables)
        {
            text.AppendLine().Append("### ").AppendLine(title).AppendLine();
            text.Append("| ").AppendJoin(" | ", columns).AppendLine(" |");
            text.Append('|').AppendJoin('|', columns.Select(_ => "---")).AppendLine("|");
            foreach (var row in rows)
            {
                text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
            }
        }

        return text.ToString();
    }
}
