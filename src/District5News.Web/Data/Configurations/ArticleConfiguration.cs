using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace District5News.Web.Data.Configurations;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(ArticleLimits.TitleLength);
        builder.Property(a => a.Slug).HasMaxLength(ArticleLimits.SlugLength);
        builder.Property(a => a.Lead).HasMaxLength(ArticleLimits.LeadLength);
        builder.Property(a => a.CoverImagePath).HasMaxLength(ArticleLimits.CoverPathLength);
        builder.Property(a => a.AuthorId).HasMaxLength(450);
        builder.Property(a => a.AuthorName).HasMaxLength(256);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.Property(a => a.SearchTitle).HasMaxLength(ArticleLimits.TitleLength);
        builder.Property(a => a.SearchTitleMarked).HasMaxLength(ArticleLimits.TitleLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.TotalViews);
        builder.HasOne(a => a.Category).WithMany(c => c.Articles).HasForeignKey(a => a.CategoryId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);

        // The public lists: visible bulletins of a category (or of the whole site) by publication time.
        builder.HasIndex(a => new { a.Status, a.DeletedAtUtc, a.PublishedAtUtc });
        builder.HasIndex(a => new { a.CategoryId, a.Status, a.DeletedAtUtc, a.PublishedAtUtc });
        builder.HasIndex(a => new { a.UnitId, a.Status, a.DeletedAtUtc, a.PublishedAtUtc });

        // TIN LIÊN QUAN reads the folded titles of the newest visible bulletins (RelatedArticles): with the title and the
        // category in the index, that read never touches the long rows (on SQLite the columns after the body sit on
        // overflow pages, which made this one query cost tens of milliseconds on an old bulletin). See docs/benchmarks.md.
        builder.HasIndex(a => new { a.Status, a.DeletedAtUtc, a.PublishedAtUtc, a.Id, a.CategoryId, a.SearchTitle })
            .HasDatabaseName("IX_Articles_Related");
    }
}

public sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(ArticleLimits.TitleLength);
        builder.Property(r => r.Lead).HasMaxLength(ArticleLimits.LeadLength);
        builder.Property(r => r.CoverImagePath).HasMaxLength(ArticleLimits.CoverPathLength);
        builder.Property(r => r.SavedBy).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.HasIndex(r => new { r.ArticleId, r.SavedAtUtc });
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
