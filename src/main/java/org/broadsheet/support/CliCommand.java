package org.broadsheet.support;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of the jar, such as {@code java -jar broadsheet.jar reindex}. Implementations are Spring beans;
 * they run in a context without the web server and return the process exit status. Each has a
 * {@link CommandSyntax} of the same name, which the launcher asks before it starts the context.
 */
public interface CliCommand {

    /** The name typed after the jar, e.g. {@code import-wxr}. */
    String name();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name that are not Spring options ({@code --x.y=z})
     * @return the exit status: 0 on success
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
