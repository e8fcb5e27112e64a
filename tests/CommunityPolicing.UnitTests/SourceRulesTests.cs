using System.Text.RegularExpressions;

namespace CommunityPolicing.UnitTests;

/// <summary>Rules of the code base that a reviewer would otherwise have to remember.</summary>
public sealed partial class SourceRulesTests
{
    private static IEnumerable<(string File, string Text)> AppSources()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "CommunityPolicing.sln")))
        {
            directory = directory.Parent;
        }

        var source = Path.Combine(directory.FullName, "src", "CommunityPolicing.Web");
        var sep = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal)
                        && !f.Contains($"{sep}Migrations{sep}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(source, f), File.ReadAllText(f)));
    }

    [Fact]
    public void The_app_reads_the_time_from_one_clock()
    {
        // TimeProvider everywhere: a form's "today" is the department's, and tests can move the clock.
        var offenders = AppSources().Where(s => ServerClock().IsMatch(s.Text)).Select(s => s.File);
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_open_statuses_are_written_out_only_in_the_domain()
    {
        var offenders = AppSources().Where(s => !s.File.EndsWith("AppealWorkflow.cs", StringComparison.Ordinal) && OpenStatusesSpelledOut().IsMatch(s.Text))
            .Select(s => s.File);
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex ServerClock();

    [GeneratedRegex(@"AppealStatus\.Registered\W+(or|\|\||,|a\.Status\s*==)\s*(a\.Status\s*==\s*)?AppealStatus\.Assigned|'Registered',\s*'Assigned'")]
    private static partial Regex OpenStatusesSpelledOut();
}
