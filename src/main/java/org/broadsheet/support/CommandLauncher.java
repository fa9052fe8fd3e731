package org.broadsheet.support;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Runs a {@link CliCommand} of the jar. Options with a dotted name are Spring properties, exactly as for the
 * server ({@code --broadsheet.data-dir=DIR}, {@code --spring.datasource.url=…}, {@code --server.port}), and so are
 * Spring Boot's {@code --debug} and {@code --trace}; everything else goes to the command. The command's
 * {@link CommandSyntax} checks those arguments before the application starts, so a command that cannot run
 * leaves no database behind.
 */
public final class CommandLauncher {

    /** Spring Boot's own switches, which have no dot. */
    private static final Set<String> SPRING_SWITCHES = Set.of("--debug", "--trace");

    private CommandLauncher() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    public static int run(Class<?> application, String[] args) {
        String name = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        List<String> commandArgs = new ArrayList<>();
        for (String arg : rest) {
            if (!isSpringProperty(arg)) {
                commandArgs.add(arg);
            }
        }
        Map<String, CommandSyntax> syntaxes = syntaxes(application.getClassLoader());
        CommandSyntax syntax = syntaxes.get(name);
        if (syntax == null) {
            System.err.println("Unknown command: " + name);
            System.err.println("Commands:");
            syntaxes.values().forEach(c -> System.err.printf("  %-14s %s%n", c.name(), c.summary()));
            return 2;
        }
        int refused = syntax.check(commandArgs, System.err);
        if (refused != 0) {
            return refused;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("broadsheet.command=" + name, "spring.main.log-startup-info=false",
                        "logging.level.root=WARN", "logging.level.org.broadsheet=INFO",
                        // Flyway warns at every run that H2 is newer than it was verified with and that migrations
                        // may apply out of order (application.properties says why): true, harmless, and in a
                        // command's output only noise around what the command prints. Their errors still show.
                        "logging.level.org.flywaydb.core.internal.database.base.Database=ERROR",
                        "logging.level.org.flywaydb.core.internal.command.DbMigrate=ERROR",
                        // A command that cannot start says why in one line (below), not with Spring's report of the
                        // failed start and its hundred lines of stack trace; failure analyses still print.
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR")
                .run(rest)) {
            CliCommand command = context.getBeansOfType(CliCommand.class).values().stream()
                    .filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the command " + name + " has a syntax but no bean"));
            return command.run(commandArgs, System.out, System.err);
        } catch (Exception e) {
            System.err.println(name + ": " + messageOf(e));
            return 1;
        }
    }

    /** The commands' syntaxes by name, in alphabetical order: read without starting the application. */
    static Map<String, CommandSyntax> syntaxes(ClassLoader classLoader) {
        Map<String, CommandSyntax> byName = new TreeMap<>();
        for (CommandSyntax syntax : SpringFactoriesLoader.loadFactories(CommandSyntax.class, classLoader)) {
            byName.put(syntax.name(), syntax);
        }
        return byName;
    }

    /** "Database may be already in use: "FILE"." without H2's advice after it (server mode is not ours). */
    private static String firstSentence(String message) {
        int end = message == null ? -1 : message.indexOf(". ");
        return end < 0 ? String.valueOf(message) : message.substring(0, end + 1);
    }

    /**
     * Spring options are {@code --key=value} or {@code --key} with a dotted key (any property may be set so);
     * command options are not dotted.
     */
    static boolean isSpringProperty(String arg) {
        if (!arg.startsWith("--")) {
            return false;
        }
        if (SPRING_SWITCHES.contains(arg)) {
            return true;
        }
        int eq = arg.indexOf('=');
        String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        return key.contains(".");
    }

    /** H2's "database may be already in use": another process has the file database open. */
    private static final String H2_DATABASE_IN_USE = "90020";

    static String messageOf(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && H2_DATABASE_IN_USE.equals(sql.getSQLState())) {
                return "the database is open in another process, most likely the running server: H2's file database"
                        + " lets one process use it at a time. Stop the server and run the command again (on"
                        + " PostgreSQL, commands run beside the server). " + firstSentence(sql.getMessage());
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
