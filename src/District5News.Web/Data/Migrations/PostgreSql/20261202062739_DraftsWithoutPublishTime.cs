using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DraftsWithoutPublishTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "timestamp with time zone");

            migrationBuilder.AlterColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "ArticleRevisions",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "timestamp with time zone");

            // A draft whose time was never chosen held its save time here; it now holds none.
            migrationBuilder.Sql("""UPDATE "Articles" SET "PublishedAtUtc" = NULL WHERE NOT "PublishTimeChosen";""");

            migrationBuilder.DropColumn(
                name: "PublishTimeChosen",
                table: "Articles");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to a time in every row: a draft without one gets its save time again, and says so.
            migrationBuilder.AddColumn<bool>(
                name: "PublishTimeChosen",
                table: "Articles",
                type: "boolean",
                nullable: false,
                defaultValue: true);
            migrationBuilder.Sql("""UPDATE "Articles" SET "PublishTimeChosen" = FALSE, "PublishedAtUtc" = "UpdatedAtUtc" WHERE "PublishedAtUtc" IS NULL;""");
            migrationBuilder.Sql("""UPDATE "ArticleRevisions" SET "PublishedAtUtc" = "SavedAtUtc" WHERE "PublishedAtUtc" IS NULL;""");

            migrationBuilder.AlterColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.AlterColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "ArticleRevisions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "timestamp with time zone",
                oldNullable: true);
        }
    }
}
