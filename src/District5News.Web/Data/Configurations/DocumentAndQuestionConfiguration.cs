using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace District5News.Web.Data.Configurations;

public sealed class LegalDocumentConfiguration : IEntityTypeConfiguration<LegalDocument>
{
    public void Configure(EntityTypeBuilder<LegalDocument> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(DocumentLimits.Number);
        builder.Property(d => d.IssuingBody).HasMaxLength(DocumentLimits.IssuingBody);
        builder.Property(d => d.Signer).HasMaxLength(DocumentLimits.Signer);
        builder.Property(d => d.Summary).HasMaxLength(DocumentLimits.Summary);
        builder.Property(d => d.Slug).HasMaxLength(DocumentLimits.Slug);
        builder.Property(d => d.FileName).HasMaxLength(AttachmentLimits.FileNameLength);
        builder.Property(d => d.StoredPath).HasMaxLength(AttachmentLimits.StoredPathLength);
        builder.Property(d => d.SearchText).HasMaxLength(DocumentLimits.SearchText);
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(d => d.IssuedOn);
        builder.HasIndex(d => new { d.UnitId, d.IssuedOn });
        builder.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ResidentQuestionConfiguration : IEntityTypeConfiguration<ResidentQuestion>
{
    public void Configure(EntityTypeBuilder<ResidentQuestion> builder)
    {
        builder.Property(q => q.AskerName).HasMaxLength(QuestionLimits.Name);
        builder.Property(q => q.Contact).HasMaxLength(QuestionLimits.Contact);
        builder.Property(q => q.Title).HasMaxLength(QuestionLimits.Title);
        builder.Property(q => q.Text).HasMaxLength(QuestionLimits.Text);
        builder.Property(q => q.Answer).HasMaxLength(QuestionLimits.Answer);
        builder.Property(q => q.AnsweredBy).HasMaxLength(256);
        builder.Property(q => q.SearchText).HasMaxLength(QuestionLimits.SearchText);
        builder.HasIndex(q => new { q.IsPublished, q.PublishedAtUtc });
        builder.HasIndex(q => new { q.UnitId, q.AskedAtUtc });
        builder.HasOne(q => q.Unit).WithMany().HasForeignKey(q => q.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
