using System.Globalization;

namespace Platform.Notifications.Composition;

/// <summary>A file's size as a reader of the email expects it: "1,2 MB" in Turkish, "1.2 MB" in English, "1٫2 ميغابايت" in Arabic.</summary>
public static class FileSizes
{
    private const double Kilo = 1024, Mega = 1024 * 1024;

    public static string Describe(long bytes, string language, CultureInfo culture)
    {
        var (bytesUnit, kiloUnit, megaUnit) = language switch
        {
            "ar" => ("بايت", "كيلوبايت", "ميغابايت"),
            "en" => ("bytes", "KB", "MB"),
            _ => ("bayt", "KB", "MB"),
        };
        if (bytes < Kilo) return $"{bytes.ToString("N0", culture)} {bytesUnit}";
        if (bytes < Mega) return $"{(bytes / Kilo).ToString("0.#", culture)} {kiloUnit}";
        return $"{(bytes / Mega).ToString("0.#", culture)} {megaUnit}";
    }
}
