using District5News.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The data half of <see cref="DraftsWithoutPublishTime"/> on SQLite, which must run after that migration's table
    /// rebuild: drafts whose time was never chosen lose the save time they carried, and the triggers that keep the
    /// search index in step (dropped with the rebuilt table) are created again, the index rebuilt once. No model change.
    /// </summary>
    [DbContext(typeof(SqliteNewsDbContext))]
    [Migration("20261202062520_DraftsWithoutPublishTimeData")]
    public partial class DraftsWithoutPublishTimeData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Articles" SET "PublishedAtUtc" = NULL WHERE "Id" IN (SELECT "Id" FROM "__DraftsWithoutTime");
                """);
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "__DraftsWithoutTime";""");
            RestoreSearchIndex(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo here: DraftsWithoutPublishTime's Down gives drafts their save time back.
        }

        private static void RestoreSearchIndex(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SqliteSearchTriggers.CreateFoldedOnly)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.Sql("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild');""");
        }
    }
}
