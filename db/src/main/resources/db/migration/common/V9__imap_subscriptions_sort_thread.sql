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

-- SORT and THREAD (RFC 5256) read these instead of message headers: the addr-mailbox (local part) of
-- the first From, To and Cc address, and the message ids of References (else the first of
-- In-Reply-To), space separated. Filled when a message is stored; NULL for rows stored before this
-- migration, which are filled at their first SORT or THREAD.
ALTER TABLE mailbox_message ADD COLUMN sort_from VARCHAR(255);
ALTER TABLE mailbox_message ADD COLUMN sort_to VARCHAR(255);
ALTER TABLE mailbox_message ADD COLUMN sort_cc VARCHAR(255);
ALTER TABLE mailbox_message ADD COLUMN thread_references VARCHAR(8000);
