using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The full-text indexes behind search, PostgreSQL only (docs/decisions/0007-postgresql.md). They index the
    /// pre-folded SearchTitle/SearchBody columns with the 'simple' configuration: no stemming, no stop words, lower
    /// case only, so a lexeme is exactly one folded syllable, as FTS5 sees it on SQLite. One index serves "every word
    /// somewhere in the bulletin", the other "every word in the title"; ArticleSearch uses the same expressions, so the
    /// planner can use them. Expression indexes need no triggers: PostgreSQL keeps them in step with the rows.
    /// </summary>
    public partial class ArticleSearchIndex : Migration
    {
        /// <summary>The indexed expression for "the whole bulletin"; ArticleSearch's queries must repeat it exactly.</summary>
        internal const string DocumentVector = """to_tsvector('simple', "SearchTitle" || ' ' || "SearchBody")""";

        /// <summary>The indexed expression for "the title".</summary>
        internal const string TitleVector = """to_tsvector('simple', "SearchTitle")""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""CREATE INDEX "IX_Articles_SearchDocument" ON "Articles" USING gin ({DocumentVector});""");
            migrationBuilder.Sql($"""CREATE INDEX "IX_Articles_SearchTitle" ON "Articles" USING gin ({TitleVector});""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchTitle";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchDocument";""");
        }
    }
}
