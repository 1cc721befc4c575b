package dev.merpati.connector.api;

/**
 * Takes mail from the SMTP server into the pipeline (Postfix's smtpd handing over to maildrop).
 */
public interface MailReceiverListener {

    /** Decides at RCPT time whether a recipient is accepted. */
    RecipientVerdict checkRecipient(RecipientCheck check);

    /**
     * Stores the message durably and queues it for the pipeline. When this returns normally the
     * transaction has committed and the SMTP server may answer 250; when it throws, nothing was
     * stored and the server answers with a temporary failure.
     *
     * @return the queue id of the stored message, shown in the 250 reply
     */
    String receive(ReceivedMail mail);

    /**
     * Whether an authenticated account may use an address other than its own as MAIL FROM on the
     * submission ports: true when the address is an alias whose expansion delivers to the account
     * (Postfix's smtpd_sender_login_maps made from the aliases). Asked only for addresses other than
     * the account's own.
     */
    default boolean senderOwnedBy(String sender, long accountId) {
        return false;
    }
}
