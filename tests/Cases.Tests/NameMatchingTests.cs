using Platform.Cases.Matching;
using Xunit.Abstractions;

namespace Platform.Cases.Tests;

/// <summary>
/// The name matching on a labelled set: each line of <see cref="People"/> is one person written the ways
/// desks write them (Turkish, Arabic script, Latin transliterations); pairs within a line must match,
/// pairs across lines must not. Precision and recall are printed and held above a floor.
/// </summary>
public sealed class NameMatchingTests(ITestOutputHelper output)
{
    private static readonly string[][] People =
    [
        ["Muhammed Halabi", "محمد الحلبي", "Mohammed Al-Halabi", "Mehmet Halebi"],
        ["Ayşe Yılmaz", "Aisha Yilmaz", "عائشة يلماز", "AYŞE YILMAZ"],
        ["Fatma Kaya", "Fatima Kaya", "فاطمة كايا"],
        ["Ahmet Hasan", "Ahmad Hassan", "أحمد حسن", "Ahmed Hasan"],
        ["Hüseyin Demir", "Hussein Demir", "حسين دمير"],
        ["Zeynep Şahin", "Zainab Sahin", "زينب شاهين"],
        ["Ömer Faruk Aydın", "Omar Farouk Aydin", "عمر فاروق آيدن"],
        ["Yusuf Haddad", "Youssef Haddad", "يوسف حداد", "Yousef Hadad"],
        ["Hatice Osman", "Khadija Othman", "خديجة عثمان"],
        ["Abdullah Rashid", "Abdallah Reşit", "عبد الله رشيد"],
        ["Mustafa Kurdi", "Moustafa Al-Kurdi", "مصطفى الكردي"],
        ["Meryem Ali", "Maryam Ali", "مريم علي"],
        ["Halit Salih", "Khalid Saleh", "خالد صالح"],
        ["Emine Nasser", "Amina Nasser", "أمينة ناصر", "Emine Naser"],
        ["İbrahim Hamdan", "Ibrahim Hamdan", "إبراهيم حمدان"],
        ["Esra Hatip", "Israa Al-Khatib", "إسراء الخطيب"],
        ["Yasemin Darwish", "Yasmin Darwish", "ياسمين درويش"],
        ["Tarık Jaber", "Tariq Jaber", "طارق جابر"],
        ["Cemal Nuri", "Jamal Nouri", "جمال نوري"],
        ["Velit Abbas", "Walid Abbas", "وليد عباس"],
        ["Rukiye Saadi", "Ruqayya Al-Saadi", "رقية السعدي"],
        ["Şeyma Halil", "Shaima Khalil", "شيماء خليل"],
        ["Osman Bakr", "Othman Bakr", "عثمان بكر"],
        ["Hamza Idris", "Hamzah Idriss", "حمزة إدريس"],
        ["Nur Hamit", "Noor Hamid", "نور حامد"],
        ["Salih Mahmut", "Saleh Mahmoud", "صالح محمود"],
        ["Bilal Kasım", "Bilal Qasim", "بلال قاسم"],
        ["Hibe Yasin", "Hiba Yassin", "هبة ياسين"],
        ["Zehra Samir", "Zahra Sameer", "زهراء سمير"],
        ["Süleyman Abdurrahman", "Sulaiman Abdulrahman", "سليمان عبد الرحمن"],
        ["Reşit İsmail", "Rashid Ismail", "رشيد إسماعيل"],
        ["Yakup Ali Hasan", "Yaqub Ali Hassan", "يعقوب علي حسن"],
        ["Elif Karaca", "ELİF KARACA", "Elif Karaja"],
        ["Selim Nassar", "Salim Nassar", "سليم نصار"],
        ["Leyla Mansur", "Layla Mansour", "ليلى منصور"],
        ["Kerem Toprak", "Kerem Toprak"],
        ["Rania Khoury", "Rania Khouri", "رانيا خوري"],
        ["Ömer Said", "Omar Saeed", "عمر سعيد"],
    ];

    /// <summary>Different people whose names look alike: the hard negatives.</summary>
    private static readonly (string, string)[] Different =
    [
        ("Ahmet Hasan", "Ahmet Hüseyin"), ("Muhammed Halabi", "Mahmut Halabi"), ("Fatma Kaya", "Fatma Kara"), ("Ayşe Yılmaz", "Ayşe Yıldız"),
        ("Ali Hasan", "Ali Hüseyin"), ("Omar Farouk", "Omar Farid"), ("Hasan Demir", "Hüseyin Demir"), ("Yusuf Haddad", "Yunus Haddad"),
        ("Zeynep Şahin", "Zehra Şahin"), ("Meryem Ali", "Meryem Aliyev"), ("Emine Nasser", "Amine Yasser"), ("İbrahim Hamdan", "İsmail Hamdan"),
        ("Salih Mahmut", "Saleh Mohammed"), ("Bilal Kasım", "Bilal Hashim"), ("Khalid Saleh", "Khalil Saleh"), ("Esra Hatip", "Esma Hatip"),
        ("Ali", "Ali Hasan"), ("Selim Nassar", "Selin Nasser"), ("Leyla Mansur", "Leyla Manav"), ("محمد الحلبي", "محمود الحلبي"),
        ("عائشة يلماز", "فاطمة يلماز"), ("Rania Khoury", "Rana Khoury"), ("Tarık Jaber", "Tarık Jabbour"),
    ];

    [Fact]
    public void Names_match_across_Turkish_Arabic_and_Latin_spellings_with_high_precision_and_recall()
    {
        var positives = People.SelectMany(p => p.SelectMany((a, i) => p.Skip(i + 1).Select(b => (a, b)))).ToList();
        // Every person against the next three: different people, not all alike.
        var negatives = People.SelectMany((p, i) => Enumerable.Range(1, 3).Select(k => (p[0], People[(i + k) % People.Length][^1])))
            .Concat(Different).ToList();
        var truePositives = positives.Count(Match);
        var falseNegatives = positives.Where(p => !Match(p)).ToList();
        var falsePositives = negatives.Where(Match).ToList();
        var precision = (double)truePositives / (truePositives + falsePositives.Count);
        var recall = (double)truePositives / positives.Count;

        output.WriteLine($"{positives.Count + negatives.Count} labelled pairs ({positives.Count} same person, {negatives.Count} different): precision {precision:P1}, recall {recall:P1}");
        foreach (var (a, b) in falseNegatives) output.WriteLine($"  missed:      {a} / {b}  ({NameKey.Of(a)} / {NameKey.Of(b)})");
        foreach (var (a, b) in falsePositives) output.WriteLine($"  wrong match: {a} / {b}  ({NameKey.Of(a)} / {NameKey.Of(b)})");
        Assert.True(positives.Count + negatives.Count >= 200, "the labelled set has at least 200 pairs");
        Assert.True(precision >= 0.95, $"precision {precision:P1}");
        Assert.True(recall >= 0.90, $"recall {recall:P1}");

        static bool Match((string A, string B) pair) => NameMatcher.IsSameName(NameKey.Of(pair.A), NameKey.Of(pair.B));
    }

    [Theory]
    [InlineData("İbrahim", "ibrahim")]
    [InlineData("IŞIK", "isik")]
    [InlineData("Işık", "isik")]
    public void Turkish_dotted_and_dotless_i_fold_the_same_way_whatever_the_culture(string name, string folded)
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal(NameKey.Of(folded), NameKey.Of(name));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
