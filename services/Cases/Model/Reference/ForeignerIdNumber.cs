namespace Platform.Cases.Model.Reference;

/// <summary>
/// The Turkish foreigner identity number (yabancı kimlik numarası): 11 digits starting with 99, checked
/// like the citizen number: the 10th digit is (7 × the sum of the odd places − the sum of the even
/// places among the first nine) mod 10, the 11th is the sum of the first ten mod 10.
/// </summary>
public static class ForeignerIdNumber
{
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 11 } || !value.All(char.IsAsciiDigit) || !value.StartsWith("99", StringComparison.Ordinal)) return false;
        var d = value.Select(c => c - '0').ToArray();
        var odd = d[0] + d[2] + d[4] + d[6] + d[8];
        var even = d[1] + d[3] + d[5] + d[7];
        var tenth = ((odd * 7 - even) % 10 + 10) % 10;
        var eleventh = (d[..10].Sum()) % 10;
        return d[9] == tenth && d[10] == eleventh;
    }
}
