using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace District5News.Web.Data.Configurations;

public sealed class PublishingUnitConfiguration : IEntityTypeConfiguration<PublishingUnit>
{
    /// <summary>The district's archive unit; every bulletin that existed before units did belongs to it.</summary>
    public const int DistrictArchiveId = 1;

    /// <summary>
    /// Wards merged into a neighbouring numbered ward before 2025 (docs/public-portal.md cites each): ward 15 joined
    /// ward 12 from 01/01/2021; wards 3, 6, 8 and 10 joined wards 2, 5, 7 and 11 from 01/01/2025.
    /// </summary>
    private static readonly (int Number, int IntoWard, DateOnly LastDay, string Basis)[] EarlierMergers =
    [
        (3, 2, new DateOnly(2024, 12, 31), "Nghị quyết 1278/NQ-UBTVQH15"),
        (6, 5, new DateOnly(2024, 12, 31), "Nghị quyết 1278/NQ-UBTVQH15"),
        (8, 7, new DateOnly(2024, 12, 31), "Nghị quyết 1278/NQ-UBTVQH15"),
        (10, 11, new DateOnly(2024, 12, 31), "Nghị quyết 1278/NQ-UBTVQH15"),
        (15, 12, new DateOnly(2020, 12, 31), "Nghị quyết 1111/NQ-UBTVQH14"),
    ];

    /// <summary>
    /// The units as they were on 01/07/2025, created by the migration on every deployment (facts and citations:
    /// docs/public-portal.md, "Publishing units"). Administrators edit them afterwards.
    /// </summary>
    public static readonly PublishingUnit[] Standard = BuildStandard();

    public void Configure(EntityTypeBuilder<PublishingUnit> builder)
    {
        builder.Property(u => u.Slug).HasMaxLength(100);
        builder.Property(u => u.Name).HasMaxLength(150);
        builder.Property(u => u.Basis).HasMaxLength(300);
        builder.HasIndex(u => u.Slug).IsUnique();
        builder.HasOne(u => u.Successor).WithMany().HasForeignKey(u => u.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(Standard.Select(u => new PublishingUnit
        {
            Id = u.Id, Slug = u.Slug, Name = u.Name, Kind = u.Kind, ActiveFrom = u.ActiveFrom, ActiveUntil = u.ActiveUntil,
            SuccessorId = u.SuccessorId, SortOrder = u.SortOrder, Basis = u.Basis,
        }));
    }

    private static PublishingUnit[] BuildStandard()
    {
        var lastDistrictDay = new DateOnly(2025, 6, 30);
        var firstWardDay = new DateOnly(2025, 7, 1);
        const string Merger2025 = "Nghị quyết 1685/NQ-UBTVQH15";
        var units = new List<PublishingUnit>
        {
            new() { Id = DistrictArchiveId, Slug = "quan-5", Name = "UBND Quận 5", Kind = PublishingUnitKind.District, ActiveUntil = lastDistrictDay, SortOrder = 100, Basis = Merger2025 },
            new() { Id = 2, Slug = "cho-quan", Name = "Phường Chợ Quán", Kind = PublishingUnitKind.Ward, ActiveFrom = firstWardDay, SortOrder = 1, Basis = Merger2025 },
            new() { Id = 3, Slug = "an-dong", Name = "Phường An Đông", Kind = PublishingUnitKind.Ward, ActiveFrom = firstWardDay, SortOrder = 2, Basis = Merger2025 },
            new() { Id = 4, Slug = "cho-lon", Name = "Phường Chợ Lớn", Kind = PublishingUnitKind.Ward, ActiveFrom = firstWardDay, SortOrder = 3, Basis = Merger2025 },
        };

        // The numbered wards: Id 10 + number. Each maps to the unit that took it over.
        foreach (var (number, successorId, until, basis) in NumberedWards(lastDistrictDay, Merger2025))
        {
            units.Add(new PublishingUnit
            {
                Id = 10 + number, Slug = $"phuong-{number}", Name = $"Phường {number}", Kind = PublishingUnitKind.Ward,
                ActiveUntil = until, SuccessorId = successorId, SortOrder = 100 + number, Basis = basis,
            });
        }

        return [.. units];
    }

    private static IEnumerable<(int Number, int SuccessorId, DateOnly Until, string Basis)> NumberedWards(DateOnly lastDistrictDay, string merger2025)
    {
        const int ChoQuan = 2, AnDong = 3, ChoLon = 4;
        foreach (var n in new[] { 1, 2, 4 })
        {
            yield return (n, ChoQuan, lastDistrictDay, merger2025);
        }

        foreach (var n in new[] { 5, 7, 9 })
        {
            yield return (n, AnDong, lastDistrictDay, merger2025);
        }

        foreach (var n in new[] { 11, 12, 13, 14 })
        {
            yield return (n, ChoLon, lastDistrictDay, merger2025);
        }

        foreach (var merged in EarlierMergers)
        {
            yield return (merged.Number, 10 + merged.IntoWard, merged.LastDay, merged.Basis);
        }
    }
}

public sealed class StaffUnitMembershipConfiguration : IEntityTypeConfiguration<StaffUnitMembership>
{
    public void Configure(EntityTypeBuilder<StaffUnitMembership> builder)
    {
        builder.HasKey(m => new { m.UserId, m.UnitId });
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
