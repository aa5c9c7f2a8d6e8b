using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace District5News.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// Publishing units and editors' memberships. Every bulletin that exists before this migration belongs to the
    /// district archive (UBND Quận 5, Id 1), which is why the new column's default is 1.
    /// </summary>
    public partial class PublishingUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Articles",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "PublishingUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ActiveFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ActiveUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SuccessorId = table.Column<int>(type: "integer", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishingUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishingUnits_PublishingUnits_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "PublishingUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffUnitMemberships",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffUnitMemberships", x => new { x.UserId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_StaffUnitMemberships_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffUnitMemberships_PublishingUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "PublishingUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "PublishingUnits",
                columns: new[] { "Id", "ActiveFrom", "ActiveUntil", "Basis", "Kind", "Name", "Slug", "SortOrder", "SuccessorId" },
                values: new object[,]
                {
                    { 1, null, new DateOnly(2025, 6, 30), "Nghị quyết 1685/NQ-UBTVQH15", 0, "UBND Quận 5", "quan-5", 100, null },
                    { 2, new DateOnly(2025, 7, 1), null, "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường Chợ Quán", "cho-quan", 1, null },
                    { 3, new DateOnly(2025, 7, 1), null, "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường An Đông", "an-dong", 2, null },
                    { 4, new DateOnly(2025, 7, 1), null, "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường Chợ Lớn", "cho-lon", 3, null },
                    { 11, null, new DateOnly(2025, 6, 30), "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường 1", "phuong-1", 101, 2 },
                    { 12, null, new DateOnly(2025, 6, 30), "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường 2", "phuong-2", 102, 2 },
                    { 14, null, new DateOnly(2025, 6, 30), "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường 4", "phuong-4", 104, 2 },
                    { 15, null, new DateOnly(2025, 6, 30), "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường 5", "phuong-5", 105, 3 },
                    { 17, null, new DateOnly(2025, 6, 30), "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường 7", "phuong-7", 107, 3 },
                    { 19, null, new DateOnly(2025, 6, 30), "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường 9", "phuong-9", 109, 3 },
                    { 21, null, new DateOnly(2025, 6, 30), "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường 11", "phuong-11", 111, 4 },
                    { 22, null, new DateOnly(2025, 6, 30), "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường 12", "phuong-12", 112, 4 },
                    { 23, null, new DateOnly(2025, 6, 30), "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường 13", "phuong-13", 113, 4 },
                    { 24, null, new DateOnly(2025, 6, 30), "Nghị quyết 1685/NQ-UBTVQH15", 1, "Phường 14", "phuong-14", 114, 4 },
                    { 13, null, new DateOnly(2024, 12, 31), "Nghị quyết 1278/NQ-UBTVQH15", 1, "Phường 3", "phuong-3", 103, 12 },
                    { 16, null, new DateOnly(2024, 12, 31), "Nghị quyết 1278/NQ-UBTVQH15", 1, "Phường 6", "phuong-6", 106, 15 },
                    { 18, null, new DateOnly(2024, 12, 31), "Nghị quyết 1278/NQ-UBTVQH15", 1, "Phường 8", "phuong-8", 108, 17 },
                    { 20, null, new DateOnly(2024, 12, 31), "Nghị quyết 1278/NQ-UBTVQH15", 1, "Phường 10", "phuong-10", 110, 21 },
                    { 25, null, new DateOnly(2020, 12, 31), "Nghị quyết 1111/NQ-UBTVQH14", 1, "Phường 15", "phuong-15", 115, 22 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_UnitId_Status_DeletedAtUtc_PublishedAtUtc",
                table: "Articles",
                columns: new[] { "UnitId", "Status", "DeletedAtUtc", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishingUnits_Slug",
                table: "PublishingUnits",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishingUnits_SuccessorId",
                table: "PublishingUnits",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffUnitMemberships_UnitId",
                table: "StaffUnitMemberships",
                column: "UnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_PublishingUnits_UnitId",
                table: "Articles",
                column: "UnitId",
                principalTable: "PublishingUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_PublishingUnits_UnitId",
                table: "Articles");

            migrationBuilder.DropTable(
                name: "StaffUnitMemberships");

            migrationBuilder.DropTable(
                name: "PublishingUnits");

            migrationBuilder.DropIndex(
                name: "IX_Articles_UnitId_Status_DeletedAtUtc_PublishedAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Articles");
        }
    }
}
