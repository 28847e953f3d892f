using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Platform.Meetings.Model;

/// <summary>Telephone numbers in E.164 form: <c>+</c>, the country code and the number, 8 to 15 digits in all.</summary>
public static partial class PhoneNumbers
{
    public const int MaxLength = 16;
    public const string Example = "+902125550101";

    /// <summary>
    /// The E.164 form of <paramref name="text"/>. Spaces between digit groups ("+90 212 555 01 01") are
    /// dropped, as people write numbers that way; anything else that is not a digit is refused.
    /// </summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? e164)
    {
        e164 = text?.Replace(" ", "", StringComparison.Ordinal);
        if (e164 is not null && E164().IsMatch(e164)) return true;
        e164 = null;
        return false;
    }

    // ASCII digits only: \d would also admit Arabic-Indic and other Unicode digits.
    [GeneratedRegex("^\\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();
}
