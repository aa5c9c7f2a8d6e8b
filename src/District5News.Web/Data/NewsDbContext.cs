using District5News.Web.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace District5News.Web.Data;

/// <summary>
/// The one context: news, counts, audit, Identity and the data-protection key ring. Each provider has a derived context only so that each
/// keeps its own migration set (see docs/decisions/0002-one-migration-set-per-provider.md).
/// </summary>
public class NewsDbContext : IdentityDbContext<StaffUser>, IDataProtectionKeyContext
{
    protected NewsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<CategoryOldSlug> CategoryOldSlugs => Set<CategoryOldSlug>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<PublishingUnit> PublishingUnits => Set<PublishingUnit>();

    public DbSet<StaffUnitMembership> StaffUnitMemberships => Set<StaffUnitMembership>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<SiteCounter> SiteCounters => Set<SiteCounter>();

    public DbSet<DailyStat> DailyStats => Set<DailyStat>();

    public DbSet<ArticleDailyView> ArticleDailyViews => Set<ArticleDailyView>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SiteNotice> SiteNotices => Set<SiteNotice>();

    public DbSet<EditorDraft> EditorDrafts => Set<EditorDraft>();

    public DbSet<ArticleAttachment> ArticleAttachments => Set<ArticleAttachment>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();

    public DbSet<UnitProfile> UnitProfiles => Set<UnitProfile>();

    public DbSet<UnitLeader> UnitLeaders => Set<UnitLeader>();

    public DbSet<ProcedureLink> ProcedureLinks => Set<ProcedureLink>();
    /// <summary>Uploaded photos (the media library), re-encoded by the image pipeline.</summary>
    public DbSet<Media> Media => Set<Media>();

    public DbSet<LegalDocument> LegalDocuments => Set<LegalDocument>();

    public DbSet<ResidentQuestion> ResidentQuestions => Set<ResidentQuestion>();

    /// <summary>The keys that protect auth cookies and form tokens, shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; the providers hand back Unspecified, so say so once here.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteNewsDbContext(DbContextOptions<SqliteNewsDbContext> options) : NewsDbContext(options);

public sealed class SqlServerNewsDbContext(DbContextOptions<SqlServerNewsDbContext> options) : NewsDbContext(options);

public sealed class PostgreSqlNewsDbContext(DbContextOptions<PostgreSqlNewsDbContext> options) : NewsDbContext(options);
