package dev.merpati.connector.smtp;

import java.util.Locale;

/** A command line split into the upper-cased verb and the argument after it. */
record CommandLine(String verb, String argument) {

    static CommandLine parse(String line) {
        String trimmed = line.stripLeading();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return new CommandLine(trimmed.toUpperCase(Locale.ROOT), "");
        }
        return new CommandLine(
                trimmed.substring(0, space).toUpperCase(Locale.ROOT),
                trimmed.substring(space + 1).strip());
    }
}
