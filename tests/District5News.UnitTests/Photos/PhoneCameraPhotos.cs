using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace District5News.UnitTests.Photos;

/// <summary>
/// Image files made in the tests, the way a phone or an attacker would make them: a camera JPEG lying on its side
/// (EXIF orientation 6) that carries the staff member's home position (GPS), XMP and IPTC; a decompression bomb; a
/// polyglot; documents renamed .jpg. Shared with the integration and browser tests (linked source).
/// </summary>
public static class PhoneCameraPhotos
{
    /// <summary>Hồ Chí Minh City, An Đông ward: the position the tests look for in the stored files.</summary>
    public const double Latitude = 10.7553;
    public const double Longitude = 106.6675;

    /// <summary>Written into the EXIF Make and Model tags, and looked for in the stored files.</summary>
    public const string CameraMake = "ThuNghiemPhone";

    /// <summary>
    /// A JPEG whose pixels are stored <paramref name="storedWidth"/> × <paramref name="storedHeight"/> (landscape, as the
    /// sensor reads them) with EXIF orientation 6 ("turn 90° clockwise to show"), so it shows as a portrait. Its stored
    /// top-left quarter is red: shown upright, the red is in the top-right quarter.
    /// </summary>
    public static byte[] Jpeg(int storedWidth = 1200, int storedHeight = 900, ushort orientation = 6)
    {
        using var image = new Image<Rgb24>(storedWidth, storedHeight, new Rgb24(40, 110, 200));
        for (var y = 0; y < storedHeight / 2; y++)
        {
            for (var x = 0; x < storedWidth / 2; x++)
            {
                image[x, y] = new Rgb24(220, 20, 20);
            }
        }

        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, orientation);
        exif.SetValue(ExifTag.Make, CameraMake);
        exif.SetValue(ExifTag.Model, CameraMake + " Pro 12");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, Degrees(Latitude));
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, Degrees(Longitude));
        image.Metadata.ExifProfile = exif;

        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"10,45.318N\" exif:GPSLongitude=\"106,40.05E\"/>"
            + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"));

        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.City, "Ho Chi Minh");
        iptc.SetValue(IptcTag.Byline, "Nhan vien phuong");
        image.Metadata.IptcProfile = iptc;

        using var output = new MemoryStream();
        image.Save(output, new JpegEncoder { Quality = 90 });
        return output.ToArray();
    }

    /// <summary>A plain picture (no metadata) in PNG or WebP, <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static byte[] Plain(string format, int width = 800, int height = 450)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(30, 140, 90));
        using var output = new MemoryStream();
        if (format == "webp")
        {
            image.Save(output, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder());
        }
        else
        {
            image.Save(output, new SixLabors.ImageSharp.Formats.Png.PngEncoder());
        }

        return output.ToArray();
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels, in a file of about a hundred bytes.</summary>
    public static byte[] BombPng(int width = 100_000, int height = 100_000)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;

        using var rows = new MemoryStream();
        using (var zlib = new ZLibStream(rows, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[64]);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", rows.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A real JPEG (it decodes) that is an HTML page too: a script after the image's end marker.</summary>
    public static byte[] Polyglot() =>
        [.. Jpeg(64, 48, orientation: 1), .. Encoding.ASCII.GetBytes("<html><body><script>alert(document.domain)</script></body></html>")];

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script><p>Không phải ảnh</p></body></html>");

    /// <summary>A real JPEG cut off before its image data (a broken transfer): the header reads, there are no pixels to decode.</summary>
    public static byte[] Truncated()
    {
        var whole = Jpeg(640, 480, orientation: 1);
        var startOfScan = whole.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        return whole[..startOfScan];
    }

    /// <summary>What of the camera's metadata is left in <paramref name="file"/>, read back by the image library and by a scan of its bytes; empty when nothing is.</summary>
    public static IReadOnlyList<string> MetadataIn(byte[] file)
    {
        var found = new List<string>();
        var info = Image.Identify(file) ?? throw new InvalidOperationException("The stored file is not an image.");
        if (info.Metadata.ExifProfile is { } exif)
        {
            found.Add($"EXIF ({exif.Values.Count} values)");
        }

        if (info.Metadata.XmpProfile is not null)
        {
            found.Add("XMP");
        }

        if (info.Metadata.IptcProfile is not null)
        {
            found.Add("IPTC");
        }

        if (info.Metadata.IccProfile is not null)
        {
            found.Add("ICC");
        }

        var text = Encoding.Latin1.GetString(file);
        foreach (var marker in new[] { "Exif\0\0", "EXIF", "XMP ", "http://ns.adobe.com", CameraMake, "Ho Chi Minh", "Photoshop 3.0", "ICC_PROFILE" })
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                found.Add($"bytes \"{marker.TrimEnd('\0')}\"");
            }
        }

        return found;
    }

    private static Rational[] Degrees(double value)
    {
        var degrees = Math.Floor(value);
        var minutes = Math.Floor((value - degrees) * 60);
        var seconds = (((value - degrees) * 60) - minutes) * 60;
        return [new Rational((uint)degrees, 1), new Rational((uint)minutes, 1), new Rational((uint)Math.Round(seconds * 100), 100)];
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
