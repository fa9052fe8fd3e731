package org.broadsheet.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compressed copies of bytes that are served many times (cached pages, static assets): made once, sent as
 * they are. Gzip always; brotli when its native library (brotli4j) loads on this machine — where it does
 * not, that is logged once and readers get gzip.
 */
public final class Compression {

    public static final String GZIP = "gzip";
    public static final String BROTLI = "br";

    private static final Logger log = LoggerFactory.getLogger(Compression.class);
    private static final boolean BROTLI_LOADED = loadBrotli();

    private Compression() {
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 32);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The data in brotli at {@code quality} (0–11; higher is smaller and slower), or null when brotli is not
     * available here or failed on this input.
     */
    public static byte[] brotli(byte[] data, int quality) {
        if (!BROTLI_LOADED) {
            return null;
        }
        try {
            return Encoder.compress(data, new Encoder.Parameters().setQuality(quality).setMode(Encoder.Mode.TEXT));
        } catch (IOException | RuntimeException e) {
            log.warn("Brotli compression failed; serving gzip instead: {}", e.toString());
            return null;
        }
    }

    public static boolean brotliAvailable() {
        return BROTLI_LOADED;
    }

    /**
     * Whether an {@code Accept-Encoding} header accepts {@code coding}: named, or matched by {@code *}, with a
     * quality above zero ({@code gzip;q=0} refuses it).
     */
    public static boolean accepts(String acceptEncoding, String coding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean byWildcard = false;
        for (String item : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = item.split(";");
            String name = parts[0].trim();
            if (name.equals(coding)) {
                return quality(parts) > 0;
            }
            if (name.equals("*")) {
                byWildcard = quality(parts) > 0;
            }
        }
        return byWildcard;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException malformed) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static boolean loadBrotli() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable unavailable) {
            // No native library for this platform (or it cannot be loaded): readers get gzip.
            log.warn("Brotli is not available on this machine, so pages and assets are served with gzip only: {}",
                    unavailable.toString());
            return false;
        }
    }
}
