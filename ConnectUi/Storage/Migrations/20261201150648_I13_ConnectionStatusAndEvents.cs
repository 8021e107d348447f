using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectUi.Storage.Migrations
{
    /// <inheritdoc />
    public partial class I13_ConnectionStatusAndEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StatusAfter",
                table: "VerificationAttempts",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Trigger",
                table: "VerificationAttempts",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConsecutiveRefusals",
                table: "Connections",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "NextVerificationAtUnixMs",
                table: "Connections",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Connections",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Healthy");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusChangedAt",
                table: "Connections",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Existing connections were healthy since they were saved; the first re-verification round checks them (next-check 0).
            migrationBuilder.Sql("UPDATE \"Connections\" SET \"StatusChangedAt\" = \"CreatedAt\";");

            migrationBuilder.CreateTable(
                name: "ConnectionEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RetryingSince = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionEvents", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Connections_NextVerificationAtUnixMs",
                table: "Connections",
                column: "NextVerificationAtUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionEvents_ConnectionId_Sequence",
                table: "ConnectionEvents",
                columns: new[] { "ConnectionId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionEvents_Delivery_NextAttemptAtUnixMs",
                table: "ConnectionEvents",
                columns: new[] { "Delivery", "NextAttemptAtUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionEvents_MessageId",
                table: "ConnectionEvents",
                column: "MessageId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectionEvents");

            migrationBuilder.DropIndex(
                name: "IX_Connections_NextVerificationAtUnixMs",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "StatusAfter",
                table: "VerificationAttempts");

            migrationBuilder.DropColumn(
                name: "Trigger",
                table: "VerificationAttempts");

            migrationBuilder.DropColumn(
                name: "ConsecutiveRefusals",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "NextVerificationAtUnixMs",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "Connections");
        }
    }
}
