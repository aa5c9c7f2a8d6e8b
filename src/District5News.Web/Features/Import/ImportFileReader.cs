using System.IO.Compression;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Import;

/// <summary>One file to import, named as the report shows it; <see cref="Problem"/> is set when it could not be read at all.</summary>
public sealed record ImportFile(string Name, byte[] Content, string? Problem = null);

/// <summary>The whole input is refused (too many files, too many bytes, a zip bomb): nothing has been imported.</summary>
public sealed class ImportSourceException(string message) : Exception(message);

/// <summary>
/// Turns what the command is pointed at (a file, a folder, a zip) and what the admin page receives (files, zips) into
/// the files to import. Zips are expanded in memory. One reader reads one import: its limits count files and
/// uncompressed bytes across everything it reads, so they hold for a whole upload, not per zip. Everything is read
/// before anything is imported, so a refused input leaves the database untouched.
/// </summary>
public sealed class ImportFileReader(ImportOptions limits)
{
    public const string TooLargeReason = "Tệp quá lớn, không phải một trang bản tin đã lưu";
    public const string DamagedZipReason = "Tệp nén bị hỏng hoặc không phải tệp zip";
    public const string DamagedEntryReason = "Không giải nén được tệp này (hỏng hoặc có mật khẩu)";

    private static readonly byte[] _zipMagic = [0x50, 0x4B, 0x03, 0x04];
    private int _files;
    private long _bytes;

    /// <summary>A file (its name), a folder (every file in it, recursively, named relative to it, hidden ones left out) or a zip.</summary>
    public List<ImportFile> ReadPath(string path)
    {
        var full = Path.GetFullPath(path);
        var files = new List<ImportFile>();
        if (Directory.Exists(full))
        {
            foreach (var (name, filePath) in FolderFiles(full))
            {
                ReadFile(name, filePath, files);
            }
        }
        else if (File.Exists(full))
        {
            ReadFile(Path.GetFileName(full), full, files);
        }
        else
        {
            throw new ImportSourceException($"Không tìm thấy tệp hoặc thư mục: {path}");
        }

        return files;
    }

    /// <summary>Files sent from the admin page's form, in the order chosen.</summary>
    public async Task<List<ImportFile>> ReadUploadsAsync(IEnumerable<IFormFile> uploads, CancellationToken cancellationToken)
    {
        var files = new List<ImportFile>();
        foreach (var upload in uploads)
        {
            // Old browsers send the whole client path; only the name means anything here.
            var name = Path.GetFileName(upload.FileName.Replace('\\', '/'));
            name = name.Length == 0 ? "(tệp không tên)" : name;
            if (upload.Length > limits.MaxFileBytes && !IsZipName(name))
            {
                CountFile();
                files.Add(new ImportFile(name, [], TooLargeReason));
                continue;
            }

            using var buffer = new MemoryStream((int)Math.Min(upload.Length, int.MaxValue));
            await using (var stream = upload.OpenReadStream())
            {
                await stream.CopyToAsync(buffer, cancellationToken);
            }

            buffer.Position = 0;
            Read(name, buffer, files);
        }

        return files;
    }

