package org.broadsheet.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.support.CommandLauncher;

/** A jar command run as {@code java -jar broadsheet.jar ARGS} runs it: through the launcher, in this JVM. */
public final class JarCommand {

    /** The exit status, and what the command wrote to either stream. */
    public record Run(int status, String output) {
    }

    private JarCommand() {
    }

    public static Run run(String... args) {
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(both, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            return new Run(CommandLauncher.run(BroadsheetApplication.class, args), both.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
    }
}
