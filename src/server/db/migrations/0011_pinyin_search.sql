-- Pinyin search and pinyin order. Pinyin is computed in JavaScript (pinyin-pro), so rows written before this migration
-- are filled in at start-up (refreshSearchData): talents with search_version 0, organisations with no name_sort_key.
ALTER TABLE "organisations" ADD COLUMN "name_sort_key" text;
--> statement-breakpoint
ALTER TABLE "talents" ADD COLUMN "search_version" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE INDEX "organisations_name_sort_idx" ON "organisations" USING btree ("kind","name_sort_key","name","id");
--> statement-breakpoint
CREATE INDEX "talents_search_version_idx" ON "talents" USING btree ("search_version");
