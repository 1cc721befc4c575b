package dev.merpati.connector.smtp;

import static java.util.Map.entry;

import java.util.Map;

/** The SMTP commands by verb. */
final class SmtpCommands {

    private static final Map<String, SmtpCommand> COMMANDS = Map.ofEntries(
            entry("EHLO", new EhloCommand(true)),
            entry("HELO", new EhloCommand(false)),
            entry("MAIL", new MailCommand()),
            entry("RCPT", new RcptCommand()),
            entry("DATA", new DataCommand()),
            entry("BDAT", new BdatCommand()),
            entry("RSET", SimpleCommand.rset()),
            entry("NOOP", SimpleCommand.noop()),
            entry("QUIT", SimpleCommand.quit()),
            entry("VRFY", new VrfyCommand()),
            entry("HELP", SimpleCommand.help()),
            entry("STARTTLS", new StartTlsCommand()),
            entry("AUTH", new AuthCommand()));

    private SmtpCommands() {}

    /** @return the command, or {@code null} for an unknown verb */
    static SmtpCommand find(String verb) {
        return COMMANDS.get(verb);
    }
}
