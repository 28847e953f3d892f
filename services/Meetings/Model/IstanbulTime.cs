namespace Platform.Meetings.Model;

/// <summary>Meetings live in Istanbul: times are stored as instants and shown with Istanbul's offset.</summary>
public static class IstanbulTime
{
    public const string ZoneId = "Europe/Istanbul";
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTimeOffset ToIstanbul(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToIstanbul().DateTime);
}
