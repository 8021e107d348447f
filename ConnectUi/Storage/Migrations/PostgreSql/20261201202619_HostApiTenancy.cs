using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectUi.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class HostApiTenancy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Connections_EndUserId_ProviderId",
                table: "Connections");

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "ConnectSessions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "Connections",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "ConnectionEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HostApiKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostApiKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Connections_TenantId_EndUserId_ProviderId",
                table: "Connections",
                columns: new[] { "TenantId", "EndUserId", "ProviderId" });

            migrationBuilder.CreateIndex(
                name: "IX_HostApiKeys_Hash",
                table: "HostApiKeys",
                column: "Hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HostApiKeys");

            migrationBuilder.DropIndex(
                name: "IX_Connections_TenantId_EndUserId_ProviderId",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "ConnectSessions");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "ConnectionEvents");

            migrationBuilder.CreateIndex(
                name: "IX_Connections_EndUserId_ProviderId",
                table: "Connections",
                columns: new[] { "EndUserId", "ProviderId" });
        }
    }
}
