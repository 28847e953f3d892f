using System.Globalization;

namespace Platform.Meetings.Model;

/// <summary>A stakeholder in the district coordination meetings: governorship, municipality, UN agency, NGO...</summary>
public sealed class Institution
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    /// <summary>District code; null for city-wide bodies.</summary>
    public string? District { get; set; }
    public DateTimeOffset RegisteredAt { get; init; }
    /// <summary>The name folded for search; see <see cref="SearchKey"/>.</summary>
    public string SearchName { get; set; } = "";
    public List<Contact> Contacts { get; init; } = [];

    /// <summary>
    /// Lower case the Turkish way, on purpose: İ→i and I→ı, so "İstanbul" is found by "istanbul" and
    /// "IĞDIR" by "ığdır", never by the invariant culture's I→i.
    /// </summary>
    public static string SearchKey(string text) => text.Trim().ToLower(Turkish);
}
