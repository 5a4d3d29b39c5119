-- API tokens expire: tokens issued before this have 90 days from now.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
UPDATE api_token SET expires_at = DATEADD('DAY', 90, CURRENT_TIMESTAMP);
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
