package org.broadsheet.migrate;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.broadsheet.support.CommandSyntax;

/**
 * What a migration command accepts: one file and the options it names. The launcher checks it before the
 * application starts (no database is made for a command that cannot run); the command checks it again when
 * called directly, and reads its arguments from {@link #accept}.
 */
abstract class OneFileSyntax implements CommandSyntax {

    private final String name;
    private final String arguments;
    private final String does;
    private final Set<String> valueOptions;
    private final Set<String> flags;

    /**
     * @param arguments as in the usage line, e.g. {@code FILE.xml [--media-dir DIR]}
     * @param does      what the command does, for the list of commands
     */
    OneFileSyntax(String name, String arguments, String does, Set<String> valueOptions, Set<String> flags) {
        this.name = name;
        this.arguments = arguments;
        this.does = does;
        this.valueOptions = valueOptions;
        this.flags = flags;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return arguments + "  " + does;
    }

    String usage() {
        return "Usage: " + name + " " + arguments;
    }

    /** Why the file (or an option) cannot be used, or null when it can; checked without the database. */
    abstract String problem(CommandArgs args);

    /** The arguments, when the command can run with them. */
    CommandArgs accept(List<String> args) throws CommandArgs.Refused {
        CommandArgs parsed;
        try {
            parsed = CommandArgs.parse(name, args, valueOptions, flags);
        } catch (CommandArgs.Refused e) {
            throw new CommandArgs.Refused(2, e.getMessage() + System.lineSeparator() + usage());
        }
        if (parsed.positional().size() != 1) {
            throw new CommandArgs.Refused(2, usage());
        }
        String problem = problem(parsed);
        if (problem != null) {
            throw new CommandArgs.Refused(1, name + ": " + problem);
        }
        return parsed;
    }

    @Override
    public int check(List<String> args, PrintStream err) {
        try {
            accept(args);
            return 0;
        } catch (CommandArgs.Refused e) {
            return e.reportTo(err);
        }
    }
}
