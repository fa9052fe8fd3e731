package org.broadsheet.support;

import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The largest file the server takes in one upload ({@code spring.servlet.multipart.max-file-size}), as forms and
 * refusals state it. Features may take less (the media library: images up to 20 MB) and say so themselves.
 */
@Component
public class UploadLimit {

    private final String readable;

    public UploadLimit(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.readable = readable(maxFileSize);
    }

    /** "2 GB", "500 MB", "800 KB". */
    public String readable() {
        return readable;
    }

    /** What a refused upload is told. */
    public String refusal() {
        return "The file sent is larger than this site accepts (up to " + readable + " a file). Make it smaller and try again.";
    }

    /**
     * True when the request failed because its upload was over the limit: Tomcat refuses it while reading the
     * form (then the first to ask for a parameter, often the CSRF check, gets the refusal wrapped), Spring when it
     * parses the parts.
     */
    public static boolean causedTooLarge(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SizeException || t instanceof MaxUploadSizeExceededException) {
                return true;
            }
        }
        return false;
    }

    /** A size as pages state it: "2 GB", "4 MB", "800 KB". */
    public static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= DataSize.ofGigabytes(1).toBytes() && bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return size.toGigabytes() + " GB";
        }
        return bytes >= DataSize.ofMegabytes(1).toBytes() ? size.toMegabytes() + " MB" : Math.max(1, size.toKilobytes()) + " KB";
    }
}
