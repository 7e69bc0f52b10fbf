CREATE TYPE "public"."provisioning_status" AS ENUM('pending', 'running', 'ok', 'skipped', 'error');--> statement-breakpoint
CREATE TYPE "public"."provisioning_step" AS ENUM('identity', 'mail', 'files', 'onboarding');--> statement-breakpoint
CREATE TABLE "provisioning_steps" (
	"tenant_id" uuid NOT NULL,
	"step" "provisioning_step" NOT NULL,
	"status" "provisioning_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"detail" text,
	"next_attempt_at" timestamp (3) with time zone,
	"generation" integer DEFAULT 1 NOT NULL,
	"run_generation" integer DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp (3) with time zone,
	"last_started_at" timestamp (3) with time zone,
	"last_reconciled_at" timestamp (3) with time zone,
	"observed" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outputs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provisioning_steps_tenant_id_step_pk" PRIMARY KEY("tenant_id","step")
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "offboard_after" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "provisioning_steps" ADD CONSTRAINT "provisioning_steps_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provisioning_due_idx" ON "provisioning_steps" USING btree ("next_attempt_at") WHERE "provisioning_steps"."next_attempt_at" is not null;--> statement-breakpoint
-- Tenants made before the reconciler existed get their steps, due now.
INSERT INTO "provisioning_steps" ("tenant_id", "step", "next_attempt_at")
SELECT t."id", s."step", now()
FROM "tenants" t CROSS JOIN unnest(enum_range(NULL::"provisioning_step")) AS s("step")
ON CONFLICT DO NOTHING;
