-- The native place, encrypted (AES-256-GCM, Secrets.encrypt): in clear, a city code narrows the ID number's area to
-- that city's counties. A migration has no key, so existing clear values are sealed at start-up (sealNativePlaces in
-- src/server/search/refresh.ts), which sets native_place to null as it goes; the column is dropped by a later migration.
ALTER TABLE "talents" ADD COLUMN "native_place_cipher" text;
--> statement-breakpoint
CREATE INDEX "talents_native_place_clear_idx" ON "talents" USING btree ("id") WHERE "talents"."native_place" is not null;
