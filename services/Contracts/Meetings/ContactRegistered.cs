namespace Platform.Contracts;

/// <summary>A focal point of an institution joined the directory: the person invitations go to.</summary>
public sealed record ContactRegistered
{
    public required Guid ContactId { get; init; }
    public required Guid InstitutionId { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    /// <summary><c>tr</c>, <c>ar</c> or <c>en</c>: the language the person's emails are written in.</summary>
    public required string Language { get; init; }
    public string? Role { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
}
