package org.broadsheet.migrate;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of a jar command: positional ones, options with a value ({@code --media-dir DIR} or
 * {@code --media-dir=DIR}) and flags. Only the options the command names are accepted: a misspelt one that was
 * ignored would let the command run without what the operator asked for ({@code --mediadir} copying no images).
 */
record CommandArgs(List<String> positional, Map<String, String> options) {

    /** Arguments a command cannot run with: what to tell the operator, and the exit status. */
    static final class Refused extends Exception {

        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        /** Says why on {@code err}; the exit status. */
        int reportTo(PrintStream err) {
            err.println(getMessage());
            return status;
        }
    }

    /**
     * @param command the command's name, to start the messages with
     * @throws Refused (status 2) an option the command does not know, a flag given a value, an option without one
     */
    static CommandArgs parse(String command, List<String> args, Set<String> valueOptions, Set<String> flags)
            throws Refused {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (flags.contains(name)) {
                if (eq > 0) {
                    throw new Refused(2, command + ": " + name + " takes no value (got " + arg + ")");
                }
                options.put(name, "");
            } else if (valueOptions.contains(name)) {
                String value = eq > 0 ? arg.substring(eq + 1) : i + 1 < args.size() ? args.get(++i) : "";
                if (value.isEmpty()) {
                    throw new Refused(2, command + ": " + name + " needs a value, e.g. " + name + " DIR");
                }
                options.put(name, value);
            } else {
                String suggestion = closest(name, valueOptions, flags);
                throw new Refused(2, command + ": Unknown option " + name
                        + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"));
            }
        }
        return new CommandArgs(positional, options);
    }

    /** The known option a typo most likely meant: within two edits, or null. */
    private static String closest(String name, Set<String> valueOptions, Set<String> flags) {
        String best = null;
        int bestDistance = 3;
        for (Set<String> known : List.of(valueOptions, flags)) {
            for (String option : known) {
                int distance = editDistance(name, option);
                if (distance < bestDistance) {
                    best = option;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and replacements. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** Why FILE cannot be read as a command's input, or null when it can. */
    static String unreadableInput(Path file) {
        if (!Files.exists(file)) {
            return "there is no file " + file;
        }
        if (Files.isDirectory(file)) {
            return file + " is a folder; name the file in it to read";
        }
        return Files.isReadable(file) ? null : "cannot read " + file + " (no permission)";
    }

    /**
     * Why FILE cannot be written as a command's output, or null when it can. A folder is refused: writing the
     * file would replace it.
     */
    static String unwritableOutput(Path file) {
        if (Files.isDirectory(file)) {
            return file + " is a folder; name the file to write in it, e.g. " + file.resolve("site.zip");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A pipe or a device, written straight into (OutputFile): its own permission is what counts.
            return Files.isWritable(file) ? null : "cannot write to " + file + " (no permission)";
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            return "the folder " + folder + " does not exist; create it first or name another";
        }
        return folder != null && !Files.isWritable(folder) ? "cannot write in " + folder + " (no permission)" : null;
    }
}
