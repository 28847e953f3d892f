using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Cases.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ConfidentialNotesByInstitution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "written_by_institution",
                table: "case_notes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // Notes written before: the audit entry of their creation says which institution wrote them.
            // A note whose writer carried no institution keeps null, and stays visible to its client alone.
            migrationBuilder.Sql("""
                UPDATE case_notes n SET written_by_institution = a.institution
                FROM audit_log a
                WHERE a.what = 'case-note' AND a.action = 'create' AND a.record_id = n.id AND a.institution IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "written_by_institution",
                table: "case_notes");
        }
    }
}
