using System.Text;

namespace Platform.Cases.DuplicateChecks;

/// <summary>A CSV file that cannot be read: which line, and why (never the value, which may be personal data).</summary>
public sealed class CsvFormatException(int line, string reason) : Exception($"line {line}: {reason}")
{
    public int Line { get; } = line;
}

/// <summary>
/// Records of an RFC 4180 CSV text, one at a time: fields separated by commas (or semicolons, as
/// spreadsheets in Turkish locales save them, told from the header row), quoted fields that hold separators,
/// quotes ("") and line breaks, CRLF or LF line ends. Blank lines are skipped.
/// </summary>
public sealed class CsvRecords(TextReader reader)
{
    private char _separator = ',';
    private bool _separatorKnown;
    private int _line = 1;

    /// <summary>The line the last record returned started on.</summary>
    public int Line { get; private set; }

    public async Task<List<string>?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var text = await reader.ReadLineAsync(cancellationToken);
            if (text is null) return null;
            Line = _line++;
            if (text.Length == 0) continue;
            if (!_separatorKnown)
            {
                _separator = text.Contains(';') && !text.Contains(',') ? ';' : ',';
                _separatorKnown = true;
            }
            return await ParseAsync(text, cancellationToken);
        }
    }

    private async Task<List<string>> ParseAsync(string text, CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (true)
        {
            if (i == text.Length)
            {
                if (!quoted) break;
                // A quoted field goes on over a line break.
                var next = await reader.ReadLineAsync(cancellationToken) ?? throw new CsvFormatException(Line, "a quoted field is not closed");
                _line++;
                field.Append('\n');
                text = next;
                i = 0;
                continue;
            }
            var c = text[i++];
            if (c == '\0') throw new CsvFormatException(Line, "the text contains a NUL character");
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i < text.Length && text[i] == '"') { field.Append('"'); i++; }
                else
                {
                    quoted = false;
                    if (i < text.Length && text[i] != _separator) throw new CsvFormatException(Line, "a closing quote is followed by more text in the same field");
                }
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == '"') throw new CsvFormatException(Line, "a quote in the middle of an unquoted field (quote the field and double the quote)");
            else if (c == _separator) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
