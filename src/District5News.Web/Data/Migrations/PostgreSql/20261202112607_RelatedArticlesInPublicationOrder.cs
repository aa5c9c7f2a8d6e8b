using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// TIN LIÊN QUAN on PostgreSQL (issue 15). IX_Articles_Related (Status, DeletedAtUtc, PublishedAtUtc, ...) serves
    /// SQLite, which walks it backwards and stops after 300 candidates. PostgreSQL's planner does not take the
    /// "DeletedAtUtc" IS NULL column as pinned, so that index does not give the newest-first order: it read every visible
    /// bulletin's entry, ran the title patterns on each and sorted (342 ms of database CPU per article page at 100,000).
    /// This partial index holds only visible-status rows, in the query's order, with what the query reads: the scan stops
    /// at the 300th candidate (2 ms). Raw SQL, as the model has no partial indexes with INCLUDE for one provider.
    /// </summary>
    public partial class RelatedArticlesInPublicationOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Articles_Related_Published" ON "Articles" ("PublishedAtUtc" DESC, "Id" DESC)
                INCLUDE ("CategoryId", "SearchTitle")
                WHERE "Status" = 1 AND "DeletedAtUtc" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Articles_Related_Published";""");
        }
    }
}
