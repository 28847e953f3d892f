using Platform.Contracts;
using Platform.Security.Sharing;

namespace Platform.Notifications.Tests;

/// <summary>Meeting events as the meetings service writes them, with fresh ids and addresses per test.</summary>
internal static class Events
{
    public static MeetingSnapshot Meeting(Guid? id = null, int sequence = 0, string status = "scheduled", DateTimeOffset? startsAt = null) => new()
    {
        MeetingId = id ?? Guid.NewGuid(),
        Sequence = sequence,
        Title = "Gaziosmanpaşa İlçe Koordinasyon Toplantısı",
        Kind = "district-coordination",
        District = "gaziosmanpasa",
        HostInstitutionId = Guid.NewGuid(),
        HostInstitutionName = "Gaziosmanpaşa Kaymakamlığı",
        StartsAt = startsAt ?? new DateTimeOffset(2031, 1, 7, 10, 0, 0, TimeSpan.FromHours(3)),
        EndsAt = (startsAt ?? new DateTimeOffset(2031, 1, 7, 10, 0, 0, TimeSpan.FromHours(3))).AddHours(3),
        TimeZone = "Europe/Istanbul",
        Location = "Gaziosmanpaşa Kaymakamlığı toplantı salonu",
        OnlineUrl = "https://meet.example.org/gop",
        Status = status,
        Agenda =
        [
            new AgendaEntry { Position = 1, Topic = "legal-aid", Title = "Mültecilere Sağlanan Hukuki Destek", PresenterInstitutionName = "WALD" },
            new AgendaEntry { Position = 2, Topic = "health-access", Title = "Sağlık Hizmetlerine Erişim" },
        ],
    };

    public static Invitation Invitee(string language, string? name = null) => new()
    {
        ContactId = Guid.NewGuid(),
        FullName = name ?? language switch { "ar" => "سارة الحلبي", "en" => "John Smith", _ => "Ayşe Yılmaz" },
        Email = $"{language}-{Guid.NewGuid():N}@example.org",
        Language = language,
        InstitutionName = "WALD",
        Reply = "pending",
        ReplyLinks = new ReplyLinks
        {
            Accept = "https://gateway.example/api/v1/rsvp/token?reply=accept",
            Decline = "https://gateway.example/api/v1/rsvp/token?reply=decline",
            Tentative = "https://gateway.example/api/v1/rsvp/token?reply=tentative",
        },
    };

    /// <summary>A training session of the programme inviting <paramref name="invitee"/>, sealed as livelihoods seals it.</summary>
    public static TrainingScheduled Training(Guid trainingId, TrainingInvitee invitee, string district = "gaziosmanpasa") => new()
    {
        TrainingId = trainingId, CohortId = Guid.NewGuid(), CohortName = "Pilot 2031", District = district, Topic = "entrepreneurship",
        Title = "Girişimcilik eğitimi", StartsAt = new DateTimeOffset(2031, 2, 3, 10, 0, 0, TimeSpan.FromHours(3)),
        EndsAt = new DateTimeOffset(2031, 2, 3, 13, 0, 0, TimeSpan.FromHours(3)), Location = "Gaziosmanpaşa Belediyesi",
        SealedInvitees = new SharedEnvelope(NotificationsService.SharingKey).Seal(new List<TrainingInvitee> { invitee }, SharedEnvelope.TrainingContext(trainingId)),
    };
}
