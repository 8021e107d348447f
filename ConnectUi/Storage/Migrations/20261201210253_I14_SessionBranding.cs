using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectUi.Storage.Migrations
{
    /// <inheritdoc />
    public partial class I14_SessionBranding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Branding",
                table: "ConnectSessions",
                type: "TEXT",
                maxLength: 16000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Branding",
                table: "ConnectSessions");
        }
    }
}
