package org.broadsheet.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.broadsheet.BroadsheetApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole Broadsheet instances (a web server on a free port each), for tests about several nodes or a restore. */
public final class Instances {

    private Instances() {
    }

    /** Starts an instance without demo content in a data directory of its own; {@code args} add or override options. */
    public static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--broadsheet.demo-content=false",
                "--broadsheet.data-dir=target/test-data/" + UUID.randomUUID()));
        all.addAll(List.of(args));
        // Command-line arguments outrank application.properties, as they do for a real second instance.
        return new SpringApplicationBuilder(BroadsheetApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(all.toArray(String[]::new));
    }

    /** The local port an instance's web server listens on. */
    public static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }
}
