namespace Platform.Testing;

/// <summary>
/// Valid, distinct Turkish foreigner identity numbers for test data: 99, seven digits, and the two check
/// digits (10th: 7 × odd places − even places of the first nine, mod 10; 11th: the first ten summed, mod 10).
/// </summary>
public static class ForeignerIds
{
    private static int _next = Random.Shared.Next(0, 5_000_000);

    public static string New() => Complete("99" + (Interlocked.Increment(ref _next) % 10_000_000).ToString("0000000"));

    public static string Complete(string firstNine)
    {
        var d = firstNine.Select(c => c - '0').ToList();
        d.Add((((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10 + 10) % 10);
        d.Add(d.Sum() % 10);
        return string.Concat(d);
    }
}
