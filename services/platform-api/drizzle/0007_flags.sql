CREATE TYPE "public"."flag_scope" AS ENUM('partner', 'tenant', 'user');--> statement-breakpoint
CREATE TYPE "public"."flag_state" AS ENUM('off', 'on', 'rollout', 'targeted');--> statement-breakpoint
CREATE TYPE "public"."flag_stickiness" AS ENUM('default', 'userId', 'tenant', 'partner', 'sessionId', 'random');--> statement-breakpoint
CREATE TYPE "public"."flag_type" AS ENUM('release', 'experiment', 'operational', 'kill-switch', 'permission');--> statement-breakpoint
CREATE TABLE "flag_configs" (
	"flag_key" text NOT NULL,
	"environment" text NOT NULL,
	"state" "flag_state" DEFAULT 'off' NOT NULL,
	"rollout_percent" smallint DEFAULT 0 NOT NULL,
	"stickiness" "flag_stickiness" DEFAULT 'default' NOT NULL,
	"strategies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"variants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flag_configs_flag_key_environment_pk" PRIMARY KEY("flag_key","environment")
);
--> statement-breakpoint
CREATE TABLE "flag_environments" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flag_evaluation_counts" (
	"flag_key" text NOT NULL,
	"environment" text NOT NULL,
	"hour" timestamp (3) with time zone NOT NULL,
	"enabled" bigint DEFAULT 0 NOT NULL,
	"disabled" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "flag_evaluation_counts_flag_key_environment_hour_pk" PRIMARY KEY("flag_key","environment","hour")
);
--> statement-breakpoint
CREATE TABLE "flag_overrides" (
	"flag_key" text NOT NULL,
	"environment" text NOT NULL,
	"scope" "flag_scope" NOT NULL,
	"scope_id" text NOT NULL,
	"value" boolean NOT NULL,
	"note" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flag_overrides_flag_key_environment_scope_scope_id_pk" PRIMARY KEY("flag_key","environment","scope","scope_id")
);
--> statement-breakpoint
CREATE TABLE "flag_schedules" (
	"id" serial PRIMARY KEY NOT NULL,
	"flag_key" text NOT NULL,
	"environment" text NOT NULL,
	"run_at" timestamp (3) with time zone NOT NULL,
	"change" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"applied_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "flag_segments" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"constraints" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flag_segments_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "flag_set_version" (
	"id" smallint PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flags" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" "flag_type" NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"dependencies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"killed_at" timestamp (3) with time zone,
	"killed_by" text,
	"kill_reason" text,
	"archived_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "flag_configs" ADD CONSTRAINT "flag_configs_flag_key_flags_key_fk" FOREIGN KEY ("flag_key") REFERENCES "public"."flags"("key") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "flag_configs" ADD CONSTRAINT "flag_configs_environment_flag_environments_key_fk" FOREIGN KEY ("environment") REFERENCES "public"."flag_environments"("key") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_overrides" ADD CONSTRAINT "flag_overrides_flag_key_flags_key_fk" FOREIGN KEY ("flag_key") REFERENCES "public"."flags"("key") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "flag_overrides" ADD CONSTRAINT "flag_overrides_environment_flag_environments_key_fk" FOREIGN KEY ("environment") REFERENCES "public"."flag_environments"("key") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_schedules" ADD CONSTRAINT "flag_schedules_flag_key_flags_key_fk" FOREIGN KEY ("flag_key") REFERENCES "public"."flags"("key") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "flag_schedules" ADD CONSTRAINT "flag_schedules_environment_flag_environments_key_fk" FOREIGN KEY ("environment") REFERENCES "public"."flag_environments"("key") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flag_evaluation_counts_hour_idx" ON "flag_evaluation_counts" USING btree ("hour");--> statement-breakpoint
CREATE INDEX "flag_overrides_scope_idx" ON "flag_overrides" USING btree ("scope","scope_id");--> statement-breakpoint
CREATE INDEX "flag_schedules_due_idx" ON "flag_schedules" USING btree ("run_at") WHERE applied_at is null and cancelled_at is null;--> statement-breakpoint
CREATE INDEX "flag_schedules_flag_idx" ON "flag_schedules" USING btree ("flag_key","run_at");--> statement-breakpoint
INSERT INTO "flag_environments" ("key", "name", "sort_order") VALUES ('development', 'Development', 0), ('staging', 'Staging', 1), ('production', 'Production', 2);--> statement-breakpoint
INSERT INTO "flag_set_version" ("id", "version") VALUES (1, 1);
