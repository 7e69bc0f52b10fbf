CREATE TABLE "probe_results" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "probe_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"probe" text NOT NULL,
	"checked_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"ok" boolean NOT NULL,
	"latency_ms" integer NOT NULL,
	"error" text,
	"phase" text
);
--> statement-breakpoint
CREATE TABLE "probe_rounds" (
	"id" smallint PRIMARY KEY NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"claimed_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "probe_states" (
	"probe" text PRIMARY KEY NOT NULL,
	"ok" boolean NOT NULL,
	"changed_at" timestamp (3) with time zone NOT NULL,
	"checked_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "probe_results_probe_checked_idx" ON "probe_results" USING btree ("probe","checked_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "probe_results_checked_idx" ON "probe_results" USING btree ("checked_at");