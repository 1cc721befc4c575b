package dev.merpati.connector.pop3;

import java.util.Map;

/** The POP3 commands by verb. */
final class Pop3Commands {

    private static final Map<String, Pop3Command> COMMANDS = Map.ofEntries(
            Map.entry("USER", new UserCommand()),
            Map.entry("PASS", new PassCommand()),
            Map.entry("AUTH", new AuthCommand()),
            Map.entry("STLS", new StlsCommand()),
            Map.entry("CAPA", new CapaCommand()),
            Map.entry("QUIT", new QuitCommand()),
            Map.entry("STAT", new StatCommand()),
            Map.entry("LIST", ScanListCommand.list()),
            Map.entry("UIDL", ScanListCommand.uidl()),
            Map.entry("RETR", RetrieveCommand.retr()),
            Map.entry("TOP", RetrieveCommand.top()),
            Map.entry("DELE", MarkCommand.dele()),
            Map.entry("RSET", MarkCommand.rset()),
            Map.entry("NOOP", MarkCommand.noop()));

    private Pop3Commands() {}

    /** @return the command, or {@code null} for an unknown verb */
    static Pop3Command find(String verb) {
        return COMMANDS.get(verb);
    }
}
