using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace District5News.Web.Data.Configurations;

public sealed class SiteNoticeConfiguration : IEntityTypeConfiguration<SiteNotice>
{
    public void Configure(EntityTypeBuilder<SiteNotice> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(SiteNotice.TextLength);
        builder.Property(n => n.LinkUrl).HasMaxLength(SiteNotice.LinkLength);
        builder.Property(n => n.Version).IsConcurrencyToken();

        // The public pages read the notices not yet ended; the page cache the next start or end.
        builder.HasIndex(n => n.EndsAtUtc);
    }
}
