using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The FTS5 index behind search, SQLite only. It indexes the pre-folded SearchTitle/SearchBody columns
    /// (unicode61 with remove_diacritics 2 still would not fold đ), and triggers keep it in step with Articles,
    /// firing only when the search columns change, so view-count updates do not touch the index.
    /// </summary>
    public partial class ArticleSearchFts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "SearchTitle", "SearchBody",
                    content='Articles', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_search_insert" AFTER INSERT ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"(rowid, "SearchTitle", "SearchBody") VALUES (new."Id", new."SearchTitle", new."SearchBody");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_search_delete" AFTER DELETE ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "SearchTitle", "SearchBody") VALUES ('delete', old."Id", old."SearchTitle", old."SearchBody");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_search_update" AFTER UPDATE OF "SearchTitle", "SearchBody" ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "SearchTitle", "SearchBody") VALUES ('delete', old."Id", old."SearchTitle", old."SearchBody");
                    INSERT INTO "ArticleSearch"(rowid, "SearchTitle", "SearchBody") VALUES (new."Id", new."SearchTitle", new."SearchBody");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
        }
    }
}
