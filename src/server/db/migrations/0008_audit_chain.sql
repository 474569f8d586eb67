-- The audit log becomes a hash chain: each row written from now on carries its position (seq), the previous row's
-- hash and its own keyed hash (computed by the app, which holds the key). Rows written before keep seq null and are
-- covered as a whole by the genesis value of the first chained row (see docs/ARCHITECTURE.md, Audit).
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_key" ON "audit_log" USING btree ("seq");
--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("id") WHERE "audit_log"."seq" is null;
--> statement-breakpoint
CREATE TABLE "system_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
