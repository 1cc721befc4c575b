package dev.merpati.inbound;

import dev.merpati.rewrite.Resolution;
import dev.merpati.rewrite.RewriteRepository;
import dev.merpati.rewrite.TrivialRewrite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which envelope senders a logged-in account may use besides its own address: the aliases whose
 * expansion delivers to it (Postfix's smtpd_sender_login_maps made from the virtual aliases). A
 * catch-all does not count: it would make every address of its domain the target's.
 */
@ApplicationScoped
public class SenderOwnership {

    @Inject
    TrivialRewrite rewrite;

    @Inject
    RewriteRepository tables;

    public boolean ownedBy(String sender, long accountId) {
        if (!(rewrite.resolve(sender) instanceof Resolution.Alias alias)
                || tables.alias(alias.address()).isEmpty()) {
            return false;
        }
        return rewrite.expand(sender).stream()
                .anyMatch(d -> d.resolution() instanceof Resolution.Local local && local.accountId() == accountId);
    }
}
