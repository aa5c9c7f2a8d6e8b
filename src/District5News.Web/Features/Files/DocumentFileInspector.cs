using System.IO.Compression;
using System.Xml;

namespace District5News.Web.Features.Files;

/// <summary>The kinds of document the portal accepts, told by content, never by name.</summary>
public enum DocumentKind
{
    Pdf,
    Word,
    Excel,
}

/// <summary>What <see cref="DocumentFileInspector"/> found: a kind, or a Vietnamese reason to refuse the file.</summary>
public sealed record DocumentInspection(DocumentKind? Kind, string? Error)
{
    public bool Accepted => Kind is not null;

    public static DocumentInspection Refused(string message) => new(null, message);
}

/// <summary>How each kind is served and named to residents.</summary>
public static class DocumentKinds
{
    public static string ContentType(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static string Extension(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => ".pdf",
        DocumentKind.Word => ".docx",
        _ => ".xlsx",
    };

    /// <summary>"Tài liệu PDF", "Văn bản Word", "Bảng tính Excel".</summary>
    public static string Label(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "Tài liệu PDF",
        DocumentKind.Word => "Văn bản Word",
        _ => "Bảng tính Excel",
    };

    /// <summary>The names of the kinds in <paramref name="kinds"/>, for messages ("PDF, Word (.docx) hoặc Excel (.xlsx)").</summary>
    public static string Names(IReadOnlyCollection<DocumentKind> kinds)
    {
        var names = kinds.Select(k => k switch
        {
            DocumentKind.Pdf => "PDF",
            DocumentKind.Word => "Word (.docx)",
            _ => "Excel (.xlsx)",
        }).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " hoặc " + names[^1];
    }
}

/// <summary>
/// Tells what a document file really is from its bytes: a PDF starts with "%PDF-"; a Word or Excel file (Office Open
/// XML) is a zip whose [Content_Types].xml names the matching main part, and that part is in the zip. A name, an
/// extension or a browser's content type is never trusted: a renamed program, web page or plain zip is refused, and so
/// are macro-enabled files (.docm, .xlsm), templates and the old binary formats (.doc, .xls), which can carry macros
/// and cannot be checked this way. Reading is bounded (entries, sizes), so a zip bomb costs nothing.
/// Reused by every upload of documents (bulletin attachments, the document library).
/// </summary>
public static class DocumentFileInspector
{
    public const string WordMainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string ExcelMainType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>Main-part types of files that can carry macros: refused even though they are Word or Excel files.</summary>
    private static readonly string[] MacroMainTypes =
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
        "application/vnd.ms-excel.addin.macroEnabled.main+xml",
        "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
    ];

    private const string VbaProjectType = "application/vnd.ms-office.vbaProject";
    private const int MaxZipEntries = 10_000;
    private const long MaxContentTypesBytes = 1024 * 1024;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static string MacroMessage => "Tệp có macro (như .docm, .xlsm) không được đính kèm vì có thể chứa mã độc. Hãy lưu lại thành .docx hoặc .xlsx thông thường rồi chọn lại.";

    public static string OldFormatMessage => "Tệp Word/Excel định dạng cũ (.doc, .xls) hoặc tệp có mật khẩu không được nhận. Hãy mở tệp, bỏ mật khẩu nếu có, lưu lại thành .docx hoặc .xlsx rồi chọn lại.";

    /// <summary>Inspects an uploaded file against the kinds allowed here and a size limit.</summary>
    public static async Task<DocumentInspection> InspectAsync(
        IFormFile file, IReadOnlyCollection<DocumentKind> allowed, long maxBytes, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return DocumentInspection.Refused($"Tệp “{DisplayName(file.FileName)}” rỗng. Vui lòng chọn lại tệp.");
        }

        if (file.Length > maxBytes)
        {
            return DocumentInspection.Refused(
                $"Tệp “{DisplayName(file.FileName)}” quá lớn ({Vietnamese.VietnameseFormat.FileSize(file.Length)}): tối đa {Vietnamese.VietnameseFormat.FileSize(maxBytes)}.");
        }

