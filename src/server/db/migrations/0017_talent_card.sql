-- The talent card (人才卡): each tier's green-channel privileges (data the office edits), the cards (one current card
-- per talent: a partial unique index over the cards not revoked), their numbers from one sequence, and every check of
-- a card's code at a service point.
CREATE SEQUENCE "public"."talent_card_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "talent_card_privileges" (
	"tier" text NOT NULL,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"detail_en" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_card_privileges_tier_kind_pk" PRIMARY KEY("tier","kind")
);
--> statement-breakpoint
CREATE TABLE "talent_cards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"talent_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"valid_until" date NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoked_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "talent_cards_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "talent_card_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"card_id" uuid,
	"outcome" text NOT NULL,
	"service_point" text,
	"checked_by" uuid NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talent_card_privileges" ADD CONSTRAINT "talent_card_privileges_tier_talent_tiers_code_fk" FOREIGN KEY ("tier") REFERENCES "public"."talent_tiers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_cards" ADD CONSTRAINT "talent_cards_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_cards" ADD CONSTRAINT "talent_cards_tier_talent_tiers_code_fk" FOREIGN KEY ("tier") REFERENCES "public"."talent_tiers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_card_checks" ADD CONSTRAINT "talent_card_checks_card_id_talent_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."talent_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_card_checks" ADD CONSTRAINT "talent_card_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "talent_cards_one_current_idx" ON "talent_cards" USING btree ("talent_id") WHERE "talent_cards"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "talent_cards_issued_idx" ON "talent_cards" USING btree ("issued_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "talent_card_checks_card_idx" ON "talent_card_checks" USING btree ("card_id","checked_at");
