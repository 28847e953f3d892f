namespace Platform.Cases.Identity;

/// <summary>
/// The checksum of the Turkish identity number (T.C. kimlik numarası), which the foreigner identity number
/// shares: 11 digits, the first not 0; the 10th digit is (7 × the sum of the odd places − the sum of the
/// even places among the first nine) mod 10, the 11th is the sum of the first ten mod 10.
/// </summary>
public static class IdentityNumberChecksum
{
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 11 } || !value.All(char.IsAsciiDigit) || value[0] == '0') return false;
        Span<int> d = stackalloc int[11];
        for (var i = 0; i < 11; i++) d[i] = value[i] - '0';
        var odd = d[0] + d[2] + d[4] + d[6] + d[8];
        var even = d[1] + d[3] + d[5] + d[7];
        var tenth = ((odd * 7 - even) % 10 + 10) % 10;
        var firstTen = 0;
        for (var i = 0; i < 10; i++) firstTen += d[i];
        return d[9] == tenth && d[10] == firstTen % 10;
    }
}

/// <summary>A Turkish citizen's identity number: 11 digits, first not 0, not the foreigners' 99 range, both check digits right.</summary>
public static class NationalIdNumber
{
    public static bool IsValid(string? value) => IdentityNumberChecksum.IsValid(value) && !value!.StartsWith("99", StringComparison.Ordinal);
}
