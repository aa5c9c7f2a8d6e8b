using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DraftsWithoutPublishTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite rebuilds Articles for the nullable column after every statement below has run, so the drafts whose
            // time was never chosen are noted first; the next migration clears their times and restores the search triggers.
            migrationBuilder.Sql("""CREATE TABLE "__DraftsWithoutTime" AS SELECT "Id" FROM "Articles" WHERE "PublishTimeChosen" = 0;""");

            migrationBuilder.AlterColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "Articles",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "ArticleRevisions",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.DropColumn(
                name: "PublishTimeChosen",
                table: "Articles");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to a time in every row: a draft without one gets its save time again, and says so. SQLite rebuilds
            // Articles after these statements, dropping the search triggers: DraftsWithoutPublishTimeData's Down runs
            // first and cannot restore them after; run the ArticleSearchFts statements again after such a downgrade.
            migrationBuilder.AddColumn<bool>(
                name: "PublishTimeChosen",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);
            migrationBuilder.Sql("""UPDATE "Articles" SET "PublishTimeChosen" = 0, "PublishedAtUtc" = "UpdatedAtUtc" WHERE "PublishedAtUtc" IS NULL;""");
            migrationBuilder.Sql("""UPDATE "ArticleRevisions" SET "PublishedAtUtc" = "SavedAtUtc" WHERE "PublishedAtUtc" IS NULL;""");

            migrationBuilder.AlterColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "ArticleRevisions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
