using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Platform.Meetings.Invitations;

/// <summary>Why a reply link cannot be answered; each has its page text and its HTTP status.</summary>
public enum ReplyFailure { Invalid, Expired, Withdrawn, Cancelled, UnknownReply, Busy }

/// <summary>
/// The page a reply link opens, in the invitee's language (tr, ar right to left, en): the meeting, the
/// current reply and one small form per answer that posts to the same address. Self-contained (inline
/// CSS, no script, no image) so it works behind the page's Content-Security-Policy and on a phone.
/// Every value that came from a partner is HTML-encoded.
/// </summary>
internal static class ReplyPage
{
    public const string ContentType = "text/html; charset=utf-8";

    private sealed record Texts(
        CultureInfo Culture, string Direction, string Heading, string When, string Where, string Online, string IstanbulTime,
        string YourReply, string Choose, string ChangeLater,
        IReadOnlyDictionary<string, string> ReplyNames, IReadOnlyDictionary<string, string> Buttons, IReadOnlyDictionary<string, string> Recorded,
        IReadOnlyDictionary<ReplyFailure, (string Title, string Detail)> Failures);

    private static readonly IReadOnlyDictionary<string, Texts> ByLanguage = new Dictionary<string, Texts>(StringComparer.Ordinal)
    {
        ["tr"] = new(CultureInfo.GetCultureInfo("tr-TR"), "ltr", "Toplantı daveti", "Zaman", "Yer", "Çevrim içi katılım", "İstanbul saati",
            "Yanıtınız", "Yanıtınızı seçin. Bu sayfayı açmak tek başına bir şey kaydetmez.", "Fikriniz değişirse başka bir yanıt seçebilirsiniz.",
            new Dictionary<string, string> { [Replies.Pending] = "Henüz yanıt vermediniz", [Replies.Accepted] = "Katılacağım", [Replies.Declined] = "Katılamayacağım", [Replies.Tentative] = "Belki katılırım" },
            new Dictionary<string, string> { ["accept"] = "Katılacağım", ["decline"] = "Katılamayacağım", ["tentative"] = "Belki" },
            new Dictionary<string, string> { [Replies.Accepted] = "Katılımınız kaydedildi", [Replies.Declined] = "Katılamayacağınız kaydedildi", [Replies.Tentative] = "Belki yanıtınız kaydedildi" },
            new Dictionary<ReplyFailure, (string, string)>
            {
                [ReplyFailure.Invalid] = ("Geçersiz yanıt bağlantısı", "Bu bağlantı platform tarafından verilmemiş ya da bozulmuş. Davet e-postasındaki bağlantıyı kullanın."),
                [ReplyFailure.Expired] = ("Yanıt bağlantısının süresi doldu", "Bu toplantı sona erdi; bağlantı artık yanıt kaydetmiyor."),
                [ReplyFailure.Withdrawn] = ("Davet geri çekildi", "Bu toplantıya artık davetli değilsiniz."),
                [ReplyFailure.Cancelled] = ("Toplantı iptal edildi", "Bu toplantı iptal edildi; yanıt vermeniz gerekmiyor."),
                [ReplyFailure.UnknownReply] = ("Yanıt anlaşılmadı", "Lütfen sayfadaki düğmelerden birini seçin."),
                [ReplyFailure.Busy] = ("Yanıt kaydedilemedi", "Toplantı tam şu anda değiştirildi. Lütfen bağlantıyı yeniden açıp tekrar deneyin."),
            }),
        // Syrian Arabic: the Gregorian calendar, as in the invitation emails (ar-SA would write Hijri dates).
        ["ar"] = new(CultureInfo.GetCultureInfo("ar-SY"), "rtl", "دعوة إلى اجتماع", "الموعد", "المكان", "المشاركة عبر الإنترنت", "بتوقيت إسطنبول",
            "ردّكم", "اختاروا ردّكم. فتح هذه الصفحة وحده لا يسجّل شيئاً.", "يمكنكم اختيار ردّ آخر إذا تغيّر رأيكم.",
            new Dictionary<string, string> { [Replies.Pending] = "لم تردّوا بعد", [Replies.Accepted] = "سأحضر", [Replies.Declined] = "أعتذر عن الحضور", [Replies.Tentative] = "ربما أحضر" },
            new Dictionary<string, string> { ["accept"] = "سأحضر", ["decline"] = "أعتذر عن الحضور", ["tentative"] = "ربما" },
            new Dictionary<string, string> { [Replies.Accepted] = "تم تسجيل قبولكم", [Replies.Declined] = "تم تسجيل اعتذاركم", [Replies.Tentative] = "تم تسجيل ردكم المبدئي" },
            new Dictionary<ReplyFailure, (string, string)>
            {
                [ReplyFailure.Invalid] = ("رابط الرد غير صالح", "لم تُصدر المنصة هذا الرابط أو أنه تالف. استخدموا الرابط الموجود في رسالة الدعوة."),
                [ReplyFailure.Expired] = ("انتهت صلاحية رابط الرد", "انتهى هذا الاجتماع؛ لم يعد الرابط يسجّل الردود."),
                [ReplyFailure.Withdrawn] = ("سُحبت الدعوة", "لم تعودوا مدعوّين إلى هذا الاجتماع."),
                [ReplyFailure.Cancelled] = ("أُلغي الاجتماع", "أُلغي هذا الاجتماع؛ لا حاجة إلى الرد."),
                [ReplyFailure.UnknownReply] = ("لم نفهم الرد", "يرجى اختيار أحد الأزرار في الصفحة."),
                [ReplyFailure.Busy] = ("تعذّر تسجيل الرد", "تغيّر الاجتماع في هذه اللحظة. يرجى فتح الرابط من جديد والمحاولة مرة أخرى."),
            }),
        ["en"] = new(CultureInfo.GetCultureInfo("en-GB"), "ltr", "Meeting invitation", "When", "Where", "Join online", "Istanbul time",
            "Your reply", "Choose your reply. Opening this page records nothing by itself.", "You can choose another reply if your plans change.",
            new Dictionary<string, string> { [Replies.Pending] = "Not answered yet", [Replies.Accepted] = "I will attend", [Replies.Declined] = "I cannot attend", [Replies.Tentative] = "I may attend" },
            new Dictionary<string, string> { ["accept"] = "Accept", ["decline"] = "Decline", ["tentative"] = "Tentative" },
            new Dictionary<string, string> { [Replies.Accepted] = "Your acceptance is recorded", [Replies.Declined] = "Your decline is recorded", [Replies.Tentative] = "Your tentative reply is recorded" },
            new Dictionary<ReplyFailure, (string, string)>
            {
                [ReplyFailure.Invalid] = ("Invalid reply link", "This link was not issued by the platform or is damaged. Use the link in the invitation email."),
                [ReplyFailure.Expired] = ("Reply link expired", "This meeting is over; the link no longer records replies."),
                [ReplyFailure.Withdrawn] = ("No longer invited", "This invitation was withdrawn."),
                [ReplyFailure.Cancelled] = ("Meeting cancelled", "This meeting was cancelled; no reply is needed."),
                [ReplyFailure.UnknownReply] = ("Reply not understood", "Please choose one of the buttons on the page."),
                [ReplyFailure.Busy] = ("Reply not recorded", "The meeting was changed at this very moment. Please open the link again and retry."),
            }),
    };

