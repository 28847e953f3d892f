using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Cases.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CaseTransfersAndServiceChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "services_delivered",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "in-person");

            migrationBuilder.CreateTable(
                name: "case_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    beneficiary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_district = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    from_institution_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_district = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    to_institution_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sealed_reason = table.Column<byte[]>(type: "bytea", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    answered_by_institution = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sealed_decline_reason = table.Column<byte[]>(type: "bytea", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_transfers", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_transfers_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_transfers_case_id_answered_at",
                table: "case_transfers",
                columns: new[] { "case_id", "answered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_transfers_from_district_status",
                table: "case_transfers",
                columns: new[] { "from_district", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_case_transfers_one_pending_per_case",
                table: "case_transfers",
                column: "case_id",
                unique: true,
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_case_transfers_reference_code",
                table: "case_transfers",
                column: "reference_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_transfers_to_district_status",
                table: "case_transfers",
                columns: new[] { "to_district", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_transfers");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "services_delivered");
        }
    }
}
