package org.broadsheet.migrate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The file a command writes its output to ({@code export}, {@code export-wxr}). A file is written beside itself
 * ({@code NAME.part}) and moved over the old one only once complete, so an export that fails leaves the previous
 * archive whole and no half-written one in its place. A pipe or a device that exists already
 * ({@code export >(ssh backup 'cat > site.zip')}) is written straight into: nothing could be moved over it, and a
 * file put in its place would break the pipe's reader. So is a symbolic link ({@code /dev/stdout},
 * {@code latest.zip -> site-2026-11-25.zip}), which a move would replace by a file.
 */
final class OutputFile implements AutoCloseable {

    private final Path file;
    private final Path written;
    private boolean opened;
    private boolean committed;

    private OutputFile(Path file, Path written) {
        this.file = file;
        this.written = written;
    }

    static OutputFile of(Path file) {
        boolean stream = Files.isSymbolicLink(file)
                || Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
        return new OutputFile(file, stream ? file : file.resolveSibling(file.getFileName() + ".part"));
    }

    /** @throws IOException saying which file could not be made and why, not only naming it as the JDK does */
    OutputStream open() throws IOException {
        try {
            OutputStream out = Files.newOutputStream(written);
            opened = true;
            return out;
        } catch (FileSystemException e) {
            IOException said = new IOException("cannot create " + written + ": " + reason(e));
            // Not the cause: a command prints its failure's root cause, which would be the bare path again.
            said.addSuppressed(e);
            throw said;
        }
    }

    /** What the system said, in words: the JDK leaves it out for the two commonest failures. */
    private static String reason(FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason().toLowerCase(Locale.ROOT);
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder (this folder does not take new files, or it does not exist)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName();
    }

    /** The output is complete: it takes the file's place. */
    void commit() throws IOException {
        if (!written.equals(file)) {
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Without {@link #commit}: removes what was half written (a pipe's reader sees the stream end early). */
    @Override
    public void close() throws IOException {
        if (opened && !committed && !written.equals(file)) {
            Files.deleteIfExists(written);
        }
    }
}