    private void ReadFile(string name, string path, List<ImportFile> into)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Read(name, stream, into);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CountFile();
            into.Add(new ImportFile(name, [], $"Không đọc được tệp: {ex.Message}"));
        }
    }

    private void Read(string name, Stream seekable, List<ImportFile> into)
    {
        if (IsZipName(name) || StartsWithZipMagic(seekable))
        {
            ExpandZip(name, seekable, into);
            return;
        }

        CountFile();
        if (seekable.Length > limits.MaxFileBytes)
        {
            into.Add(new ImportFile(name, [], TooLargeReason));
            return;
        }

        var content = new byte[seekable.Length];
        seekable.ReadExactly(content);
        CountBytes(content.Length, zipName: null);
        into.Add(new ImportFile(name, content));
    }

    private void ExpandZip(string zipName, Stream seekable, List<ImportFile> into)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            CountFile();
            into.Add(new ImportFile(zipName, [], DamagedZipReason));
            return;
        }

        using (archive)
        {
            // The central directory is read without inflating anything, so a zip with a million entries is refused cheaply.
            if (_files + archive.Entries.Count(IsImportable) > limits.MaxFiles)
            {
                throw new ImportSourceException(
                    $"Tệp nén {zipName} có quá nhiều tệp: một lần nhập đọc tối đa {VietnameseFormat.Number(limits.MaxFiles)} tệp. " +
                    "Hãy chia thành nhiều lần nhập.");
            }

            foreach (var entry in archive.Entries.Where(IsImportable).OrderBy(e => EntryName(e), StringComparer.Ordinal))
            {
                var name = $"{zipName}/{EntryName(entry)}";
                CountFile();
                if (entry.Length > limits.MaxFileBytes)
                {
                    into.Add(new ImportFile(name, [], TooLargeReason));
                    continue;
                }

                byte[]? content;
                try
                {
                    using var stream = entry.Open();
                    content = ReadAtMost(stream, limits.MaxFileBytes);
                }
                catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
                {
                    into.Add(new ImportFile(name, [], DamagedEntryReason));
                    continue;
                }

                // The declared size is only a claim. .NET stops reading at it today; the bound keeps the limit from
                // depending on that.
                if (content is null)
                {
                    throw new ImportSourceException(
                        $"Tệp nén {zipName} bị từ chối: tệp {EntryName(entry)} giải nén ra lớn hơn kích thước ghi trong tệp nén " +
                        "(có thể là “bom nén”).");
                }

                CountBytes(content.Length, zipName);
                into.Add(new ImportFile(name, content));
            }
        }
    }

    private void CountFile()
    {
        if (++_files > limits.MaxFiles)
        {
            throw new ImportSourceException(
                $"Quá nhiều tệp: một lần nhập đọc tối đa {VietnameseFormat.Number(limits.MaxFiles)} tệp (kể cả các tệp trong tệp nén). " +
                "Hãy chia thành nhiều lần nhập.");
        }
    }

    private void CountBytes(long bytes, string? zipName)
    {
        _bytes += bytes;
        if (_bytes > limits.MaxTotalBytes)
        {
            var limit = ImportOptions.FormatSize(limits.MaxTotalBytes);
            throw new ImportSourceException(zipName is null
                ? $"Tổng dung lượng các tệp vượt quá {limit}. Hãy chia thành nhiều lần nhập."
                : $"Tệp nén {zipName} bị từ chối: tổng dung lượng sau khi giải nén vượt quá {limit} (có thể là “bom nén”). " +
                  "Hãy chia thành nhiều lần nhập.");
        }
    }

    /// <summary>The stream's bytes, or null when there are more than <paramref name="max"/>.</summary>
    private static byte[]? ReadAtMost(Stream stream, long max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static List<(string Name, string Path)> FolderFiles(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
        };
        return Directory.EnumerateFiles(folder, "*", options)
            .Select(path => (Name: Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'), Path: path))
            .Where(f => !IsHidden(f.Name))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsImportable(ZipArchiveEntry entry)
    {
        var name = EntryName(entry);
        return name.Length > 0 && !name.EndsWith('/') && !IsHidden(name);
    }

    private static string EntryName(ZipArchiveEntry entry) => entry.FullName.Replace('\\', '/').TrimStart('/');

    /// <summary>Dot files and folders (.DS_Store, .git) and the resource forks macOS puts in zips (__MACOSX/).</summary>
    private static bool IsHidden(string relativeName) =>
        relativeName.Split('/').Any(segment => segment.StartsWith('.') || segment == "__MACOSX");

    private static bool IsZipName(string name) => name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private static bool StartsWithZipMagic(Stream seekable)
    {
        Span<byte> start = stackalloc byte[4];
        var read = seekable.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        seekable.Position = 0;
        return read == 4 && start.SequenceEqual(_zipMagic);
    }
}
