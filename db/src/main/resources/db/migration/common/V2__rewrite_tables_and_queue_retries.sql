-- Trivial-rewrite's tables, and what the queue manager needs for expansion, retries and bounces.
-- The same statements for H2 and PostgreSQL; keep both files in step.

-- Another name for a local domain: user@name is user@<the domain>.
CREATE TABLE domain_alias (
    name VARCHAR(253) NOT NULL,          -- lower case
    domain_id BIGINT NOT NULL,
    CONSTRAINT domain_alias_pk PRIMARY KEY (name),
    CONSTRAINT domain_alias_domain_fk FOREIGN KEY (domain_id) REFERENCES domain (id) ON DELETE CASCADE
);

-- The aliases table (/etc/aliases semantics): address -> targets (comma separated, local or remote,
-- may be aliases again). address is local@domain in lower case, or @domain for the catch-all.
CREATE TABLE mail_alias (
    address VARCHAR(320) NOT NULL,
    targets VARCHAR(4000) NOT NULL,
    CONSTRAINT mail_alias_pk PRIMARY KEY (address)
);

-- An account's ~/.forward: its mail goes to targets, and stays in its mailbox too when keep_copy.
CREATE TABLE mail_forward (
    account_id BIGINT NOT NULL,
    targets VARCHAR(4000) NOT NULL,
    keep_copy BOOLEAN NOT NULL,
    CONSTRAINT mail_forward_pk PRIMARY KEY (account_id),
    CONSTRAINT mail_forward_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

-- A recipient that expanded (alias, forward) is EXPANDED; its destinations are recipients of the
-- same entry with parent_id set (for the DSN's Original-Recipient). account_id is the mailbox a
-- local destination resolved to, so that local delivery does not expand it again.
ALTER TABLE queue_recipient ADD COLUMN parent_id BIGINT;
ALTER TABLE queue_recipient ADD COLUMN account_id BIGINT;
-- A bounced recipient is reported to the sender once: notified says the DSN is queued.
ALTER TABLE queue_recipient ADD COLUMN notified BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE queue_recipient DROP CONSTRAINT queue_recipient_state_ck;
ALTER TABLE queue_recipient ADD CONSTRAINT queue_recipient_state_ck
    CHECK (state IN ('PENDING', 'DELIVERED', 'DEFERRED', 'BOUNCED', 'EXPANDED'));

-- A delivery status notification made by us: if it cannot be delivered, nobody is told again.
ALTER TABLE queue_entry ADD COLUMN dsn BOOLEAN DEFAULT FALSE NOT NULL;
-- The state an entry was in when the operator held it (postsuper -h), to go back to on release.
ALTER TABLE queue_entry ADD COLUMN held_from VARCHAR(16);
