-- IMAP: what FETCH needs of a message's structure, computed once when the message is stored (or,
-- for messages stored before this migration, at their first FETCH), so FETCH never parses bodies.
ALTER TABLE mailbox_message ADD COLUMN header_size BIGINT;    -- octets of the header incl. the blank line
ALTER TABLE mailbox_message ADD COLUMN envelope TEXT;           -- ENVELOPE, ready to send
ALTER TABLE mailbox_message ADD COLUMN body_structure TEXT;     -- BODYSTRUCTURE, ready to send
ALTER TABLE mailbox_message ADD COLUMN body_summary TEXT;       -- BODY (no extension data)
ALTER TABLE mailbox_message ADD COLUMN mime_parts TEXT;         -- part offsets for BODY[section], see MimeParts
