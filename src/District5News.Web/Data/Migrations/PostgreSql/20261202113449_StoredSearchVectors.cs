using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// Search on stored vectors (issue 15, docs/benchmarks-postgresql.md "Search on stored vectors"). Ranking a search
    /// re-parsed to_tsvector('simple', …) of the title and the body two or three times per matching bulletin (8.5 s for
    /// two common syllables at 100,000). The four search texts now each have a tsvector column that PostgreSQL computes
    /// when the row is written (generated, stored), so a search reads vectors instead of parsing text. The GIN indexes
    /// keep their names (check-database and operations.md name them) but index the stored columns: the document index
    /// is the title vector followed by the body vector (the same lexemes as to_tsvector of title || ' ' || body, which
    /// is all "every word somewhere" asks), the title index the title vector; a third indexes the marked title, so the
    /// title steps with the marks typed come from an index too. Raw SQL, outside the EF model: only ArticleSearch's
    /// SQL reads these columns, and EF never writes them. Adding the columns rewrites the table once and fills the
    /// vectors of every existing bulletin.
    /// </summary>
    public partial class StoredSearchVectors : Migration
    {
        /// <summary>The indexed expression for "the whole bulletin"; ArticleSearch's statements must repeat it exactly.</summary>
        internal const string DocumentVector = """("SearchTitleVector" || "SearchBodyVector")""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Articles"
                    ADD COLUMN "SearchTitleVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "SearchTitle")) STORED,
                    ADD COLUMN "SearchBodyVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "SearchBody")) STORED,
                    ADD COLUMN "SearchTitleMarkedVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "SearchTitleMarked")) STORED,
                    ADD COLUMN "SearchBodyMarkedVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "SearchBodyMarked")) STORED;
                """);
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchDocument";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchTitle";""");
            migrationBuilder.Sql($"""CREATE INDEX "IX_Articles_SearchDocument" ON "Articles" USING gin ({DocumentVector});""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchTitle" ON "Articles" USING gin ("SearchTitleVector");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchTitleMarked" ON "Articles" USING gin ("SearchTitleMarkedVector");""");
            migrationBuilder.Sql("""ANALYZE "Articles";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchTitleMarked";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchTitle";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchDocument";""");
            migrationBuilder.Sql("""
                ALTER TABLE "Articles"
                    DROP COLUMN "SearchTitleVector",
                    DROP COLUMN "SearchBodyVector",
                    DROP COLUMN "SearchTitleMarkedVector",
                    DROP COLUMN "SearchBodyMarkedVector";
                """);
            migrationBuilder.Sql($"""CREATE INDEX "IX_Articles_SearchDocument" ON "Articles" USING gin ({ArticleSearchIndex.DocumentVector});""");
            migrationBuilder.Sql($"""CREATE INDEX "IX_Articles_SearchTitle" ON "Articles" USING gin ({ArticleSearchIndex.TitleVector});""");
        }
    }
}
