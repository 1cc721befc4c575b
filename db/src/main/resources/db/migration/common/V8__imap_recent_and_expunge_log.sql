-- \Recent (RFC 3501 §2.3.2): messages with a UID at or above first_recent_uid were not yet reported
-- as \Recent to a read-write session; the first SELECT (or re-read of a selected folder) claims
-- them by moving it to UIDNEXT. Existing folders start with nothing recent.
ALTER TABLE mailbox ADD COLUMN first_recent_uid BIGINT;
UPDATE mailbox SET first_recent_uid = uidnext;
ALTER TABLE mailbox ALTER COLUMN first_recent_uid SET NOT NULL;

-- QRESYNC (RFC 7162 §3.2.5, §3.2.10): the UIDs removed from a folder and the MODSEQ of their removal,
-- so that a client that knows the folder up to some MODSEQ learns what vanished since (VANISHED
-- (EARLIER)). UIDs are never reused within one UIDVALIDITY; the rows go with their folder.
CREATE TABLE mailbox_expunged (
    mailbox_id BIGINT NOT NULL,
    uid BIGINT NOT NULL,
    modseq BIGINT NOT NULL,
    CONSTRAINT mailbox_expunged_pk PRIMARY KEY (mailbox_id, uid),
    CONSTRAINT mailbox_expunged_mailbox_fk FOREIGN KEY (mailbox_id) REFERENCES mailbox (id) ON DELETE CASCADE
);
CREATE INDEX mailbox_expunged_modseq_ix ON mailbox_expunged (mailbox_id, modseq);
