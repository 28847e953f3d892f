using Platform.Contracts;

namespace Platform.EndToEnd.Tests.Replicas;

/// <summary>A meeting scheduled with one invitee, as the meetings service would publish it.</summary>
internal static class ReplicaEvents
{
    public static MeetingScheduled MeetingScheduled(string email)
    {
        var startsAt = new DateTimeOffset(2031, 3, 4, 10, 0, 0, TimeSpan.FromHours(3));
        return new MeetingScheduled
        {
            Meeting = new MeetingSnapshot
            {
                MeetingId = Guid.NewGuid(), Sequence = 0, Title = "Esenyurt İlçe Koordinasyon Toplantısı", Kind = "district-coordination", District = "esenyurt",
                HostInstitutionId = Guid.NewGuid(), HostInstitutionName = "Esenyurt Kaymakamlığı", StartsAt = startsAt, EndsAt = startsAt.AddHours(2),
                TimeZone = "Europe/Istanbul", Location = "Esenyurt Kaymakamlığı", Status = "scheduled",
                Agenda = [new AgendaEntry { Position = 1, Topic = "legal-aid", Title = "Hukuki destek" }],
            },
            Invitees =
            [
                new Invitation
                {
                    ContactId = Guid.NewGuid(), FullName = "Ayşe Yılmaz", Email = email, Language = "tr", InstitutionName = "WALD", Reply = "pending",
                    ReplyLinks = new ReplyLinks
                    {
                        Accept = "https://gateway.example/api/v1/rsvp/token?reply=accept",
                        Decline = "https://gateway.example/api/v1/rsvp/token?reply=decline",
                        Tentative = "https://gateway.example/api/v1/rsvp/token?reply=tentative",
                    },
                },
            ],
        };
    }
}
