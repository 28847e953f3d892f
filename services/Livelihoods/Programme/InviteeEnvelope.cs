using Microsoft.Extensions.Options;
using Platform.Security.Protection;

namespace Platform.Livelihoods.Programme;

/// <summary>
/// Seals training invitees for notifications with the secret livelihoods shares with notifications alone
/// (<c>PersonalData:NotificationsSharingKey</c>), not the one it shares with cases: each pair of services
/// has its own, so notifications can open an invitation list but never a referred woman's details.
/// </summary>
public sealed class InviteeEnvelope(IOptions<PersonalDataOptions> options)
{
    private readonly SharedEnvelope _envelope = new(options.Value.NotificationsSharingKey.Length >= 32
        ? options.Value.NotificationsSharingKey
        : throw new OptionsValidationException(PersonalDataOptions.Section, typeof(PersonalDataOptions),
            ["PersonalData:NotificationsSharingKey (shared with notifications for training invitations) is missing or shorter than 32 characters."]));

    public string Seal(List<TrainingInvitee> invitees, Guid trainingId) => _envelope.Seal(invitees, SharedEnvelope.TrainingContext(trainingId));
}
