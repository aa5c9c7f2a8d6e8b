using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace District5News.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// The marked search columns (docs/search.md), filled for existing bulletins at the first start after this
    /// migration (SearchTextBackfill).
    /// </summary>
    public partial class SearchWithToneMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchBodyMarked",
                table: "Articles",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchTitleMarked",
                table: "Articles",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchBodyMarked",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SearchTitleMarked",
                table: "Articles");
        }
    }
}
