-- IMAP subscriptions of names that have no folder: kept when a subscribed folder is deleted (RFC 3501
-- §6.3.6: the server must not drop a subscription on its own) and made by SUBSCRIBE before the
-- folder exists. Listed by LIST (SUBSCRIBED) as \NonExistent and by LSUB as \Noselect. The
-- subscription of an existing folder stays in mailbox.subscribed.
CREATE TABLE dangling_subscription (
    account_id BIGINT NOT NULL,
    name VARCHAR(512) NOT NULL,
    CONSTRAINT dangling_subscription_pk PRIMARY KEY (account_id, name),
    CONSTRAINT dangling_subscription_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
