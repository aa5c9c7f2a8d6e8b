using District5News.Web.Data.Entities;
using District5News.Web.Features.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace District5News.Web.Data.Configurations;

public sealed class MediaConfiguration : IEntityTypeConfiguration<Media>
{
    public void Configure(EntityTypeBuilder<Media> builder)
    {
        builder.Property(m => m.Key).HasMaxLength(MediaPaths.KeyLength);
        builder.Property(m => m.Widths).HasMaxLength(100);
        builder.Property(m => m.FallbackPath).HasMaxLength(ArticleLimits.CoverPathLength);
        builder.Property(m => m.AltText).HasMaxLength(PhotoLimits.AltTextLength);
        builder.Property(m => m.Caption).HasMaxLength(PhotoLimits.CaptionLength);
        builder.Property(m => m.Credit).HasMaxLength(PhotoLimits.CreditLength);
        builder.Property(m => m.UploadedById).HasMaxLength(450);
        builder.Property(m => m.UploadedByName).HasMaxLength(256);
        builder.HasIndex(m => m.Key);
        builder.HasIndex(m => m.FallbackPath);
        builder.HasIndex(m => m.CreatedAtUtc);
    }
}
