using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace District5News.Web.Data.Configurations;

/// <summary>
/// The values a new installation starts with (docs/public-portal.md, "Site settings", says why): the portal of the
/// Chợ Lớn ward, which took over the most of District 5's old wards and keeps the district's archive. No address,
/// telephone or e-mail is seeded: they could not be checked, and a wrong number on a state portal is worse than
/// "chưa cập nhật". An administrator sets them at /admin/cai-dat and /admin/gioi-thieu.
/// </summary>
public static class SiteSettingsDefaults
{
    public const string SiteName = "Cổng thông tin điện tử Phường Chợ Lớn";
    public const string GoverningBody = "Ủy ban nhân dân Phường Chợ Lớn";
    public const string ResponsibilityLine = "Chịu trách nhiệm chính: Chủ tịch Ủy ban nhân dân Phường Chợ Lớn";
    public const string Description =
        "Thông tin của Ủy ban nhân dân Phường Chợ Lớn, Thành phố Hồ Chí Minh, và lưu trữ bản tin của Ủy ban nhân dân Quận 5 (đến 30/06/2025).";
    public const string SiteNameEn = "Cho Lon Ward Web Portal";
    public const string GoverningBodyEn = "People's Committee of Cho Lon Ward, Ho Chi Minh City";
    public const string ResponsibilityLineEn = "Responsible for the content: the Chairperson of the People's Committee of Cho Lon Ward";

    /// <summary>Phường Chợ Lớn (PublishingUnitConfiguration.Standard).</summary>
    public const int DefaultUnitId = 4;

    public static readonly DateTime SeededAtUtc = new(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);
}

public sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SiteName).HasMaxLength(AgencyLimits.Name);
        builder.Property(s => s.GoverningBody).HasMaxLength(AgencyLimits.Name);
        builder.Property(s => s.ResponsibilityLine).HasMaxLength(AgencyLimits.Line);
        builder.Property(s => s.Description).HasMaxLength(AgencyLimits.Line);
        builder.Property(s => s.Address).HasMaxLength(AgencyLimits.Address);
        builder.Property(s => s.Phone).HasMaxLength(AgencyLimits.Phone);
        builder.Property(s => s.Email).HasMaxLength(AgencyLimits.Email);
        builder.Property(s => s.Hotline).HasMaxLength(AgencyLimits.Phone);
        builder.Property(s => s.SiteNameEn).HasMaxLength(AgencyLimits.Name);
        builder.Property(s => s.GoverningBodyEn).HasMaxLength(AgencyLimits.Name);
        builder.Property(s => s.ResponsibilityLineEn).HasMaxLength(AgencyLimits.Line);
        builder.HasOne(s => s.DefaultUnit).WithMany().HasForeignKey(s => s.DefaultUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(new SiteSettings
        {
            Id = SiteSettings.SingletonId,
            SiteName = SiteSettingsDefaults.SiteName,
            GoverningBody = SiteSettingsDefaults.GoverningBody,
            ResponsibilityLine = SiteSettingsDefaults.ResponsibilityLine,
            Description = SiteSettingsDefaults.Description,
            DefaultUnitId = SiteSettingsDefaults.DefaultUnitId,
            SiteNameEn = SiteSettingsDefaults.SiteNameEn,
            GoverningBodyEn = SiteSettingsDefaults.GoverningBodyEn,
            ResponsibilityLineEn = SiteSettingsDefaults.ResponsibilityLineEn,
            UpdatedAtUtc = SiteSettingsDefaults.SeededAtUtc,
        });
    }
}

public sealed class UnitProfileConfiguration : IEntityTypeConfiguration<UnitProfile>
{
    public void Configure(EntityTypeBuilder<UnitProfile> builder)
    {
        builder.HasKey(p => p.UnitId);
        builder.Property(p => p.UnitId).ValueGeneratedNever();
        builder.HasOne(p => p.Unit).WithOne().HasForeignKey<UnitProfile>(p => p.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Functions).HasMaxLength(AgencyLimits.Text);
        builder.Property(p => p.Organisation).HasMaxLength(AgencyLimits.Text);
        builder.Property(p => p.Address).HasMaxLength(AgencyLimits.Address);
        builder.Property(p => p.Phone).HasMaxLength(AgencyLimits.Phone);
        builder.Property(p => p.Fax).HasMaxLength(AgencyLimits.Phone);
        builder.Property(p => p.Email).HasMaxLength(AgencyLimits.Email);
        builder.Property(p => p.Hotline).HasMaxLength(AgencyLimits.Phone);
        builder.Property(p => p.ContactName).HasMaxLength(AgencyLimits.Person);
        builder.Property(p => p.ContactPosition).HasMaxLength(AgencyLimits.Position);
        builder.Property(p => p.ContactPhone).HasMaxLength(AgencyLimits.Phone);
        builder.Property(p => p.ContactEmail).HasMaxLength(AgencyLimits.Email);
        builder.Property(p => p.NameEn).HasMaxLength(AgencyLimits.Name);
        builder.Property(p => p.FunctionsEn).HasMaxLength(AgencyLimits.Text);
        builder.Property(p => p.OrganisationEn).HasMaxLength(AgencyLimits.Text);
        builder.Property(p => p.AddressEn).HasMaxLength(AgencyLimits.Address);
        builder.Property(p => p.ContactPositionEn).HasMaxLength(AgencyLimits.Position);
        builder.HasMany(p => p.Leaders).WithOne().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Cascade);

