using System.Net.Http.Headers;
using System.Text;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Documents;

/// <summary>Editors of one unit, a real minimal PDF, and the document form posted as a browser posts it.</summary>
internal static class DocumentTestHelpers
{
    /// <summary>A browser signed in as a new editor who belongs to the unit <paramref name="unitSlug"/>.</summary>
    public static async Task<HttpClient> SignInEditorOfAsync(this NewsAppFactory app, string unitSlug)
    {
        var email = $"editor-{unitSlug}-{Guid.NewGuid():N}@quan5.local";
        await app.EnsureAccountAsync(email, StaffRoles.Editor);
        await app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var unitId = await db.PublishingUnits.Where(u => u.Slug == unitSlug).Select(u => u.Id).SingleAsync();
            db.StaffUnitMemberships.Add(new StaffUnitMembership { UserId = userId, UnitId = unitId });
            await db.SaveChangesAsync();
        });
        return await app.SignInAsync(StaffRoles.Editor, email, Staff.Password);
    }

    public static Task<int> UnitIdAsync(this NewsAppFactory app, string slug) =>
        app.WithDbAsync(db => db.PublishingUnits.Where(u => u.Slug == slug).Select(u => u.Id).SingleAsync());

    /// <summary>A one-page PDF 1.4 with a line of text: header, catalog, pages, page, font, content stream, xref, trailer.</summary>
    public static byte[] MinimalPdf(string text = "Ke hoach to chuc Ngay hoi Dai doan ket")
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var builder = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(builder.Length);
            builder.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = builder.Length;
        builder.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            builder.Append($"{offset:D10} 00000 n \n");
        }

        builder.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    public static Dictionary<string, string> Fields(int unitId, string number = "125/KH-UBND") => new()
    {
        ["Type"] = "ke-hoach",
        ["Number"] = number,
        ["Unit"] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IssuingBody"] = "Ủy ban nhân dân Phường Chợ Lớn",
        ["Signer"] = "Nguyễn Văn Đức",
        ["IssuedOn"] = "2025-08-15",
        ["EffectiveOn"] = "2025-08-15",
        ["Summary"] = "Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025 trên địa bàn phường",
    };

    /// <summary>Posts the document form (multipart, with the form page's anti-forgery token) and an optional file.</summary>
    public static async Task<HttpResponseMessage> PostDocumentAsync(
        this HttpClient client, string formUrl, string postUrl, Dictionary<string, string> fields, (string Name, string ContentType, byte[] Bytes)? file)
    {
        var (_, page) = await Html.GetAsync(client, formUrl);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(Staff.AntiforgeryToken(page)), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(f.ContentType);
            content.Add(part, "File", f.Name);
        }

        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), content);
    }
}
