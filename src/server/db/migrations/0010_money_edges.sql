-- Idempotency keys are claimed before the work runs: a row is `running` until the work's response is stored (`done`).
-- Rows written before this migration hold a stored success response.
ALTER TABLE "idempotency_keys" ADD COLUMN "status" text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "status" SET DEFAULT 'running';--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "status_code" integer;--> statement-breakpoint
UPDATE "idempotency_keys" SET "status_code" = 200;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "response" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "claimed_at" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
-- A batch closes only when every payment in it is settled: reopen any batch a settlement closed with payments still
-- pending (a settlement that named one entitlement twice and left another out), so those payments can be settled.
UPDATE "disbursement_batches" SET "status" = 'open' WHERE "status" = 'closed' AND EXISTS (SELECT 1 FROM "payments" WHERE "payments"."batch_id" = "disbursement_batches"."id" AND "payments"."status" = 'pending');
