-- Sign-in failures are throttled per account and address (login_failures, migration 0006); accounts are never locked.
ALTER TABLE "users" DROP COLUMN "failed_login_count";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";
