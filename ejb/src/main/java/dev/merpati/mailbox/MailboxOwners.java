package dev.merpati.mailbox;

import java.util.OptionalLong;

/** Whose mail a caller may reach: the account a logged-in caller's name stands for. */
public interface MailboxOwners {

    /** The account id of the caller named so (the name the identity store gave), if there is one. */
    OptionalLong accountOf(String callerName);
}
