-- RFC 3461 (DSN) parameters from the SMTP envelope, kept for the bounce stage.
-- Values are stored as received (ENVID and ORCPT still xtext-encoded); NULL when the client gave none.
ALTER TABLE queue_entry ADD COLUMN dsn_ret VARCHAR(4);        -- FULL or HDRS
ALTER TABLE queue_entry ADD COLUMN dsn_envid VARCHAR(100);
ALTER TABLE queue_recipient ADD COLUMN dsn_notify VARCHAR(32); -- NEVER, or a list of SUCCESS,FAILURE,DELAY
ALTER TABLE queue_recipient ADD COLUMN dsn_orcpt VARCHAR(500); -- addr-type;xtext
