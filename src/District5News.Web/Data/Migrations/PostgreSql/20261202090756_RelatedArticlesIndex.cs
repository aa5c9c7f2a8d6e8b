using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RelatedArticlesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_Related",
                table: "Articles",
                columns: new[] { "Status", "DeletedAtUtc", "PublishedAtUtc", "Id", "CategoryId", "SearchTitle" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Related",
                table: "Articles");
        }
    }
}
