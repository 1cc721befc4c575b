package dev.merpati.connector.imap;

import dev.merpati.connector.api.MailboxListener;
import dev.merpati.connector.api.MailboxListenerContract;

/** The conversation tests' in-memory store keeps the contract of the real one. */
class FakeMailboxContractTest extends MailboxListenerContract {

    private final FakeMailbox fake = new FakeMailbox();

    @Override
    protected MailboxListener listener() {
        return fake;
    }
}
