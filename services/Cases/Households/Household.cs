namespace Platform.Cases.Households;

public static class HouseholdRelationships
{
    public const string Head = "head";
    public static readonly IReadOnlyList<string> All = [Head, "spouse", "child", "parent", "sibling", "other"];
}

/// <summary>
/// People registered at the desks who live together and are helped as one: food, cash and household items
/// go to the household, so the duplicate check looks at every member (<see cref="Matching.DuplicateAssistanceCheck"/>).
/// A person belongs to one household at a time, and a household has one head at most (both also unique
/// indexes, so two desks adding the same person at once cannot both succeed).
/// </summary>
public sealed class Household
{
    public Guid Id { get; init; }
    public required string ReferenceCode { get; init; }
    public required string District { get; init; }
    public List<HouseholdMember> Members { get; init; } = [];
    public required string FormedBy { get; init; }
    public DateTimeOffset FormedAt { get; init; }

    /// <summary>Adds a member; what is wrong instead when the person is a member already or a second head.</summary>
    public string? Add(Guid beneficiaryId, string relationship, string by, DateTimeOffset at)
    {
        if (Members.Any(m => m.BeneficiaryId == beneficiaryId)) return "This person is a member of this household already.";
        if (relationship == HouseholdRelationships.Head && Members.Any(m => m.Relationship == HouseholdRelationships.Head))
            return "This household has a head already: a household has one head at most.";
        Members.Add(new HouseholdMember { HouseholdId = Id, BeneficiaryId = beneficiaryId, Relationship = relationship, AddedBy = by, AddedAt = at });
        return null;
    }
}

public sealed class HouseholdMember
{
    public Guid HouseholdId { get; init; }
    public Guid BeneficiaryId { get; init; }
    /// <summary>To the head: head, spouse, child, parent, sibling, other.</summary>
    public required string Relationship { get; init; }
    public required string AddedBy { get; init; }
    public DateTimeOffset AddedAt { get; init; }
}
