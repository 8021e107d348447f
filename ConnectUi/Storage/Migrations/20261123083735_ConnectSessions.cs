using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectUi.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ConnectSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConnectSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EndUserId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EndUserEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    AllowedProviders = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RedirectUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReconnectConnectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ConsumedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectSessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectSessions_TokenHash",
                table: "ConnectSessions",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectSessions");
        }
    }
}
