namespace Platform.Cases.Retention;

/// <summary>One run of the retention job (table <c>retention_runs</c>): when, the activity cut-off, and how many people it erased.</summary>
public sealed class RetentionRun
{
    public long Id { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; set; }
    /// <summary>People with no activity since this moment were due.</summary>
    public DateTimeOffset InactiveSince { get; init; }
    public int Erased { get; set; }
    /// <summary>Due people the run could not erase (a desk renewed or changed them meanwhile, another instance erased them).</summary>
    public int Skipped { get; set; }
}
