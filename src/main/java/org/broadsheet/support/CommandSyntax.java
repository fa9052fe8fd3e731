package org.broadsheet.support;

import java.io.PrintStream;
import java.util.List;

/**
 * What a jar command accepts, known without starting the application. The launcher checks a command's arguments
 * with it before Spring starts, because starting creates and migrates the database: a command that cannot run
 * (no such command, a misspelt option, a missing input file) must fail without leaving a database behind.
 * Implementations have a no-argument constructor and are listed in {@code META-INF/spring.factories} under this
 * interface's name; each belongs to the {@link CliCommand} bean of the same {@link #name()}.
 */
public interface CommandSyntax {

    /** The name typed after the jar, e.g. {@code import-wxr}; the same as its {@link CliCommand#name()}. */
    String name();

    /** One line for the list of commands: its arguments, then what it does. */
    String summary();

    /**
     * Checks what can be checked without the database: the number of arguments, the options, the files named.
     *
     * @param args the arguments after the command name that are not Spring options
     * @return 0 when the command can run; otherwise the exit status, after saying why on {@code err}
     */
    int check(List<String> args, PrintStream err);
}
