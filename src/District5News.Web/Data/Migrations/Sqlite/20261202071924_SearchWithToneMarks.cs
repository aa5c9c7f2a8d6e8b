using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Search that ranks by the tone marks typed (docs/search.md): the marked columns, and the FTS5 index made again
    /// over four columns (folded and marked). The marked columns of existing bulletins are filled at the first start
    /// after this migration (SearchTextBackfill), which the update trigger carries into the index.
    /// </summary>
    public partial class SearchWithToneMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchBodyMarked",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchTitleMarked",
                table: "Articles",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
            migrationBuilder.Sql(SqliteSearchTriggers.CreateTable);
            foreach (var statement in SqliteSearchTriggers.Create)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.Sql("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
            migrationBuilder.DropColumn(
                name: "SearchBodyMarked",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SearchTitleMarked",
                table: "Articles");

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "SearchTitle", "SearchBody",
                    content='Articles', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            foreach (var statement in SqliteSearchTriggers.CreateFoldedOnly)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.Sql("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild');""");
        }
    }
}
