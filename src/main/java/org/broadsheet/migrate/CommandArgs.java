package org.broadsheet.migrate;

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
}
