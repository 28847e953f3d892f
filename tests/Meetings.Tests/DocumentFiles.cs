using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;

namespace Platform.Meetings.Tests;

/// <summary>Small but real files of each accepted type, and files that only pretend to be one.</summary>
internal static class DocumentFiles
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A one-page PDF that says "Tutanak" (objects, cross-reference table and trailer as PDF 1.4 wants them).</summary>
    public static byte[] PdfFile()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 37 >>\nstream\nBT /F1 18 Tf 20 40 Td (Tutanak) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A 1×1 red PNG (signature, IHDR, zlib IDAT, IEND, each chunk with its CRC), made with Python's zlib.</summary>
    public static byte[] PngFile() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4YKkNAALhASX6vh3tAAAAAElFTkSuQmCC");

    /// <summary>
    /// A 1×1 grey baseline JPEG: SOI, JFIF, a quantisation table, SOF0, one-code DC and AC Huffman tables,
    /// SOS with one block (DC difference 0, end of block), EOI.
    /// </summary>
    public static byte[] JpegFile() => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AP//Z");

    /// <summary>A Word document with one paragraph: the three parts a WordprocessingML package needs.</summary>
    public static byte[] DocxFile() => Zip(new Dictionary<string, string>
    {
        ["[Content_Types].xml"] = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""",
        ["_rels/.rels"] = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""",
        ["word/document.xml"] = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Katılım listesi</w:t></w:r></w:p></w:body></w:document>""",
    });

    /// <summary>A spreadsheet as MiniExcel writes one.</summary>
    public static byte[] XlsxFile()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new { Kurum = "WALD", Katılımcı = 2 }, new { Kurum = "Ümraniye Belediyesi", Katılımcı = 3 } }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A ZIP that is no Office document.</summary>
    public static byte[] PlainZip() => Zip(new Dictionary<string, string> { ["notlar.txt"] = "Toplantı notları" });

    /// <summary>The start of a Windows executable (MZ, the DOS stub's message), as a renamed .exe brings it.</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, .. new byte[58], .. "This program cannot be run in DOS mode."u8];

    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string? contentType = "application/octet-stream", string field = "file")
    {
        var part = new ByteArrayContent(bytes);
        if (contentType is not null) part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { part, field, fileName } };
    }

    private static byte[] Zip(Dictionary<string, string> parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        return stream.ToArray();
    }
}
