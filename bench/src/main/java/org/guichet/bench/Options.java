package org.guichet.bench;

import java.util.HashMap;
import java.util.Map;

/** A benchmark's command line as "--name value" pairs. */
final class Options {

    private Options() {
    }

    /** @throws IllegalArgumentException with the usage when a pair is not "--name value" */
    static Map<String, String> parse(String[] args, String usage) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Usage: " + usage);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
