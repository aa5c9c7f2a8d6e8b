using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// No schema change: marks the point where stored bodies are sanitized again once (issue 9). Bodies saved before
    /// it may hold markup that normalization reopened; DatabaseInitializer runs StoredHtmlResanitizer when this
    /// migration was pending. No target model on purpose: the model did not change.
    /// </summary>
    [DbContext(typeof(SqliteNewsDbContext))]
    [Migration("20261202060000_ResanitizeStoredHtml")]
    public partial class ResanitizeStoredHtml : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
