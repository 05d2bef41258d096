-- who is told by e-mail when a subscription is suspended (its maker's address, or one given), and when that was done
ALTER TABLE webhook_subscription ADD COLUMN notify_email text;
ALTER TABLE webhook_subscription ADD COLUMN owner_told_at timestamptz;
