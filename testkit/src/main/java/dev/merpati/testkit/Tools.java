package dev.merpati.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real client program (swaks, curl, fetchmail, mbsync, python) and returns its exit code and
 * what it printed (standard output and error together).
 */
public final class Tools {

    public record Result(int exitCode, String output) {}

    /** How long a program may run before the test fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Tools() {}

    public static Result run(String... command) throws IOException, InterruptedException {
        return run(new byte[0], command);
    }

    /** Runs the program with {@code input} as its standard input. */
    public static Result run(byte[] input, String... command) throws IOException, InterruptedException {
        return run(List.of(command), Map.of(), input, TIMEOUT);
    }

    /** Runs the program with these environment variables added to the test's own. */
    public static Result run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        return run(command, environment, new byte[0], TIMEOUT);
    }

    /** Runs the program, which must exit with 0, and returns its output. */
    public static String succeed(String... command) throws IOException, InterruptedException {
        Result result = run(command);
        assertEquals(0, result.exitCode(), result.output());
        return result.output();
    }

    /**
     * Runs a python3 script (from a temporary file) with these arguments; it must exit with 0.
     * Returns its output.
     */
    public static String python(String script, String... args) throws IOException, InterruptedException {
        Path file = Files.createTempFile("merpati-test", ".py");
        try {
            Files.writeString(file, script);
            List<String> command = new ArrayList<>(List.of("python3", file.toString()));
            command.addAll(List.of(args));
            return succeed(command.toArray(String[]::new));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Runs the program and fails the test if it takes longer than {@code timeout}. Its output goes to
     * a file, so a program that prints a lot never blocks on a full pipe.
     */
    public static Result run(List<String> command, Map<String, String> environment, byte[] input, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("merpati-tool", ".out");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeout + ": " + read(output));
            }
            return new Result(process.exitValue(), read(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }
}
