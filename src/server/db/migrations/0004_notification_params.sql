-- Notifications keep the values their texts name (kind + params), rendered in the reader's language when listed;
-- rows written before keep params null and show their stored Chinese title and body.
ALTER TABLE "notifications" ADD COLUMN "params" jsonb;