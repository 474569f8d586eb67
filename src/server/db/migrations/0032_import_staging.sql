-- Staged import rows (issue 11): a talent import's commit writes its rows here in short transactions, one chunk per
-- target table, then switches them into the registry in one short transaction (INSERT … SELECT from here) and drops
-- them. The rows hold what the registry will hold (personal data encrypted, look-up hashes); they live only while the
-- run does and are dropped when it ends, fails or is found interrupted.
CREATE TABLE "import_staged_rows" (
	"import_id" uuid NOT NULL,
	"chunk" integer NOT NULL,
	"target" text NOT NULL,
	"columns" text[] NOT NULL,
	"rows" json NOT NULL,
	CONSTRAINT "import_staged_rows_import_id_chunk_target_pk" PRIMARY KEY("import_id","chunk","target")
);
--> statement-breakpoint
ALTER TABLE "import_staged_rows" ADD CONSTRAINT "import_staged_rows_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;
