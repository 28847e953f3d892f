using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Cases.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class IdentifiersAndHouseholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The beneficiary's row version is PostgreSQL's system column xmin: nothing to add.

            migrationBuilder.CreateTable(
                name: "beneficiary_identifiers",
                columns: table => new
                {
                    beneficiary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_beneficiary_identifiers", x => new { x.beneficiary_id, x.kind });
                    table.ForeignKey(
                        name: "fk_beneficiary_identifiers_beneficiaries_beneficiary_id",
                        column: x => x.beneficiary_id,
                        principalTable: "beneficiaries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    district = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    formed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    formed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "household_members",
                columns: table => new
                {
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    beneficiary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relationship = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    added_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_members", x => new { x.household_id, x.beneficiary_id });
                    table.ForeignKey(
                        name: "fk_household_members_beneficiaries_beneficiary_id",
                        column: x => x.beneficiary_id,
                        principalTable: "beneficiaries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_household_members_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every registration so far had at most a foreigner identity number, hashed under the "foreigner-id"
            // purpose: the same hash, now in the table matching reads.
            migrationBuilder.Sql("""
                INSERT INTO beneficiary_identifiers (beneficiary_id, kind, hash)
                SELECT id, 'foreigner-id', identifier_hash FROM beneficiaries WHERE identifier_hash IS NOT NULL
                """);

            migrationBuilder.CreateIndex(
                name: "ix_beneficiary_identifiers_hash",
                table: "beneficiary_identifiers",
                column: "hash");

            migrationBuilder.CreateIndex(
                name: "ix_household_members_beneficiary_id",
                table: "household_members",
                column: "beneficiary_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_household_members_one_head",
                table: "household_members",
                column: "household_id",
                unique: true,
                filter: "relationship = 'head'");

            migrationBuilder.CreateIndex(
                name: "ix_households_district",
                table: "households",
                column: "district");

            migrationBuilder.CreateIndex(
                name: "ix_households_reference_code",
                table: "households",
                column: "reference_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "beneficiary_identifiers");

            migrationBuilder.DropTable(
                name: "household_members");

            migrationBuilder.DropTable(
                name: "households");
        }
    }
}
