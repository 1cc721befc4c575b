-- The message list of the mailbox service: one page at a time, ordered by the database through an
-- index per sort key, without reading any body. H2 and PostgreSQL take the same statements.

-- The To field decoded, for lists of sent mail; NULL for rows stored before this migration.
ALTER TABLE mailbox_message ADD COLUMN header_to VARCHAR(1000);

-- Whether the message has a part a reader calls an attachment, computed when it is stored. Older
-- rows are judged from their stored BODYSTRUCTURE.
ALTER TABLE mailbox_message ADD COLUMN has_attachment BOOLEAN;
UPDATE mailbox_message SET has_attachment = (LOWER(body_structure) LIKE '%("attachment"%')
    WHERE body_structure IS NOT NULL;

-- "Date" order: the Date field when it parses, else the arrival time.
ALTER TABLE mailbox_message ADD COLUMN sort_date TIMESTAMP WITH TIME ZONE;
UPDATE mailbox_message SET sort_date = COALESCE(header_date, internal_date);
ALTER TABLE mailbox_message ALTER COLUMN sort_date SET NOT NULL;

-- "Subject" order: the subject in lower case, cut to a length every database indexes.
ALTER TABLE mailbox_message ADD COLUMN sort_subject VARCHAR(255);
UPDATE mailbox_message SET sort_subject = LOWER(SUBSTRING(header_subject, 1, 255));

CREATE INDEX mailbox_message_sort_date_ix ON mailbox_message (mailbox_id, sort_date, uid);
CREATE INDEX mailbox_message_sort_subject_ix ON mailbox_message (mailbox_id, sort_subject, uid);
CREATE INDEX mailbox_message_sort_from_ix ON mailbox_message (mailbox_id, sort_from, uid);
CREATE INDEX mailbox_message_sort_to_ix ON mailbox_message (mailbox_id, sort_to, uid);
CREATE INDEX mailbox_message_size_ix ON mailbox_message (mailbox_id, size, uid);
