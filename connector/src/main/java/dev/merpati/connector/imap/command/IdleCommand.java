package dev.merpati.connector.imap.command;

import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.session.FolderSync;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import dev.merpati.connector.imap.session.MailboxEvents;
import dev.merpati.connector.imap.session.SelectedFolder;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * IDLE (RFC 2177): the session watches its account's folders; a change signalled by another session
 * or by a delivery makes it re-read the selected folder's state (one listener call) and push the
 * untagged responses. Nothing polls while nothing changes.
 */
final class IdleCommand implements ImapCommand {

    @Override
    public Set<ImapState> validStates() {
        return AUTHENTICATED;
    }

    @Override
    public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
            throws ImapSyntaxException {
        parser.end();
        Watcher watcher = new Watcher(session);
        long accountId = session.accountId();
        // Watch before the first re-read: a change signalled while it runs is held, then re-read.
        session.events().watch(accountId, watcher);
        return FolderSync.refresh(session, new ImapReply())
                .whenComplete((reply, error) -> {
                    if (error != null) {
                        session.events().unwatch(accountId, watcher);
                    }
                })
                .thenApply(reply -> {
                    session.loop().execute(watcher::started);
                    return reply.text("+ idling\r\n").thenContinue(new ImapReply.Continuation() {
                        @Override
                        public CompletionStage<ImapReply> apply(String line) {
                            watcher.stop();
                            session.events().unwatch(accountId, watcher);
                            if (!line.strip().toUpperCase(Locale.ROOT).equals("DONE")) {
                                return ImapCommand.tagged(tag, ImapResponses.bad("Expected DONE"));
                            }
                            return FolderSync.refresh(session, new ImapReply())
                                    .thenApply(r -> r.tagged(tag, ImapResponses.ok("IDLE terminated")));
                        }

                        @Override
                        public void cancel() {
                            watcher.stop();
                            session.events().unwatch(accountId, watcher);
                        }
                    });
                });
    }

    /** Re-reads the selected folder when told; one refresh at a time, changes during it coalesced. */
    private static final class Watcher implements MailboxEvents.Watcher {
        private final ImapSession session;
        /** True until the command's own first re-read is done. */
        private boolean running = true;

        private boolean again;
        private boolean stopped;

        Watcher(ImapSession session) {
            this.session = session;
        }

        @Override
        public void changed(long folderId) {
            SelectedFolder selected = session.selected();
            if (selected != null && folderId >= 0 && folderId != selected.folderId()) {
                return;
            }
            session.loop().execute(this::refresh);
        }

        private void refresh() {
            if (stopped || session.selected() == null) {
                return;
            }
            if (running) {
                again = true;
                return;
            }
            running = true;
            FolderSync.refresh(session, new ImapReply()).whenComplete((reply, error) -> {
                running = false;
                if (!stopped && error == null) {
                    session.push(reply);
                }
                if (again) {
                    again = false;
                    refresh();
                }
            });
        }

        /** The continuation was sent: wake-ups held meanwhile are acted on now. */
        void started() {
            running = false;
            if (again) {
                again = false;
                refresh();
            }
        }

        void stop() {
            stopped = true;
        }
    }
}
