using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectUi.Storage.Migrations
{
    /// <inheritdoc />
    public partial class I15_SessionLocale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Locale",
                table: "ConnectSessions",
                type: "TEXT",
                maxLength: 10,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Locale",
                table: "ConnectSessions");
        }
    }
}
