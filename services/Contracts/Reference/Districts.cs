namespace Platform.Contracts;

/// <summary>Istanbul's 39 districts by their stable ASCII codes: how every service and partner names a district.</summary>
public static class Districts
{
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        "adalar", "arnavutkoy", "atasehir", "avcilar", "bagcilar", "bahcelievler", "bakirkoy", "basaksehir",
        "bayrampasa", "besiktas", "beykoz", "beylikduzu", "beyoglu", "buyukcekmece", "catalca", "cekmekoy",
        "esenler", "esenyurt", "eyupsultan", "fatih", "gaziosmanpasa", "gungoren", "kadikoy", "kagithane",
        "kartal", "kucukcekmece", "maltepe", "pendik", "sancaktepe", "sariyer", "silivri", "sultanbeyli",
        "sultangazi", "sile", "sisli", "tuzla", "umraniye", "uskudar", "zeytinburnu",
    };
}
