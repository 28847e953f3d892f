using System.Globalization;
using Platform.Cases.Matching;

namespace Platform.Cases.Tests.NameMatching;

/// <summary>What a full name becomes before it is compared: one spelling per Arabic letter, compounds as one token, no culture.</summary>
public sealed class NameTokenizerTests
{
    [Theory]
    [InlineData("أَحْمَد", "احمد")]
    [InlineData("أحمـــد", "احمد")]
    [InlineData("إبراهيم", "ابراهيم")]
    [InlineData("فاطمة", "فاطمه")]
    [InlineData("علی", "علي")]
    [InlineData("کریم", "كريم")]
    [InlineData("رُقَيَّة", "رقية")]
    [InlineData("ﻣﺤﻤﺪ", "محمد")]
    public void Arabic_spellings_of_one_name_sound_the_same(string written, string plain) =>
        Assert.Equal(Sounds(plain), Sounds(written));

    [Theory]
    [InlineData("Abd al-Rahman", "Abdulrahman", "Abdurrahman", "Abd-ul-Rahman", "Abdelrahman", "عبد الرحمن", "عبدالرحمن")]
    [InlineData("Abdullah", "Abd Allah", "Abdallah", "عبد الله", "عبدالله")]
    [InlineData("Abu Bakr", "Ebubekir", "Abubakar", "أبو بكر")]
    public void A_compound_with_Abd_or_Abu_is_one_token_however_written(params string[] spellings)
    {
        var tokens = spellings.Select(s => Assert.Single(NameTokenizer.Tokens(s))).ToList();

        Assert.All(tokens, t => Assert.NotNull(t.Prefix));
        Assert.All(tokens, a => Assert.All(tokens, b => Assert.True(NameMatcher.Pair(a, b), $"{a} / {b}")));
    }

    [Theory]
    [InlineData("Nur al-Din", "Nureddin", "Nurettin", "Noureddine", "Nour Eddine", "نور الدين", "نورالدين")]
    [InlineData("Şemsettin", "Shams al-Din", "Shamsuddin", "شمس الدين")]
    [InlineData("Najibullah", "Najib Ullah", "نجيب الله")]
    public void A_compound_with_Din_or_Allah_is_one_token_however_written(params string[] spellings)
    {
        var tokens = spellings.Select(s => Assert.Single(NameTokenizer.Tokens(s))).ToList();

        Assert.All(tokens, t => Assert.NotNull(t.Suffix));
        Assert.All(tokens, a => Assert.All(tokens, b => Assert.True(NameMatcher.Pair(a, b), $"{a} / {b}")));
    }

    [Fact]
    public void A_compound_whose_second_part_differs_is_another_name()
    {
        Assert.False(NameMatcher.IsSameName("Abd al-Rahman Nasser", "Abd al-Rahim Nasser"));
        Assert.False(NameMatcher.IsSameName("عبد الرحمن ناصر", "عبد الرحيم ناصر"));
        Assert.False(NameMatcher.IsSameName("Nureddin Kaya", "Nur Kaya"));
    }

    [Theory]
    [InlineData("al-Halabi", "Halabi")]
    [InlineData("Alhalabi", "Halabi")]
    [InlineData("ash-Shami", "Shami")]
    [InlineData("الحلبي", "حلبي")]
    public void The_article_is_not_part_of_the_name(string withArticle, string without) =>
        Assert.Equal(Assert.Single(NameTokenizer.Tokens(without)).Key, Assert.Single(NameTokenizer.Tokens(withArticle)).Key);

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("az-Latn-AZ")]
    [InlineData("en-US")]
    public void Turkish_dotted_and_dotless_i_match_whatever_the_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.True(NameMatcher.IsSameName("İbrahim Işık", "IBRAHIM ISIK"));
            Assert.True(NameMatcher.IsSameName("İbrahim Işık", "ibrahim ışık"));
            Assert.Equal(Sounds("İbrahim"), Sounds("ibrahim"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_single_given_name_does_not_match_a_full_name_and_names_in_any_order_do()
    {
        Assert.False(NameMatcher.IsSameName("Ali", "Ali Yılmaz"));
        Assert.True(NameMatcher.IsSameName("Yılmaz Mehmet", "Mehmet Yılmaz"));
        Assert.True(NameMatcher.IsSameName("Hiba Adnan Masri", "Hiba al-Masri"));
        Assert.False(NameMatcher.IsSameName("Khaled Mohammad al-Shami", "Khaled Mahmoud al-Shami"));
        Assert.True(NameMatcher.IsSameName("Mohammad Reza Ahmadi", "Mohammadreza Ahmadi"));
    }

    private static string Sounds(string word) => Assert.Single(NameTokenizer.Tokens(word)).Sounds;
}
