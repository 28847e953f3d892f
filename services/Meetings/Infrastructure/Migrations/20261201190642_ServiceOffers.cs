using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Meetings.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ServiceOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "phone",
                table: "contacts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "offer_referrals",
                columns: table => new
                {
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_offer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    made_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offer_referrals", x => x.referral_id);
                });

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
                    search_name = table.Column<string>(type: "character varying(602)", maxLength: 602, nullable: false),
                    districts = table.Column<List<string>>(type: "text[]", nullable: false),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    channels = table.Column<List<string>>(type: "text[]", nullable: false),
                    legal_statuses = table.Column<List<string>>(type: "text[]", nullable: false),
                    age_from = table.Column<int>(type: "integer", nullable: true),
                    age_to = table.Column<int>(type: "integer", nullable: true),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    eligibility_notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    capacity_per_month = table.Column<int>(type: "integer", nullable: true),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    hours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_offers", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_offers_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_offer_referrals_service_offer_id",
                table: "offer_referrals",
                column: "service_offer_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_offers_districts",
                table: "service_offers",
                column: "districts")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_service_offers_institution_id",
                table: "service_offers",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_offers_status_category",
                table: "service_offers",
                columns: new[] { "status", "category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "offer_referrals");

            migrationBuilder.DropTable(
                name: "service_offers");

            migrationBuilder.DropColumn(
                name: "phone",
                table: "contacts");
        }
    }
}
