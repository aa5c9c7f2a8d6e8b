using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>
/// Small, valid image files made in the test, so a cover upload needs no file in the repository and no imaging
/// package: a PNG is a signature, an IHDR, zlib-compressed rows and an IEND, each chunk with its CRC-32.
/// </summary>
public static class TestImages
{
    /// <summary>
    /// A 24-bit PNG of <paramref name="width"/> × <paramref name="height"/>: a sky-blue gradient over a river-blue band,
    /// large enough (by default) that Lighthouse never calls it low-resolution as a full-width cover.
    /// </summary>
    public static byte[] Png(int width = 1200, int height = 675)
    {
        var rows = new byte[height * (1 + (width * 3))];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + (width * 3));
            rows[row] = 0; // filter: none
            var inBand = y > height * 2 / 3;
            for (var x = 0; x < width; x++)
            {
                var pixel = row + 1 + (x * 3);
                var shade = (byte)(200 - (y * 120 / height));
                rows[pixel] = inBand ? (byte)20 : (byte)(shade / 2);
                rows[pixel + 1] = inBand ? (byte)(90 + (x * 60 / width)) : (byte)(shade - 20);
                rows[pixel + 2] = inBand ? (byte)160 : (byte)255;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(rows);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bits per channel
        header[9] = 2;  // colour type: truecolour (RGB)

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
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
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
