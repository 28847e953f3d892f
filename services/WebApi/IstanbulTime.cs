namespace Platform.WebApi;

/// <summary>
/// The platform lives in Istanbul: times are stored as instants and shown with Istanbul's offset; "today"
/// (a due date passed, a date in the future) is Istanbul's calendar day.
/// </summary>
public static class IstanbulTime
{
    public const string ZoneId = "Europe/Istanbul";
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTimeOffset ToIstanbul(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToIstanbul().DateTime);

    /// <summary>The instant a calendar day starts in Istanbul.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
}
