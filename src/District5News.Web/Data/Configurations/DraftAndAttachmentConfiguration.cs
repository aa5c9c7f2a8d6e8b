using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace District5News.Web.Data.Configurations;

public sealed class EditorDraftConfiguration : IEntityTypeConfiguration<EditorDraft>
{
    public void Configure(EntityTypeBuilder<EditorDraft> builder)
    {
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.Title).HasMaxLength(ArticleLimits.TitleLength);
        builder.Property(d => d.Lead).HasMaxLength(ArticleLimits.LeadLength);
        builder.Property(d => d.PublishDate).HasMaxLength(EditorDraftLimits.FieldLength);
        builder.Property(d => d.PublishTime).HasMaxLength(EditorDraftLimits.FieldLength);

        // One per staff member per bulletin (a new bulletin's draft, ArticleId null, is kept single by the code).
        builder.HasIndex(d => new { d.UserId, d.ArticleId }).IsUnique();
        builder.HasIndex(d => d.UpdatedAtUtc);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ArticleAttachmentConfiguration : IEntityTypeConfiguration<ArticleAttachment>
{
    public void Configure(EntityTypeBuilder<ArticleAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(AttachmentLimits.FileNameLength);
        builder.Property(a => a.StoredPath).HasMaxLength(AttachmentLimits.StoredPathLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.UploadedBy).HasMaxLength(256);
        builder.HasIndex(a => a.ArticleId);
        builder.HasOne(a => a.Article).WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The limits of a draft's short fields: the publication day and time as typed.</summary>
public static class EditorDraftLimits
{
    public const int FieldLength = 40;
}
