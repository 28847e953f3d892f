using Microsoft.EntityFrameworkCore;

namespace Platform.WebApi.Idempotency;

/// <summary>The first answer to a POST sent with an <c>Idempotency-Key</c>, replayed to every retry of it.</summary>
public sealed class IdempotencyRecord
{
    public required string ClientId { get; init; }
    public required string Key { get; init; }
    /// <summary>SHA-256 of method, path and body: the same key with another request is an error, not a replay.</summary>
    public required string RequestHash { get; init; }
    /// <summary>0 while the first request is still running.</summary>
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

public static class IdempotencyModel
{
    public static ModelBuilder AddIdempotency(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("idempotency_records");
            record.HasKey(r => new { r.ClientId, r.Key });
            record.Property(r => r.ClientId).HasMaxLength(100);
            record.Property(r => r.Key).HasMaxLength(IdempotentPosts.MaxKeyLength);
            record.Property(r => r.RequestHash).HasMaxLength(64);
            record.HasIndex(r => r.CreatedAt);
        });
        return modelBuilder;
    }
}
