package org.broadsheet.support;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code broadsheet.*}.
 *
 * @param dataDir     holds the H2 database, uploaded media and the search index
 * @param demoContent load the demo journal into an empty database on first start
 * @param baseUrl     public address of the site ("https://journal.example"), empty to use the request's
 * @param command     the jar command being run, empty when serving the site
 */
@ConfigurationProperties("broadsheet")
public record BroadsheetProperties(Path dataDir, boolean demoContent, String baseUrl, String command) {

    public BroadsheetProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        command = command == null ? "" : command;
    }

    public boolean servingSite() {
        return command.isEmpty();
    }

    public Path mediaDir() {
        return dataDir.resolve("media");
    }
}
