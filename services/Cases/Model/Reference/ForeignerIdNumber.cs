using Platform.Cases.Identity;

namespace Platform.Cases.Model.Reference;

/// <summary>
/// The Turkish foreigner identity number (yabancı kimlik numarası): 11 digits starting with 99, with the
/// citizen number's two check digits (<see cref="IdentityNumberChecksum"/>).
/// </summary>
public static class ForeignerIdNumber
{
    public static bool IsValid(string? value) => value is not null && value.StartsWith("99", StringComparison.Ordinal) && IdentityNumberChecksum.IsValid(value);
}
