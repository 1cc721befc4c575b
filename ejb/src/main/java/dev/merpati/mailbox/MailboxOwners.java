package dev.merpati.mailbox;

import java.util.OptionalLong;

/**
 * What the mailbox learns of the accounts that own it: whose mail a logged-in caller may reach, and
 * how much mail an account may keep.
 */
public interface MailboxOwners {

    /** The account id of the caller named so (the name the identity store gave), if there is one. */
    OptionalLong accountOf(String callerName);

    /** The account's own storage quota in octets (0: unlimited); empty when the default applies. */
    OptionalLong quotaBytes(long accountId);
}