    /// <summary>The languages pages are written in; anything else reads Turkish.</summary>
    public static string Language(string? language) => language is not null && ByLanguage.ContainsKey(language) ? language : "tr";

    /// <summary>
    /// The meeting with the current reply and the three answers as forms. <paramref name="suggested"/> (the
    /// <c>reply</c> of the link that was followed) is highlighted; <paramref name="recorded"/> adds the confirmation.
    /// </summary>
    public static string Invitation(string language, Meeting meeting, string currentReply, string? suggested, string? recorded)
    {
        var lang = Language(language);
        var t = ByLanguage[lang];
        var starts = meeting.StartsAt.ToIstanbul();
        var ends = meeting.EndsAt.ToIstanbul();
        var body = new StringBuilder();
        if (recorded is not null)
            body.Append($"""<p class="done" role="status">{E(t.Recorded[recorded])}</p>""").Append('\n');
        // Partner-entered values (a Turkish title on an Arabic page) keep their own direction: dir="auto".
        body.Append($"<h1 dir=\"auto\">{E(meeting.Title)}</h1>\n<dl>\n");
        body.Append($"""<dt>{E(t.When)}</dt><dd><time datetime="{starts.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}">{E(starts.ToString("dddd d MMMM yyyy HH:mm", t.Culture))}</time>–{E(ends.ToString(ends.Date == starts.Date ? "HH:mm" : "dddd d MMMM yyyy HH:mm", t.Culture))} ({E(t.IstanbulTime)})</dd>""").Append('\n');
        if (!string.IsNullOrWhiteSpace(meeting.Location))
            body.Append($"<dt>{E(t.Where)}</dt><dd dir=\"auto\">{E(meeting.Location)}</dd>\n");
        if (!string.IsNullOrWhiteSpace(meeting.OnlineUrl))
        {
            // Only an http(s) address becomes a link (never javascript: or data:); the page's address holds the token, so no referrer.
            var online = Uri.TryCreate(meeting.OnlineUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
                ? $"""<a href="{E(url.AbsoluteUri)}" rel="noopener noreferrer">{E(meeting.OnlineUrl)}</a>"""
                : E(meeting.OnlineUrl);
            body.Append($"<dt>{E(t.Online)}</dt><dd dir=\"ltr\">{online}</dd>\n");
        }
        body.Append($"""<dt>{E(t.YourReply)}</dt><dd class="reply">{E(t.ReplyNames.GetValueOrDefault(currentReply, currentReply))}</dd>""").Append("\n</dl>\n");
        body.Append($"<p>{E(recorded is null ? t.Choose : t.ChangeLater)}</p>\n<div class=\"answers\">\n");
        foreach (var answer in (string[])["accept", "decline", "tentative"])
        {
            var label = t.Buttons[answer];
            var css = answer == suggested ? " class=\"suggested\"" : "";
            // No action: the form posts to the address of the page itself, whatever gateway path it was opened through.
            body.Append($"""<form method="post"><input type="hidden" name="reply" value="{answer}"><button type="submit"{css}>{E(label)}</button></form>""").Append('\n');
        }
        body.Append("</div>");
        return Document(lang, t, meeting.Title, body.ToString());
    }

    public static string Failure(string language, ReplyFailure failure)
    {
        var lang = Language(language);
        var t = ByLanguage[lang];
        var (title, detail) = t.Failures[failure];
        return Document(lang, t, title, $"<h1>{E(title)}</h1>\n<p>{E(detail)}</p>");
    }

    private static string Document(string lang, Texts t, string title, string body) => $$"""
        <!doctype html>
        <html lang="{{lang}}" dir="{{t.Direction}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>{{E(title)}} · {{E(t.Heading)}}</title>
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;margin:0 auto;max-width:36rem;padding:1rem;line-height:1.5;color:#1b1b1b;background:#fff}
        h1{font-size:1.35rem;margin:.5rem 0 1rem}
        dl{margin:0 0 1rem}dt{font-weight:600;margin-top:.5rem}dd{margin:0;overflow-wrap:anywhere}
        .done{background:#e6f4ea;border:1px solid #1e7e34;border-radius:.5rem;padding:.75rem;font-weight:600}
        .answers{display:flex;flex-direction:column;gap:.5rem}form{margin:0}
        button{width:100%;font:inherit;font-size:1.05rem;padding:.8rem 1rem;border-radius:.5rem;border:1px solid #0b5cad;background:#fff;color:#0b5cad;cursor:pointer}
        button.suggested{background:#0b5cad;color:#fff;font-weight:600}
        a{color:#0b5cad}
        </style>
        </head>
        <body>
        <p>{{E(t.Heading)}}</p>
        {{body}}
        </body>
        </html>
        """;

    // Markup characters encoded, Turkish and Arabic letters kept as they are (the page is UTF-8).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string? text) => Encoder.Encode(text ?? "");
}
