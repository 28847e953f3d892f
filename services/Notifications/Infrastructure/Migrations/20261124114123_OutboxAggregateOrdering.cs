using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class OutboxAggregateOrdering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "aggregate_id",
                table: "outbox_messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_aggregate_id_sequence",
                table: "outbox_messages",
                columns: new[] { "aggregate_id", "sequence" },
                filter: "delivered_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_aggregate_id_sequence",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "aggregate_id",
                table: "outbox_messages");
        }
    }
}
