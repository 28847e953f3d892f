using Platform.Cases.Matching;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Cases.Tests.NameMatching;

/// <summary>The curated given-name table: every spelling is read back as its name, and names stay apart.</summary>
public sealed class GivenNamesTests(ITestOutputHelper output)
{
    private static readonly string TablePath = Path.Combine(Repository.Root, "services", "Cases", "Matching", "given-names.txt");

    [Fact]
    public void Every_spelling_of_the_table_is_recognised_as_its_name()
    {
        var lines = File.ReadLines(TablePath).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var misread = lines.SelectMany(fields => fields[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(spelling => !(GivenNames.Recognise(spelling) ?? []).Contains(fields[0]))
                .Select(spelling => $"{fields[0]}: {spelling} read as {string.Join('|', GivenNames.Recognise(spelling) ?? ["nothing"])}"))
            .ToList();

        output.WriteLine($"{GivenNames.Count} names, {lines.Sum(f => f[2].Split(',').Length)} spellings");
        Assert.True(GivenNames.Count >= 700, $"{GivenNames.Count} names");
        Assert.Empty(misread);
    }

    [Fact]
    public void No_two_names_share_a_spelling_unless_the_table_declares_it_ambiguous()
    {
        var collisions = GivenNames.Collisions().ToList();
        foreach (var (key, names) in collisions) output.WriteLine($"{key}: {string.Join(' ', names)}");

        Assert.Empty(collisions);
    }

    [Theory]
    [InlineData("Nabil", "Nabila")]
    [InlineData("Saad", "Said")]
    [InlineData("سعد", "سعيد")]
    [InlineData("Bashar", "Bishr")]
    [InlineData("بشار", "بشر")]
    [InlineData("Faris", "Farah")]
    [InlineData("Parvin", "Parvaneh")]
    [InlineData("Samir", "Samer")]
    public void Names_one_or_two_letters_apart_are_different_names(string a, string b)
    {
        Assert.NotNull(GivenNames.Recognise(a));
        Assert.NotNull(GivenNames.Recognise(b));
        Assert.False(NameMatcher.IsSameName($"{a} Haddad", $"{b} Haddad"));
    }
}
