package org.broadsheet.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The arguments of a jar command: positional ones, options with a value ({@code --media-dir DIR} or {@code --media-dir=DIR}) and flags. */
record CommandArgs(List<String> positional, Map<String, String> options) {

    static CommandArgs parse(List<String> args, String... valueOptions) {
        Set<String> withValue = Set.of(valueOptions);
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq > 0 ? arg.substring(0, eq) : arg;
                if (eq > 0) {
                    options.put(name, arg.substring(eq + 1));
                } else if (withValue.contains(name) && i + 1 < args.size()) {
                    options.put(name, args.get(++i));
                } else {
                    options.put(name, "");
                }
            } else {
                positional.add(arg);
            }
        }
        return new CommandArgs(positional, options);
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
