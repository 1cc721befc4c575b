package dev.merpati.connector.smtp;

import java.util.Map;

/** The SMTP commands by verb. */
final class SmtpCommands {

    private static final Map<String, SmtpCommand> COMMANDS = Map.of(
            "EHLO",
            new EhloCommand(true),
            "HELO",
            new EhloCommand(false),
            "MAIL",
            new MailCommand(),
            "RCPT",
            new RcptCommand(),
            "DATA",
            new DataCommand(),
            "RSET",
            SimpleCommand.rset(),
            "NOOP",
            SimpleCommand.noop(),
            "QUIT",
            SimpleCommand.quit(),
            "VRFY",
            SimpleCommand.vrfy(),
            "HELP",
            SimpleCommand.help());

    private SmtpCommands() {}

    /** @return the command, or {@code null} for an unknown verb */
    static SmtpCommand find(String verb) {
        return COMMANDS.get(verb);
    }
}
