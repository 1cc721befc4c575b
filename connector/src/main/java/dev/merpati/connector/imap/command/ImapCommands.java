package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.FolderChange;
import java.util.Map;

/** The IMAP commands by name ("UID FETCH" for the UID forms). */
public final class ImapCommands {

    private static final Map<String, ImapCommand> COMMANDS = Map.ofEntries(
            Map.entry("CAPABILITY", SimpleCommands.CAPABILITY),
            Map.entry("NOOP", SimpleCommands.noop("NOOP")),
            Map.entry("CHECK", SimpleCommands.noop("CHECK")),
            Map.entry("LOGOUT", SimpleCommands.LOGOUT),
            Map.entry("ID", SimpleCommands.ID),
            Map.entry("ENABLE", SimpleCommands.ENABLE),
            Map.entry("NAMESPACE", SimpleCommands.NAMESPACE),
            Map.entry("STARTTLS", SimpleCommands.STARTTLS),
            Map.entry("LOGIN", LoginCommand.LOGIN),
            Map.entry("AUTHENTICATE", LoginCommand.AUTHENTICATE),
            Map.entry("SELECT", new SelectCommand(false)),
            Map.entry("EXAMINE", new SelectCommand(true)),
            Map.entry("CREATE", new FolderChangeCommand(FolderChange.Kind.CREATE)),
            Map.entry("DELETE", new FolderChangeCommand(FolderChange.Kind.DELETE)),
            Map.entry("RENAME", new FolderChangeCommand(FolderChange.Kind.RENAME)),
            Map.entry("SUBSCRIBE", new FolderChangeCommand(FolderChange.Kind.SUBSCRIBE)),
            Map.entry("UNSUBSCRIBE", new FolderChangeCommand(FolderChange.Kind.UNSUBSCRIBE)),
            Map.entry("LIST", new ListCommand(false)),
            Map.entry("LSUB", new ListCommand(true)),
            Map.entry("STATUS", new StatusCommand()),
            Map.entry("APPEND", new AppendCommand()),
            Map.entry("GETQUOTA", new QuotaCommand(QuotaCommand.Kind.GETQUOTA)),
            Map.entry("GETQUOTAROOT", new QuotaCommand(QuotaCommand.Kind.GETQUOTAROOT)),
            Map.entry("SETQUOTA", new QuotaCommand(QuotaCommand.Kind.SETQUOTA)),
            Map.entry("IDLE", new IdleCommand()),
            Map.entry("CLOSE", new ExpungeCommand(ExpungeCommand.Kind.CLOSE)),
            Map.entry("UNSELECT", new ExpungeCommand(ExpungeCommand.Kind.UNSELECT)),
            Map.entry("EXPUNGE", new ExpungeCommand(ExpungeCommand.Kind.EXPUNGE)),
            Map.entry("UID EXPUNGE", new ExpungeCommand(ExpungeCommand.Kind.UID_EXPUNGE)),
            Map.entry("SEARCH", new SearchCommand(false)),
            Map.entry("UID SEARCH", new SearchCommand(true)),
            Map.entry("SORT", new SortCommand(false)),
            Map.entry("UID SORT", new SortCommand(true)),
            Map.entry("THREAD", new ThreadCommand(false)),
            Map.entry("UID THREAD", new ThreadCommand(true)),
            Map.entry("FETCH", new FetchCommand(false)),
            Map.entry("UID FETCH", new FetchCommand(true)),
            Map.entry("STORE", new StoreCommand(false)),
            Map.entry("UID STORE", new StoreCommand(true)),
            Map.entry("COPY", new CopyCommand(false, false)),
            Map.entry("UID COPY", new CopyCommand(true, false)),
            Map.entry("MOVE", new CopyCommand(false, true)),
            Map.entry("UID MOVE", new CopyCommand(true, true)));

    private ImapCommands() {}

    /** @return the command, or {@code null} for an unknown name */
    public static ImapCommand find(String name) {
        return COMMANDS.get(name);
    }
}
