/**
 * SORT and THREAD (RFC 5256) over data kept when a message is stored: base subject extraction, the
 * i;unicode-casemap collation, the sort keys and both threading algorithms, free of JPA so they are
 * tested alone.
 */
package dev.merpati.mailbox.ordering;
