using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.SqlServer
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
                type: "datetime2",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "datetime2");

            migrationBuilder.AlterColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "ArticleRevisions",
                type: "datetime2",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "datetime2");

            // A draft whose time was never chosen held its save time here; it now holds none.
            migrationBuilder.Sql("""UPDATE [Articles] SET [PublishedAtUtc] = NULL WHERE [PublishTimeChosen] = 0;""");

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
                type: "bit",
                nullable: false,
                defaultValue: true);
            migrationBuilder.Sql("""UPDATE [Articles] SET [PublishTimeChosen] = 0, [PublishedAtUtc] = [UpdatedAtUtc] WHERE [PublishedAtUtc] IS NULL;""");
            migrationBuilder.Sql("""UPDATE [ArticleRevisions] SET [PublishedAtUtc] = [SavedAtUtc] WHERE [PublishedAtUtc] IS NULL;""");

            migrationBuilder.AlterColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "Articles",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "datetime2",
                oldNullable: true);

            migrationBuilder.AlterColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "ArticleRevisions",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "datetime2",
                oldNullable: true);
        }
    }
}
