package dev.merpati.connector.api;

/**
 * The result of APPEND: the UIDPLUS APPENDUID data, or a missing folder.
 *
 * @param folderExists {@code false} means NO [TRYCREATE]
 */
public record AppendOutcome(boolean folderExists, long uidvalidity, long uid) {

    public static AppendOutcome noFolder() {
        return new AppendOutcome(false, 0, 0);
    }
}
