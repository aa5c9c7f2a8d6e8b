using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// A titles-only FTS5 index beside ArticleSearch (issue 15): the title steps of a search read it, whose lists hold
    /// only the titles' syllables, instead of filtering ArticleSearch's body-sized lists by column. External content on
    /// Articles, kept in step by its own triggers, filled for the existing bulletins by 'rebuild'. No model change, so
    /// the SQL Server and PostgreSQL sets have no counterpart.
    /// </summary>
    [DbContext(typeof(SqliteNewsDbContext))]
    [Migration("20261202110500_TitleSearchIndex")]
    public partial class TitleSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleTitleSearch";""");
            migrationBuilder.Sql(SqliteSearchTriggers.CreateTitleTable);
            foreach (var statement in SqliteSearchTriggers.CreateTitles)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.Sql("""INSERT INTO "ArticleTitleSearch"("ArticleTitleSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_title_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_title_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_title_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleTitleSearch";""");
        }
    }
}
