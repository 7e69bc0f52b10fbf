CREATE TABLE "tenant_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"verification_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL,
	"verified_at" timestamp (3) with time zone,
	"last_checked_at" timestamp (3) with time zone,
	"checks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_domains_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "tenant_domains" ADD CONSTRAINT "tenant_domains_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tenant_domains_tenant_idx" ON "tenant_domains" USING btree ("tenant_id","created_at");--> statement-breakpoint
-- Domains tenants already have get their rows, each with its own random token (the column default). A name
-- two tenants somehow share stays with the one that had it first.
INSERT INTO "tenant_domains" ("tenant_id", "name", "created_at")
SELECT t."id", lower(d."name"), t."created_at"
FROM "tenants" t CROSS JOIN unnest(t."domains") AS d("name")
ORDER BY t."created_at", t."id"
ON CONFLICT ("name") DO NOTHING;
