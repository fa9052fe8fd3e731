package org.broadsheet.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.broadsheet.support.BadRequestException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * An archive written by {@link SiteExporter}, checked as far as it can be without a database: a zip file whose
 * {@code manifest.json} says it is Broadsheet's, in a format this version reads, with every table entry the
 * manifest lists and at least the media files it counts. Only the zip's table of contents and the manifest are
 * read, so {@code import-backup}'s check before the application starts refuses a text file, a WordPress export,
 * an empty or cut-short file at once, before a database is made for it; the rows themselves are checked as they
 * are restored.
 */
final class BackupArchive implements AutoCloseable {

    private static final byte[] ZIP_START = {'P', 'K', 3, 4};

    private final ZipFile zip;
    private final JsonNode manifest;

    private BackupArchive(ZipFile zip, JsonNode manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    ZipFile zip() {
        return zip;
    }

    JsonNode manifest() {
        return manifest;
    }

    /**
     * @param name what the archive is called in messages
     * @throws BadRequestException saying what is wrong with the file; nothing was restored then
     */
    static BackupArchive open(Path file, String name) throws IOException {
        ZipFile zip = openZip(file, name);
        try {
            return new BackupArchive(zip, checkedManifest(zip, name));
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** Why FILE is not an archive this version can restore, or null when it is one. */
    static String problem(Path file) {
        try (BackupArchive archive = open(file, file.toString())) {
            return null;
        } catch (BadRequestException e) {
            return e.getMessage();
        } catch (IOException e) {
            return "cannot read " + file + ": " + e.getMessage();
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** The file as a zip archive; anything else is a message naming it, not the zip library's "END header not found". */
    private static ZipFile openZip(Path file, String name) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new BadRequestException(name + " is not a Broadsheet archive: " + whatItIs(file)
                    + ". Give the .zip file that the export command wrote.");
        }
    }

    /** What a file that is not a zip looks like from its first bytes. */
    private static String whatItIs(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(1024);
        }
        if (start.length == 0) {
            return "the file is empty";
        }
        if (start.length >= ZIP_START.length && Arrays.equals(start, 0, ZIP_START.length, ZIP_START, 0, ZIP_START.length)) {
            return "it starts as a zip file but its end, where a zip lists its entries, is missing: the file was cut "
                    + "short (an interrupted copy or download?)";
        }
        String text = new String(start, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.startsWith("<")) {
            String lower = text.toLowerCase(Locale.ROOT);
            return lower.contains("<rss") || lower.contains("wordpress")
                    ? "it is XML, a WordPress export (WXR) it seems: import that with import-wxr"
                    : "it is XML, not a zip file";
        }
        return "it is not a zip file";
    }

    private static JsonNode checkedManifest(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry("manifest.json");
        if (entry == null) {
            throw new BadRequestException(name + " is not a Broadsheet archive: it is a zip file without the "
                    + "manifest.json that the export command writes.");
        }
        JsonNode manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = JsonMapper.builder().build().readTree(in);
            if (manifest == null) {
                manifest = MissingNode.getInstance();
            }
        } catch (JacksonException e) {
            throw new BadRequestException(name + ": manifest.json is not valid JSON: " + e.getOriginalMessage()
                    + "; nothing was restored.");
        } catch (ZipException e) {
            throw new BadRequestException(name + ": manifest.json cannot be unpacked (" + e.getMessage()
                    + "): the archive is damaged; nothing was restored.");
        }
        if (!"broadsheet".equals(manifest.path("application").asString(""))) {
            throw new BadRequestException(name + " is not a Broadsheet archive: its manifest.json is not the one the "
                    + "export command writes.");
        }
        if (manifest.path("format").asInt(0) != SiteExporter.FORMAT) {
            throw new BadRequestException(name + ": this archive's format (" + manifest.path("format")
                    + ") is not one this version reads.");
        }
        for (JsonNode table : manifest.path("tables")) {
            String entryName = "tables/" + table.asString() + ".jsonl";
            if (zip.getEntry(entryName) == null) {
                throw new BadRequestException(name + " is incomplete: its manifest lists the table " + table.asString()
                        + " but the archive has no " + entryName + "; nothing was restored.");
            }
        }
        long media = Collections.list(zip.entries()).stream()
                .filter(e -> !e.isDirectory() && e.getName().startsWith("media/")).count();
        long listed = manifest.path("mediaFiles").asLong(0);
        if (media < listed) {
            throw new BadRequestException(name + " is incomplete: its manifest counts " + listed
                    + " media files but the archive has " + media + "; nothing was restored.");
        }
        return manifest;
    }
}
