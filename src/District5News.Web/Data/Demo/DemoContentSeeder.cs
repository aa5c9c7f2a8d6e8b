using System.Text.Json;
using District5News.Web.Data.Configurations;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Data.Demo;

/// <summary>
/// Fills an empty Development database with the team's own demo bulletins (demo-bulletins.json, embedded).
/// Never runs outside Development.
/// </summary>
public sealed class DemoContentSeeder(
    NewsDbContext db, TimeProvider clock, Features.Accounts.StaffAccounts accounts, Features.Editing.HtmlBodySanitizer sanitizer)
{
    /// <summary>Development-only staff accounts; README.md states them. Production never creates accounts by itself.</summary>
    public static readonly (string Email, string Role, string Password)[] DemoAccounts =
    [
        ("quantri@quan5.local", Features.Accounts.StaffRoles.Administrator, "HanhChinh#2026q"),
        ("bientap@quan5.local", Features.Accounts.StaffRoles.Editor, "ChoLon#Q5-2026"),
    ];

    /// <summary>The unit of the Development-only editor account.</summary>
    public const string DemoEditorUnit = "cho-lon";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (email, role, password) in DemoAccounts)
        {
            var normalized = email.ToUpperInvariant();
            if (!await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
            {
                // The demo editor writes for Phường Chợ Lớn, so it can act in Development as a ward's editor would.
                IReadOnlyList<int>? editorUnits = role == Features.Accounts.StaffRoles.Editor
                    ? [await db.PublishingUnits.Where(u => u.Slug == DemoEditorUnit).Select(u => u.Id).SingleAsync(cancellationToken)]
                    : null;
                var (_, errors) = await accounts.CreateOrResetAsync(email, role, password, actor: "demo-content", unitIds: editorUnits);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException($"Demo account {email} refused: {string.Join(" ", errors)}");
                }
            }
        }

        if (await db.Articles.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, cancellationToken);
        var units = await db.PublishingUnits.ToDictionaryAsync(u => u.Slug, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var bulletins = Load();
        foreach (var item in bulletins.OrderBy(b => b.PublishedAt))
        {
            var article = new Article
            {
                CategoryId = categories[item.Category].Id,
                UnitId = item.Unit is null ? PublishingUnitConfiguration.DistrictArchiveId : units[item.Unit].Id,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                AuthorName = "Ban biên tập",
                ImportedViews = item.Views,
            };
            var body = sanitizer.FromParagraphs(item.Paragraphs);
            article.SetContent(item.Title, item.Lead, body, string.Join(' ', item.Paragraphs));
            article.Publish(VietnamTime.ToUtc(item.PublishedAt));
            db.Articles.Add(article);
        }

        await db.SaveChangesAsync(cancellationToken);
        return bulletins.Count;
    }

    public static IReadOnlyList<DemoBulletin> Load()
    {
        using var stream = typeof(DemoContentSeeder).Assembly
            .GetManifestResourceStream("District5News.Web.Data.Demo.demo-bulletins.json")
            ?? throw new InvalidOperationException("The demo bulletins resource is missing.");
        return JsonSerializer.Deserialize<List<DemoBulletin>>(stream, JsonOptions) ?? [];
    }
}

public sealed record DemoBulletin(
    string Category, DateTime PublishedAt, string Title, string Lead, IReadOnlyList<string> Paragraphs, long Views, string? Unit);
