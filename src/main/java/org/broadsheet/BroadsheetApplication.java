package org.broadsheet;

import org.broadsheet.support.CommandLauncher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the site, or, when the first argument is a command name ({@code reindex}, {@code import-wxr} …),
 * runs that command without the web server and exits with its status.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BroadsheetApplication {

    public static void main(String[] args) {
        if (CommandLauncher.isCommand(args)) {
            System.exit(CommandLauncher.run(BroadsheetApplication.class, args));
        }
        SpringApplication.run(BroadsheetApplication.class, args);
    }
}
