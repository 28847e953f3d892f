// MassTransit needs every message type in a namespace.
namespace Platform.Testing.Ledger.Contracts;

public sealed record AccountCredited
{
    public required Guid AccountId { get; init; }
    /// <summary>The account's n-th credit: what the ordering checks look at.</summary>
    public required long Sequence { get; init; }
}
