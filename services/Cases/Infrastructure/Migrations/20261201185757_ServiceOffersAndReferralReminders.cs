using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Cases.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ServiceOffersAndReferralReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "from_institution_id",
                table: "referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reminder_sent_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "service_offer_id",
                table: "referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "service_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subjects = table.Column<List<string>>(type: "text[]", nullable: false),
                    name_tr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_ar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    districts = table.Column<List<string>>(type: "text[]", nullable: false),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    channels = table.Column<List<string>>(type: "text[]", nullable: false),
                    legal_statuses = table.Column<List<string>>(type: "text[]", nullable: false),
                    age_from = table.Column<int>(type: "integer", nullable: true),
                    age_to = table.Column<int>(type: "integer", nullable: true),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    capacity_per_month = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_offers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_service_offer_id_made_at",
                table: "referrals",
                columns: new[] { "service_offer_id", "made_at" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_status_due_by",
                table: "referrals",
                columns: new[] { "status", "due_by" },
                filter: "reminder_sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_service_offers_category",
                table: "service_offers",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_service_offers_institution_id",
                table: "service_offers",
                column: "institution_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_offers");

            migrationBuilder.DropIndex(
                name: "ix_referrals_service_offer_id_made_at",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_status_due_by",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "from_institution_id",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "reminder_sent_at",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "service_offer_id",
                table: "referrals");
        }
    }
}
