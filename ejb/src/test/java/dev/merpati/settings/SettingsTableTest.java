package dev.merpati.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** README.md's table of application settings lists exactly the properties and defaults of {@link MailSettings}. */
class SettingsTableTest {

    /** Maven runs the tests in the module's folder; the README is the project's. */
    static final Path README = Path.of("..", "README.md");

    static final String HEADER = "| property | default | meaning |";

    @Test
    void theReadmeTableListsEverySettingWithItsDefault() throws IOException {
        Map<String, String> documented = table(Files.readAllLines(README, StandardCharsets.UTF_8));
        Map<String, String> actual = new LinkedHashMap<>();
        for (MailSettings.Property p : MailSettings.PROPERTIES) {
            assertNull(actual.put(p.name(), p.defaultValue()), "listed twice in MailSettings: " + p.name());
        }
        assertEquals(actual, documented, "README.md's settings table (left: MailSettings, right: README)");
    }

    /** Property name to default, from the rows under the table's header; names and defaults without backticks. */
    static Map<String, String> table(List<String> lines) {
        int header = lines.indexOf(HEADER);
        assertTrue(header >= 0, "README.md has no line " + HEADER);
        assertTrue(lines.get(header + 1).startsWith("|---"), "no separator line under " + HEADER);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|");
            assertTrue(cells.length >= 4, "not a row of three cells: " + line);
            String name = unquote(cells[1]);
            assertNull(rows.put(name, unquote(cells[2])), "listed twice in README.md: " + name);
        }
        return rows;
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "");
    }
}
