using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Cases.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Casework : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    institution = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    what = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "beneficiaries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    district = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    legal_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    nationality = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    household_size = table.Column<int>(type: "integer", nullable: false),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    vulnerabilities = table.Column<List<string>>(type: "text[]", nullable: false),
                    sealed_details = table.Column<byte[]>(type: "bytea", nullable: false),
                    identifier_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    birth_date_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    registered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_beneficiaries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    beneficiary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    district = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    needs = table.Column<List<string>>(type: "text[]", nullable: false),
                    priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    assigned_to = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    opened_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "duplicate_flags",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    district = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    matches = table.Column<int>(type: "integer", nullable: false),
                    prevented = table.Column<bool>(type: "boolean", nullable: false),
                    checked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duplicate_flags", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    content_type = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    e_tag = table.Column<string>(type: "text", nullable: true),
                    body = table.Column<byte[]>(type: "bytea", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.client_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "known_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_contacts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    beneficiary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_district = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    made_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    to_institution_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_programme = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sealed_reason = table.Column<byte[]>(type: "bytea", nullable: false),
                    due_by = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sealed_answer = table.Column<byte[]>(type: "bytea", nullable: true),
                    answered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    made_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "services_delivered",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    beneficiary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    district = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    provider_institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    delivered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    sealed_notes = table.Column<byte[]>(type: "bytea", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_delivered", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    beneficiary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consents", x => x.id);
                    table.ForeignKey(
                        name: "fk_consents_beneficiaries_beneficiary_id",
                        column: x => x.beneficiary_id,
                        principalTable: "beneficiaries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sealed_text = table.Column<byte[]>(type: "bytea", nullable: false),
                    confidential = table.Column<bool>(type: "boolean", nullable: false),
                    written_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_notes_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_subject_id_at",
                table: "audit_log",
                columns: new[] { "subject_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_beneficiaries_birth_date_hash",
                table: "beneficiaries",
                column: "birth_date_hash");

            migrationBuilder.CreateIndex(
                name: "ix_beneficiaries_district",
                table: "beneficiaries",
                column: "district");

            migrationBuilder.CreateIndex(
                name: "ix_beneficiaries_identifier_hash",
                table: "beneficiaries",
                column: "identifier_hash");

            migrationBuilder.CreateIndex(
                name: "ix_beneficiaries_reference_code",
                table: "beneficiaries",
                column: "reference_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_notes_case_id",
                table: "case_notes",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_beneficiary_id",
                table: "cases",
                column: "beneficiary_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_district_status",
                table: "cases",
                columns: new[] { "district", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_reference_code",
                table: "cases",
                column: "reference_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consents_beneficiary_id",
                table: "consents",
                column: "beneficiary_id");

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_flags_district_checked_at",
                table: "duplicate_flags",
                columns: new[] { "district", "checked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                table: "idempotency_records",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_known_contacts_institution_id",
                table: "known_contacts",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_case_id",
                table: "referrals",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_from_district_status",
                table: "referrals",
                columns: new[] { "from_district", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_reference_code",
                table: "referrals",
                column: "reference_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_referrals_to_institution_id_status",
                table: "referrals",
                columns: new[] { "to_institution_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_services_delivered_beneficiary_id_category_delivered_on",
                table: "services_delivered",
                columns: new[] { "beneficiary_id", "category", "delivered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_services_delivered_case_id",
                table: "services_delivered",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_services_delivered_district_delivered_on",
                table: "services_delivered",
                columns: new[] { "district", "delivered_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "case_notes");

            migrationBuilder.DropTable(
                name: "consents");

            migrationBuilder.DropTable(
                name: "duplicate_flags");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "known_contacts");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "services_delivered");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "beneficiaries");
        }
    }
}