        // The zip reader needs to seek; an upload over the in-memory threshold is on disk already, so this copies little.
        await using var source = file.OpenReadStream();
        Stream stream = source;
        MemoryStream? copy = null;
        if (!source.CanSeek)
        {
            copy = new MemoryStream();
            await source.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            stream = copy;
        }

        try
        {
            return Inspect(stream, file.FileName, allowed);
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }
    }

    public static string WrongKindMessage(string fileName, IReadOnlyCollection<DocumentKind> allowed) =>
        $"Tệp “{DisplayName(fileName)}” không phải là tệp {DocumentKinds.Names(allowed)} hợp lệ (nội dung tệp được kiểm tra, không chỉ tên tệp).";

    /// <summary>The file's kind from its content (the stream must be seekable, positioned at its start), if it is one of <paramref name="allowed"/>.</summary>
    public static DocumentInspection Inspect(Stream stream, string fileName, IReadOnlyCollection<DocumentKind> allowed)
    {
        var (kind, error) = Detect(stream);
        return kind is { } found && allowed.Contains(found)
            ? new DocumentInspection(found, null)
            : DocumentInspection.Refused(error ?? WrongKindMessage(fileName, allowed));
    }

    /// <summary>The kind, or a reason of its own (macros, an old format), or neither when the file is simply not a document.</summary>
    private static (DocumentKind? Kind, string? Error) Detect(Stream stream)
    {
        Span<byte> header = stackalloc byte[8];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        header = header[..read];
        stream.Position = 0;
        if (header.StartsWith(PdfMagic))
        {
            return (DocumentKind.Pdf, null);
        }

        if (header.StartsWith(OleMagic))
        {
            return (null, OldFormatMessage);
        }

        return header.StartsWith(ZipMagic) ? DetectOfficeOpenXml(stream) : (null, null);
    }

    private static (DocumentKind? Kind, string? Error) DetectOfficeOpenXml(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries)
            {
                return (null, null);
            }

            var names = new HashSet<string>(zip.Entries.Select(e => e.FullName), StringComparer.OrdinalIgnoreCase);
            var contentTypes = zip.GetEntry("[Content_Types].xml");
            if (contentTypes is null || contentTypes.Length > MaxContentTypesBytes)
            {
                return (null, null);
            }

            var overrides = ReadOverrides(contentTypes);
            if (overrides.Any(o => o.ContentType == VbaProjectType || MacroMainTypes.Contains(o.ContentType, StringComparer.OrdinalIgnoreCase))
                || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return (null, MacroMessage);
            }

            foreach (var (part, contentType) in overrides)
            {
                var kind = contentType switch
                {
                    WordMainType => DocumentKind.Word,
                    ExcelMainType => DocumentKind.Excel,
                    _ => (DocumentKind?)null,
                };
                if (kind is not null && names.Contains(part.TrimStart('/')))
                {
                    return (kind, null);
                }
            }

            return (null, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return (null, null);
        }
    }

    private static List<(string PartName, string ContentType)> ReadOverrides(ZipArchiveEntry entry)
    {
        var overrides = new List<(string, string)>();
        using var entryStream = entry.Open();
        using var bounded = new BoundedStream(entryStream, MaxContentTypesBytes);
        using var reader = XmlReader.Create(bounded, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxContentTypesBytes,
        });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Override"
                && reader.GetAttribute("PartName") is { } part && reader.GetAttribute("ContentType") is { } type)
            {
                overrides.Add((part, type.Trim()));
            }
        }

        return overrides;
    }

    /// <summary>The uploaded name as a person reads it: the last path segment only.</summary>
    private static string DisplayName(string fileName) => Path.GetFileName(fileName.Replace('\\', '/'));

    /// <summary>Stops reading after a number of bytes: a [Content_Types].xml whose stated size lies cannot inflate past it.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= limit)
            {
                throw new InvalidDataException("Part larger than allowed.");
            }

            var n = inner.Read(buffer, offset, (int)Math.Min(count, limit - _read));
            _read += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
