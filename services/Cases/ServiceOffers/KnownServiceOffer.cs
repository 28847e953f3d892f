using System.Linq.Expressions;

namespace Platform.Cases.ServiceOffers;

/// <summary>
/// The cases service's copy of an institution's service offer (owned by meetings, learnt from its
/// <c>ServiceOffer*</c> events): what it is, where and for whom, and how many referrals a month it takes.
/// Kept at the newest version seen; a withdrawn offer stays, so reports can say when it went.
/// </summary>
public sealed class KnownServiceOffer
{
    /// <summary>The <c>*</c> in <see cref="Districts"/>: the offer serves every district.</summary>
    public const string EveryDistrict = "*";

    public Guid Id { get; init; }
    public Guid InstitutionId { get; set; }
    public required string Category { get; set; }
    public List<string> Subjects { get; set; } = [];
    public required string NameTr { get; set; }
    public string? NameAr { get; set; }
    public string? NameEn { get; set; }
    public List<string> Districts { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public List<string> Channels { get; set; } = [];
    /// <summary>Empty: open to every legal status.</summary>
    public List<string> LegalStatuses { get; set; } = [];
    public int? AgeFrom { get; set; }
    public int? AgeTo { get; set; }
    /// <summary><c>women</c>, <c>men</c> or <c>any</c>.</summary>
    public required string Gender { get; set; }
    public int? CapacityPerMonth { get; set; }
    /// <summary>The meetings service's version of the offer: an event of this version or older changes nothing.</summary>
    public int Version { get; set; }
    /// <summary>Null only while a change has arrived before the publication it follows.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    /// <summary>PostgreSQL's xmin: two consumers applying two versions at once cannot both win.</summary>
    public uint RowVersion { get; set; }

    public bool IsActive => WithdrawnAt is null;

    public bool Serves(string district) => Districts.Contains(EveryDistrict) || Districts.Contains(district);

    /// <summary>Active offers serving <paramref name="district"/>, as a filter the database applies.</summary>
    public static Expression<Func<KnownServiceOffer, bool>> ActiveIn(string district) =>
        o => o.WithdrawnAt == null && (o.Districts.Contains(EveryDistrict) || o.Districts.Contains(district));

    public static KnownServiceOffer From(Guid offerId, Guid institutionId, ServiceOfferTerms terms, int version, DateTimeOffset? publishedAt = null)
    {
        var offer = new KnownServiceOffer { Id = offerId, Category = terms.Category, NameTr = terms.NameTr, Gender = terms.Gender, PublishedAt = publishedAt?.ToUniversalTime() };
        offer.Take(institutionId, terms, version);
        return offer;
    }

    public void Take(Guid institutionId, ServiceOfferTerms terms, int version)
    {
        InstitutionId = institutionId;
        Category = terms.Category;
        Subjects = [.. terms.Subjects];
        NameTr = terms.NameTr;
        NameAr = terms.NameAr;
        NameEn = terms.NameEn;
        Districts = [.. terms.Districts];
        Languages = [.. terms.Languages];
        Channels = [.. terms.Channels];
        LegalStatuses = [.. terms.LegalStatuses];
        AgeFrom = terms.AgeFrom;
        AgeTo = terms.AgeTo;
        Gender = terms.Gender;
        CapacityPerMonth = terms.CapacityPerMonth;
        Version = version;
    }
}
