using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace District5News.Web.Data.Configurations;

public sealed class SiteCounterConfiguration : IEntityTypeConfiguration<SiteCounter>
{
    public void Configure(EntityTypeBuilder<SiteCounter> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.TotalVisits);
        builder.HasData(new SiteCounter { Id = SiteCounter.SingletonId });
    }
}

public sealed class DailyStatConfiguration : IEntityTypeConfiguration<DailyStat>
{
    public void Configure(EntityTypeBuilder<DailyStat> builder) => builder.HasKey(d => d.Date);
}

public sealed class ArticleDailyViewConfiguration : IEntityTypeConfiguration<ArticleDailyView>
{
    public void Configure(EntityTypeBuilder<ArticleDailyView> builder)
    {
        builder.HasKey(v => new { v.ArticleId, v.Date });
        builder.HasIndex(v => v.Date);
        builder.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.TargetType).HasMaxLength(64);
        builder.Property(a => a.TargetId).HasMaxLength(64);
        builder.Property(a => a.Details).HasMaxLength(2000);
        builder.HasIndex(a => a.AtUtc);
    }
}
