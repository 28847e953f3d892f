using System.ComponentModel.DataAnnotations;

namespace Platform.Cases.Retention;

/// <summary>How long a person's record is kept without activity (section <c>Cases:Retention</c>), and how often the job looks.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Cases:Retention";

    /// <summary>No activity for this long and the record is due for erasure, unless a desk renews it. Five years by default.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan InactiveAfter { get; set; } = TimeSpan.FromDays(5 * 365 + 1);

    /// <summary>How often the retention job runs (daily).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RunEvery { get; set; } = TimeSpan.FromDays(1);
}
