using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace District5News.Web.Data.Configurations;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    /// <summary>The district's standing categories, created by the first migration on every deployment.</summary>
    public static readonly Category[] Standard =
    [
        new() { Id = 1, Name = "Bản tin quận", Slug = "ban-tin-quan", FoldedName = "ban tin quan", SortOrder = 1 },
        new() { Id = 2, Name = "Tin phường", Slug = "tin-phuong", FoldedName = "tin phuong", SortOrder = 2 },
        new() { Id = 3, Name = "Thông báo", Slug = "thong-bao", FoldedName = "thong bao", SortOrder = 3 },
        new() { Id = 4, Name = "Văn hóa - Xã hội", Slug = "van-hoa-xa-hoi", FoldedName = "van hoa xa hoi", SortOrder = 4 },
        new() { Id = 5, Name = "Kinh tế", Slug = "kinh-te", FoldedName = "kinh te", SortOrder = 5 },
        new() { Id = 6, Name = "An ninh - Trật tự", Slug = "an-ninh-trat-tu", FoldedName = "an ninh trat tu", SortOrder = 6 },
    ];

    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Slug).HasMaxLength(100);
        builder.Property(c => c.FoldedName).HasMaxLength(100);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => c.FoldedName).IsUnique();
        builder.HasMany(c => c.OldSlugs).WithOne().HasForeignKey(o => o.CategoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasData(Standard.Select(c => new Category
        {
            Id = c.Id, Name = c.Name, Slug = c.Slug, FoldedName = c.FoldedName, SortOrder = c.SortOrder,
        }));
    }
}

public sealed class CategoryOldSlugConfiguration : IEntityTypeConfiguration<CategoryOldSlug>
{
    public void Configure(EntityTypeBuilder<CategoryOldSlug> builder)
    {
        builder.Property(o => o.Slug).HasMaxLength(100);
        builder.HasIndex(o => o.Slug).IsUnique();
    }
}
