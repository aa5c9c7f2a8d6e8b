using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace District5News.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AgencySettingsProfilesProcedures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProcedureLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Group = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SiteSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    SiteName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    GoverningBody = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    ResponsibilityLine = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    DefaultUnitId = table.Column<int>(type: "int", nullable: false),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Hotline = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    SiteNameEn = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    GoverningBodyEn = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    ResponsibilityLineEn = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteSettings_PublishingUnits_DefaultUnitId",
                        column: x => x.DefaultUnitId,
                        principalTable: "PublishingUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitProfiles",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Functions = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Organisation = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Fax = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Hotline = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ContactName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ContactPosition = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    ContactPhone = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ContactEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    NameEn = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    FunctionsEn = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    OrganisationEn = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    AddressEn = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ContactPositionEn = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitProfiles", x => x.UnitId);
                    table.ForeignKey(
                        name: "FK_UnitProfiles_PublishingUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "PublishingUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnitLeaders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Position = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    PositionEn = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitLeaders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitLeaders_UnitProfiles_UnitId",
                        column: x => x.UnitId,
                        principalTable: "UnitProfiles",
                        principalColumn: "UnitId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ProcedureLinks",
                columns: new[] { "Id", "Description", "Group", "SortOrder", "Title", "Url" },
                values: new object[,]
                {
                    { 1, "Nộp hồ sơ, theo dõi và thanh toán trực tuyến các thủ tục hành chính trên cả nước.", "Cổng dịch vụ công", 10, "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/" },
                    { 2, "Thủ tục hành chính của Thành phố và của Ủy ban nhân dân phường.", "Cổng dịch vụ công", 20, "Cổng Dịch vụ công Thành phố Hồ Chí Minh", "https://dichvucong.hochiminhcity.gov.vn/" },
                    { 3, "Cư trú, căn cước, xuất nhập cảnh, đăng ký xe.", "Cổng dịch vụ công", 30, "Cổng Dịch vụ công Bộ Công an", "https://dichvucong.bocongan.gov.vn/" },
                    { 4, "Nhóm thủ tục liên thông trên Cổng Dịch vụ công quốc gia.", "Thủ tục người dân thường hỏi", 110, "Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi (liên thông)", "https://dichvucong.gov.vn/" },
                    { 5, null, "Thủ tục người dân thường hỏi", 120, "Đăng ký thường trú, tạm trú, thông báo lưu trú", "https://dichvucong.bocongan.gov.vn/" },
                    { 6, null, "Thủ tục người dân thường hỏi", 130, "Cấp Phiếu lý lịch tư pháp trực tuyến", "https://lltptructuyen.moj.gov.vn/" },
                    { 7, null, "Thủ tục người dân thường hỏi", 140, "Tra cứu thủ tục hành chính (Cơ sở dữ liệu quốc gia về thủ tục hành chính)", "https://csdl.dichvucong.gov.vn/" }
                });

            migrationBuilder.InsertData(
                table: "SiteSettings",
                columns: new[] { "Id", "Address", "DefaultUnitId", "Description", "Email", "GoverningBody", "GoverningBodyEn", "Hotline", "Phone", "ResponsibilityLine", "ResponsibilityLineEn", "SiteName", "SiteNameEn", "UpdatedAtUtc" },
                values: new object[] { 1, null, 4, "Thông tin của Ủy ban nhân dân Phường Chợ Lớn, Thành phố Hồ Chí Minh, và lưu trữ bản tin của Ủy ban nhân dân Quận 5 (đến 30/06/2025).", null, "Ủy ban nhân dân Phường Chợ Lớn", "People's Committee of Cho Lon Ward, Ho Chi Minh City", null, null, "Chịu trách nhiệm chính: Chủ tịch Ủy ban nhân dân Phường Chợ Lớn", "Responsible for the content: the Chairperson of the People's Committee of Cho Lon Ward", "Cổng thông tin điện tử Phường Chợ Lớn", "Cho Lon Ward Web Portal", new DateTime(2025, 7, 1, 0, 0, 0, 0, DateTimeKind.Utc) });

            migrationBuilder.InsertData(
                table: "UnitProfiles",
                columns: new[] { "UnitId", "Address", "AddressEn", "ContactEmail", "ContactName", "ContactPhone", "ContactPosition", "ContactPositionEn", "Email", "Fax", "Functions", "FunctionsEn", "Hotline", "NameEn", "Organisation", "OrganisationEn", "Phone", "UpdatedAtUtc" },
                values: new object[,]
                {
                    { 1, null, null, null, null, null, null, null, null, null, null, null, null, "People's Committee of District 5 (archive, until 30 June 2025)", null, null, null, null },
                    { 2, null, null, null, null, null, null, null, null, null, null, null, null, "People's Committee of Cho Quan Ward", null, null, null, null },
                    { 3, null, null, null, null, null, null, null, null, null, null, null, null, "People's Committee of An Dong Ward", null, null, null, null },
                    { 4, null, null, null, null, null, null, null, null, null, null, null, null, "People's Committee of Cho Lon Ward", null, null, null, null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_SiteSettings_DefaultUnitId",
                table: "SiteSettings",
                column: "DefaultUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitLeaders_UnitId_SortOrder",
                table: "UnitLeaders",
                columns: new[] { "UnitId", "SortOrder" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcedureLinks");

            migrationBuilder.DropTable(
                name: "SiteSettings");

            migrationBuilder.DropTable(
                name: "UnitLeaders");

            migrationBuilder.DropTable(
                name: "UnitProfiles");
        }
    }
}
