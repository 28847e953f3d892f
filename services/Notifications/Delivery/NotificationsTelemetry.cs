using System.Diagnostics.Metrics;

namespace Platform.Notifications.Delivery;

/// <summary>
/// The notifications service's own instruments, under its application name (which ServiceDefaults
/// exports as a source and a meter): emails the SMTP server accepted, and those it refused for good.
/// </summary>
public static class NotificationsTelemetry
{
    public const string Name = "Platform.Notifications";
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>("platform.notifications.emails_sent", "{email}", "Emails the SMTP server accepted");
    public static readonly Counter<long> EmailsRefused = Meter.CreateCounter<long>("platform.notifications.emails_refused", "{email}", "Emails the SMTP server refused for good");
}