        // The English names of the three wards and of the archive: the only profile texts known for certain.
        builder.HasData(
            new UnitProfile { UnitId = 1, NameEn = "People's Committee of District 5 (archive, until 30 June 2025)" },
            new UnitProfile { UnitId = 2, NameEn = "People's Committee of Cho Quan Ward" },
            new UnitProfile { UnitId = 3, NameEn = "People's Committee of An Dong Ward" },
            new UnitProfile { UnitId = 4, NameEn = "People's Committee of Cho Lon Ward" });
    }
}

public sealed class UnitLeaderConfiguration : IEntityTypeConfiguration<UnitLeader>
{
    public void Configure(EntityTypeBuilder<UnitLeader> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(AgencyLimits.Person);
        builder.Property(l => l.Position).HasMaxLength(AgencyLimits.Position);
        builder.Property(l => l.PositionEn).HasMaxLength(AgencyLimits.Position);
        builder.HasIndex(l => new { l.UnitId, l.SortOrder });
    }
}

public sealed class ProcedureLinkConfiguration : IEntityTypeConfiguration<ProcedureLink>
{
    public void Configure(EntityTypeBuilder<ProcedureLink> builder)
    {
        builder.Property(l => l.Title).HasMaxLength(AgencyLimits.LinkTitle);
        builder.Property(l => l.Url).HasMaxLength(AgencyLimits.Url);
        builder.Property(l => l.Group).HasMaxLength(AgencyLimits.Group);
        builder.Property(l => l.Description).HasMaxLength(AgencyLimits.LinkDescription);

        // Addresses as known when this was written; they could not be opened from here (docs/public-portal.md).
        const string Portals = "Cổng dịch vụ công";
        const string Common = "Thủ tục người dân thường hỏi";
        builder.HasData(
            new ProcedureLink { Id = 1, Group = Portals, SortOrder = 10, Title = "Cổng Dịch vụ công quốc gia", Url = "https://dichvucong.gov.vn/",
                Description = "Nộp hồ sơ, theo dõi và thanh toán trực tuyến các thủ tục hành chính trên cả nước." },
            new ProcedureLink { Id = 2, Group = Portals, SortOrder = 20, Title = "Cổng Dịch vụ công Thành phố Hồ Chí Minh", Url = "https://dichvucong.hochiminhcity.gov.vn/",
                Description = "Thủ tục hành chính của Thành phố và của Ủy ban nhân dân phường." },
            new ProcedureLink { Id = 3, Group = Portals, SortOrder = 30, Title = "Cổng Dịch vụ công Bộ Công an", Url = "https://dichvucong.bocongan.gov.vn/",
                Description = "Cư trú, căn cước, xuất nhập cảnh, đăng ký xe." },
            new ProcedureLink { Id = 4, Group = Common, SortOrder = 110, Title = "Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi (liên thông)", Url = "https://dichvucong.gov.vn/",
                Description = "Nhóm thủ tục liên thông trên Cổng Dịch vụ công quốc gia." },
            new ProcedureLink { Id = 5, Group = Common, SortOrder = 120, Title = "Đăng ký thường trú, tạm trú, thông báo lưu trú", Url = "https://dichvucong.bocongan.gov.vn/" },
            new ProcedureLink { Id = 6, Group = Common, SortOrder = 130, Title = "Cấp Phiếu lý lịch tư pháp trực tuyến", Url = "https://lltptructuyen.moj.gov.vn/" },
            new ProcedureLink { Id = 7, Group = Common, SortOrder = 140, Title = "Tra cứu thủ tục hành chính (Cơ sở dữ liệu quốc gia về thủ tục hành chính)", Url = "https://csdl.dichvucong.gov.vn/" });
    }
}
