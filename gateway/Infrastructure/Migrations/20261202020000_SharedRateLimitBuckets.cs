using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Gateway.Infrastructure.Migrations
{
    /// <summary>
    /// The partners' rate-limit buckets, shared by every gateway instance. Written by hand: the table is read and
    /// written only by <c>take_rate_limit_tokens</c> (raw SQL on the hot path), so it is not part of the EF model.
    /// </summary>
    [DbContext(typeof(GatewayDbContext))]
    [Migration("20261202020000_SharedRateLimitBuckets")]
    public partial class SharedRateLimitBuckets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE rate_limit_buckets (
                    bucket_key text PRIMARY KEY,
                    tokens double precision NOT NULL,
                    refilled_at timestamptz NOT NULL
                );
                """);
            // Refill by the time since the last take (the database's clock, the same for every instance), then take
            // what is there up to what was asked, all under the row's lock: two instances never spend one token twice.
            migrationBuilder.Sql("""
                CREATE FUNCTION take_rate_limit_tokens(bucket text, capacity double precision, per_second double precision, wanted integer)
                RETURNS integer LANGUAGE plpgsql AS $$
                DECLARE
                    available double precision;
                    granted integer;
                BEGIN
                    INSERT INTO rate_limit_buckets AS b (bucket_key, tokens, refilled_at)
                    VALUES (bucket, capacity, clock_timestamp())
                    ON CONFLICT (bucket_key) DO UPDATE SET
                        tokens = LEAST(capacity, b.tokens + per_second * GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - b.refilled_at))),
                        refilled_at = clock_timestamp()
                    RETURNING tokens INTO available;
                    granted := LEAST(wanted, floor(available))::integer;
                    IF granted > 0 THEN
                        UPDATE rate_limit_buckets SET tokens = tokens - granted WHERE bucket_key = bucket;
                    END IF;
                    RETURN granted;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION take_rate_limit_tokens(text, double precision, double precision, integer);");
            migrationBuilder.Sql("DROP TABLE rate_limit_buckets;");
        }
    }
}
