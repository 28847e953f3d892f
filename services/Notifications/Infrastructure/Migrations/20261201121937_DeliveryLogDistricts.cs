using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryLogDistricts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<byte[]>(
                name: "content",
                table: "notifications",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AddColumn<string>(
                name: "district",
                table: "notifications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "institution_id",
                table: "notifications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recipient_kind",
                table: "notifications",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "focal-point");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_district_created_at",
                table: "notifications",
                columns: new[] { "district", "created_at" });

            // Training invitations logged before this version hold a woman's name and address in clear:
            // mask them, drop the messages, and fail the few still waiting (they cannot be sealed here).
            migrationBuilder.Sql("""
                UPDATE notifications SET recipient_kind = 'participant',
                    recipient_name = '***',
                    recipient_email = CASE WHEN position('@' in recipient_email) > 1
                        THEN lower(left(recipient_email, 1)) || '***' || substring(recipient_email from position('@' in recipient_email))
                        ELSE '***' END,
                    status = CASE WHEN status = 'Pending' THEN 'Failed' ELSE status END,
                    last_error = CASE WHEN status = 'Pending' THEN 'Dropped on upgrade: composed before participants were sealed' ELSE last_error END,
                    content = NULL
                WHERE kind = 'training';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_district_created_at",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "district",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "institution_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "recipient_kind",
                table: "notifications");

            migrationBuilder.AlterColumn<byte[]>(
                name: "content",
                table: "notifications",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);
        }
    }
}
