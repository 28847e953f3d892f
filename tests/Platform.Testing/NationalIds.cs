namespace Platform.Testing;

/// <summary>
/// Valid, distinct Turkish citizens' (T.C.) identity numbers for test data: a first digit of 1 to 8, eight
/// more digits, and the two check digits the foreigner numbers share (<see cref="ForeignerIds.Complete"/>).
/// </summary>
public static class NationalIds
{
    private static int _next = Random.Shared.Next(0, 500_000_000);

    public static string New() => ForeignerIds.Complete((100_000_000 + Interlocked.Increment(ref _next) % 800_000_000).ToString("000000000"));
}
