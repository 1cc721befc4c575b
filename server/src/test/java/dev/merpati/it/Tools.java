package dev.merpati.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real client program (swaks, curl, python) and returns its exit code and output. */
final class Tools {

    record Result(int exitCode, String output) {}

    private Tools() {}

    static Result run(byte[] input, String... command) throws Exception {
        Process process =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input);
        }
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), () -> String.join(" ", command) + " did not finish");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static Result run(String... command) throws Exception {
        return run(new byte[0], command);
    }
}
