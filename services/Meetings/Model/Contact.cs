namespace Platform.Meetings.Model;

/// <summary>A focal point of an institution: the person who is invited and writes back.</summary>
public sealed class Contact
{
    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public required string FullName { get; set; }
    public required string Email { get; set; }
    /// <summary>tr, ar or en.</summary>
    public required string Language { get; set; }
    public string? Role { get; set; }
    /// <summary>E.164 (<see cref="PhoneNumbers"/>), optional.</summary>
    public string? Phone { get; set; }
    public DateTimeOffset RegisteredAt { get; init; }
}
