package org.broadsheet.migrate;

import java.io.CharConversionException;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a WordPress export (WXR 1.0–1.2) with StAX: one author, term or item at a time, so that memory
 * does not grow with the file. Elements are recognised by namespace whatever prefix the file gives them,
 * and by any of the namespace versions WordPress has used. DTDs and external entities are refused.
 */
final class WxrReader implements Closeable {

    private static final XMLInputFactory FACTORY = factory();

    private final String name;
    private final CountingStream in;
    private final XMLStreamReader xml;
    private Wxr.Channel channel;
    private boolean insideChannel;
    private boolean done;
    /** The encoding the file declares when its text turned out to be UTF-8 instead; else null. */
    private volatile String misdeclared;

    /**
     * @param name     the file as its user knows it, which every message names
     * @param warnings told of what was read otherwise than the file says (a wrong encoding declaration)
     */
    WxrReader(InputStream input, String name, Consumer<String> warnings) throws WxrFormatException {
        this.name = name;
        byte[] head = peek(input, 256);
        refuseWhatIsNoExport(head);
        this.in = new CountingStream(input);
        try {
            Reader decoded = decoded(head, in, declared -> {
                misdeclared = declared;
                warnings.accept("the file declares the encoding " + declared + ", but its text is UTF-8 (WordPress "
                        + "writes nothing else): it was read as UTF-8");
            });
            this.xml = decoded != null ? FACTORY.createXMLStreamReader(decoded) : FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * What the parser would call "content not allowed in prolog" or "premature end of file", said plainly: an
     * empty file, one that is not XML at all, and the zip file and gzip stream an export often travels in.
     * Looked for only where the stream can be rewound.
     */
    private void refuseWhatIsNoExport(byte[] head) throws WxrFormatException {
        if (head == null) {
            return;
        }
        int n = head.length;
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new WxrFormatException(name + " is a zip archive, not a WordPress export (WordPress.com sends its export "
                    + "zipped): unzip it and import the .xml file inside, each in turn if there are several.", 1, 1, null);
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            throw new WxrFormatException(name + " is compressed with gzip, not a WordPress export as it is: "
                    + "unpack it (gunzip) and import the .xml file.", 1, 1, null);
        }
        if (utf16(head) != null) {
            return;
        }
        int first = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
        while (first < n && (head[first] == ' ' || head[first] == '\t' || head[first] == '\r' || head[first] == '\n')) {
            first++;
        }
        if (first == n && n < 256) {
            throw new WxrFormatException(name + " is empty" + (n == 0 ? "" : " (blank lines only)")
                    + ": export the site again (Tools › Export in WordPress) and import that file.", 1, 1, null);
        }
        if (first < n && head[first] != '<') {
            throw new WxrFormatException(name + " is not a WordPress export (WXR): it does not start with XML.", 1, 1, null);
        }
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** UTF-16 by its byte-order mark, or by "<?" in two bytes each (the XML specification's own test); else null. */
    private static Charset utf16(byte[] head) {
        if (head.length < 4) {
            return null;
        }
        int b0 = head[0] & 0xff, b1 = head[1] & 0xff, b2 = head[2] & 0xff, b3 = head[3] & 0xff;
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 == '<' && b2 == 0 && b3 == '?')) {
            return StandardCharsets.UTF_16BE;
        }
        if ((b0 == 0xFF && b1 == 0xFE && (b2 != 0 || b3 != 0)) || (b0 == '<' && b1 == 0 && b2 == '?' && b3 == 0)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /**
     * The decoder in front of the parser. For an export in UTF-8 (WordPress writes nothing else), the JDK's
     * ({@link StrictUtf8Reader}): the parser's own UTF-8 reader decodes byte by byte and was over half of a large
     * import's reading. Malformed bytes still stop the import at their line and column, never replaced. A byte-order
     * mark decides over the declaration: a UTF-16 file (an export saved again by an editor) is read as UTF-16. A file
     * that declares another encoding is read as it says unless its text is UTF-8 ({@link DeclaredEncodingReader}),
     * and {@code readAsUtf8} is told. Null — the parser decodes as the declaration says — for an encoding Java does
     * not know, or a stream that cannot be rewound.
     */
    private static Reader decoded(byte[] head, InputStream counted, Consumer<String> readAsUtf8) {
        if (head == null) {
            return null;
        }
        try {
            Charset utf16 = utf16(head);
            if (utf16 != null) {
                if ((head[0] & 0xff) >= 0xFE) {
                    counted.skipNBytes(2);   // the byte-order mark, which a parser reading characters would take for text
                }
                return new InputStreamReader(counted, utf16);
            }
            int start = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
            String prolog = new String(head, start, head.length - start, StandardCharsets.ISO_8859_1);
            if (start == 0 && prolog.startsWith("<?xml")) {
                int end = prolog.indexOf("?>");
                if (end < 0) {
                    return null;
                }
                Matcher encoding = DECLARED_ENCODING.matcher(prolog.substring(0, end));
                if (encoding.find() && !encoding.group(1).equalsIgnoreCase("UTF-8") && !encoding.group(1).equalsIgnoreCase("UTF8")) {
                    String declared = encoding.group(1);
                    Charset charset = asciiBased(declared);
                    return charset == null ? null
                            : new DeclaredEncodingReader(counted, charset, () -> readAsUtf8.accept(declared));
                }
            }
            counted.skipNBytes(start);
        } catch (IOException e) {
            return null;
        }
        return new StrictUtf8Reader(counted);
    }

    /** The charset named, when Java knows it and it writes ASCII as ASCII (not UTF-16 or UTF-32); else null. */
    private static Charset asciiBased(String name) {
        try {
            Charset charset = Charset.forName(name);
            String canonical = charset.name().toUpperCase(java.util.Locale.ROOT);
            return canonical.startsWith("UTF-16") || canonical.startsWith("UTF-32") || !charset.canEncode()
                    || !Arrays.equals("<?xml".getBytes(charset), "<?xml".getBytes(StandardCharsets.US_ASCII)) ? null : charset;
        } catch (IllegalArgumentException e) {
            return null;   // an illegal or unsupported name: the parser says so
        }
    }

    /** Up to {@code max} bytes from the start of the stream, which is rewound; null if it cannot be. */
    private static byte[] peek(InputStream input, int max) {
        if (!input.markSupported()) {
            return null;
        }
        try {
            input.mark(max);
            byte[] head = input.readNBytes(max);
            input.reset();
            return head;
        } catch (IOException e) {
            return null;
        }
    }

    private static final Pattern DECLARED_ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']+)[\"']");

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** Bytes of the file read so far, for progress. */
    long bytesRead() {
        return in.count;
    }

    /** The channel's fields; available once the first entry has been returned (or the file has ended). */
    Wxr.Channel channel() {
        return channel;
    }

    int line() {
        Location l = xml == null ? null : xml.getLocation();
        return l == null ? -1 : l.getLineNumber();
    }

    private Wxr.Entry scan() throws WxrFormatException {
        if (done) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && "channel".equals(xml.getLocalName())) {
                    done = true;
                    return null;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = qualified();
                switch (name) {
                    case "wp:author" -> {
                        return author();
                    }
                    case "wp:category" -> {
                        return category();
                    }
                    case "wp:tag" -> {
                        return tag();
                    }
                    case "wp:term" -> {
                        return term();
                    }
                    case "item" -> {
                        return item();
                    }
                    default -> skip();
                }
            }
            throw new WxrFormatException(name + ": the file ends before its <channel> is closed: it looks truncated.",
                    line(), column(), null);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    private void enterChannel() throws XMLStreamException, WxrFormatException {
        boolean sawRoot = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!sawRoot) {
                sawRoot = true;
                if (!"rss".equals(xml.getLocalName())) {
                    throw new WxrFormatException(name + " is not a WordPress export: its root element is <"
                            + xml.getLocalName() + ">, not <rss>.", line(), column(), null);
                }
                continue;
            }
            if ("channel".equals(xml.getLocalName())) {
                insideChannel = true;
                readChannelHeader();
                return;
            }
            skip();
        }
        throw new WxrFormatException(name + " is not a WordPress export: it has no <channel>.", line(), column(), null);
    }

    /**
     * Reads the channel's simple fields up to its first entry. StAX cannot peek, so the header stops at the
     * first start tag it does not know and leaves the reader on it: {@link #pending} holds that entry.
     */
    private void readChannelHeader() throws XMLStreamException, WxrFormatException {
        String title = "", description = "", link = "", language = "", version = "", baseSite = "", baseBlog = "";
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "channel".equals(xml.getLocalName())) {
                done = true;
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = qualified();
            switch (name) {
                case "title" -> title = text();
                case "description" -> description = text();
                case "link" -> link = text();
                case "language" -> language = text();
                case "wp:wxr_version" -> version = text();
                case "wp:base_site_url" -> baseSite = text();
                case "wp:base_blog_url" -> baseBlog = text();
                case "wp:author", "wp:category", "wp:tag", "wp:term", "item" -> {
                    channel = new Wxr.Channel(title, description, link, language, version, baseSite, baseBlog);
                    pending = name;
                    return;
                }
                default -> skip();
            }
        }
        channel = new Wxr.Channel(title, description, link, language, version, baseSite, baseBlog);
    }

    private String pending;

    /** The next author, term or item, or null at the end of the channel. */
    Wxr.Entry next() throws WxrFormatException {
        if (!insideChannel) {
            try {
                enterChannel();
            } catch (XMLStreamException e) {
                throw failure(e);
            }
        }
        if (pending != null) {
            String name = pending;
            pending = null;
            try {
                switch (name) {
                    case "wp:author":
                        return author();
                    case "wp:category":
                        return category();
                    case "wp:tag":
                        return tag();
                    case "wp:term":
                        return term();
                    default:
                        return item();
                }
            } catch (XMLStreamException e) {
                throw failure(e);
            }
        }
        return scan();
    }

    private Wxr.Author author() throws XMLStreamException {
        Map<String, String> f = fields();
        return new Wxr.Author(f.getOrDefault("wp:author_id", ""), f.getOrDefault("wp:author_login", ""),
                f.getOrDefault("wp:author_email", ""), f.getOrDefault("wp:author_display_name", ""),
                f.getOrDefault("wp:author_first_name", ""), f.getOrDefault("wp:author_last_name", ""));
    }

    private Wxr.Term category() throws XMLStreamException {
        Map<String, String> f = fields();
        return new Wxr.Term("category", f.getOrDefault("wp:term_id", ""), f.getOrDefault("wp:category_nicename", ""),
                f.getOrDefault("wp:category_parent", ""), f.getOrDefault("wp:cat_name", ""),
                f.getOrDefault("wp:category_description", ""));
    }

    private Wxr.Term tag() throws XMLStreamException {
        Map<String, String> f = fields();
        return new Wxr.Term("post_tag", f.getOrDefault("wp:term_id", ""), f.getOrDefault("wp:tag_slug", ""), "",
                f.getOrDefault("wp:tag_name", ""), f.getOrDefault("wp:tag_description", ""));
    }

    private Wxr.Term term() throws XMLStreamException {
        Map<String, String> f = fields();
        return new Wxr.Term(f.getOrDefault("wp:term_taxonomy", ""), f.getOrDefault("wp:term_id", ""),
                f.getOrDefault("wp:term_slug", ""), f.getOrDefault("wp:term_parent", ""),
                f.getOrDefault("wp:term_name", ""), f.getOrDefault("wp:term_description", ""));
    }

    /** The simple child elements of the current element, by qualified name (first occurrence wins). */
    private Map<String, String> fields() throws XMLStreamException {
        Map<String, String> out = new LinkedHashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return out;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = qualified();
                String value = text();
                out.putIfAbsent(name, value);
            }
        }
        return out;
    }

    private Wxr.Item item() throws XMLStreamException {
        int line = line();
        String title = "", link = "", creator = "", guid = "", content = "", excerpt = "", postId = "",
                postDate = "", postDateGmt = "", modified = "", modifiedGmt = "", commentStatus = "", postName = "",
                status = "", parent = "", postType = "", attachmentUrl = "", password = "";
        boolean sticky = false;
        List<Wxr.ItemTerm> terms = new ArrayList<>();
        List<Wxr.Meta> meta = new ArrayList<>();
        List<Wxr.Comment> comments = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = qualified();
            switch (name) {
                case "title" -> title = text();
                case "link" -> link = text();
                case "dc:creator" -> creator = text();
                case "wp:author" -> {
                    // Some hand-made exports name the author inside the item instead of with dc:creator.
                    String author = text();
                    if (creator.isEmpty()) {
                        creator = author;
                    }
                }
                case "guid" -> guid = text();
                case "content:encoded" -> content = text();
                case "excerpt:encoded" -> excerpt = text();
                case "wp:post_id" -> postId = text();
                case "wp:post_date" -> postDate = text();
                case "wp:post_date_gmt" -> postDateGmt = text();
                case "wp:post_modified" -> modified = text();
                case "wp:post_modified_gmt" -> modifiedGmt = text();
                case "wp:comment_status" -> commentStatus = text();
                case "wp:post_name" -> postName = text();
                case "wp:status" -> status = text();
                case "wp:post_parent" -> parent = text();
                case "wp:post_type" -> postType = text();
                case "wp:is_sticky" -> sticky = "1".equals(text());
                case "wp:attachment_url" -> attachmentUrl = text();
                case "wp:post_password" -> password = text();
                case "category" -> {
                    String domain = attribute("domain");
                    String nicename = attribute("nicename");
                    String value = text();
                    terms.add(new Wxr.ItemTerm(domain.isEmpty() ? "category" : domain,
                            nicename.isEmpty() ? value : nicename, value));
                }
                case "wp:postmeta" -> {
                    Map<String, String> f = fields();
                    meta.add(new Wxr.Meta(f.getOrDefault("wp:meta_key", ""), f.getOrDefault("wp:meta_value", "")));
                }
                case "wp:comment" -> comments.add(comment());
                default -> skip();
            }
        }
        return new Wxr.Item(title, link, creator, guid, content, excerpt, postId, postDate, postDateGmt, modified,
                modifiedGmt, commentStatus, postName, status, parent, postType, sticky, attachmentUrl, password,
                terms, meta, comments, line);
    }

    private Wxr.Comment comment() throws XMLStreamException {
        Map<String, String> f = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = qualified();
                if ("wp:commentmeta".equals(name)) {
                    Map<String, String> m = fields();
                    meta.put(m.getOrDefault("wp:meta_key", ""), m.getOrDefault("wp:meta_value", ""));
                } else {
                    f.putIfAbsent(name, text());
                }
            }
        }
        return new Wxr.Comment(f.getOrDefault("wp:comment_id", ""), f.getOrDefault("wp:comment_author", ""),
                f.getOrDefault("wp:comment_author_email", ""), f.getOrDefault("wp:comment_author_url", ""),
                f.getOrDefault("wp:comment_author_IP", ""), f.getOrDefault("wp:comment_date", ""),
                f.getOrDefault("wp:comment_date_gmt", ""), f.getOrDefault("wp:comment_content", ""),
                f.getOrDefault("wp:comment_approved", "1"), f.getOrDefault("wp:comment_type", ""),
                f.getOrDefault("wp:comment_parent", "0"), meta);
    }

    /** The text of the current element, including that of any nested elements; leaves the reader on its end tag. */
    private String text() throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> out.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                }
            }
        }
        return out.toString().strip();
    }

    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private String attribute(String name) {
        String v = xml.getAttributeValue(null, name);
        return v == null ? "" : v.strip();
    }

    /** "wp:post_id", "content:encoded", "dc:creator", "excerpt:encoded", or the bare local name. */
    private String qualified() {
        String uri = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (uri == null || uri.isEmpty()) {
            return local;
        }
        if (uri.contains("/excerpt")) {
            return "excerpt:" + local;
        }
        if (uri.contains("wordpress.org/export")) {
            return "wp:" + local;
        }
        if (uri.contains("purl.org/rss/1.0/modules/content")) {
            return "content:" + local;
        }
        if (uri.contains("purl.org/dc/elements")) {
            return "dc:" + local;
        }
        return uri + ":" + local;
    }

    private int column() {
        Location l = xml == null ? null : xml.getLocation();
        return l == null ? -1 : l.getColumnNumber();
    }

    private WxrFormatException failure(XMLStreamException e) {
        Location l = e.getLocation();
        int line = l != null ? l.getLineNumber() : -1;
        int column = l != null ? l.getColumnNumber() : -1;
        if (line < 0) {
            line = line();
            column = column();
        }
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        String detail;
        if (cause instanceof CharacterCodingException && misdeclared != null) {
            detail = "the bytes are not valid UTF-8, in which the text before them is written (although the file "
                    + "declares " + misdeclared + "): the file mixes encodings; save the export as UTF-8 throughout";
        } else if (cause instanceof CharacterCodingException) {
            detail = "the bytes are not valid UTF-8, the file's declared encoding; save the export as UTF-8 or "
                    + "correct its <?xml encoding=…?> declaration";
        } else if (cause instanceof CharConversionException || String.valueOf(e.getMessage()).contains("UTF-8")) {
            detail = "the bytes are not valid in the file's declared encoding (" + clean(e.getMessage())
                    + "); save the export as UTF-8 or correct its <?xml encoding=…?> declaration";
        } else if (String.valueOf(e.getMessage()).contains("Premature end of file")) {
            detail = "the file ends before the export begins: it has no <rss> element";
        } else if (String.valueOf(e.getMessage()).contains("must start and end within the same entity")) {
            // The parser's words for a file that stops in the middle of an element.
            detail = "the file ends here, in the middle of the export: it looks cut short (an interrupted download "
                    + "or copy); export it again or copy the whole file";
        } else if (cause instanceof IOException io) {
            // Not the XML's fault: the file could not be read on (a disk error, a pipe that closed).
            return new WxrFormatException(name + ": reading failed " + where(line, column) + ": " + io.getMessage(),
                    line, column, e);
        } else {
            detail = clean(e.getMessage());
        }
        return new WxrFormatException(name + ": malformed XML " + where(line, column) + ": " + detail, line, column, e);
    }

    private static String where(int line, int column) {
        return line > 0 ? "at line " + line + ", column " + column : "at the start of the file";
    }

    /** The JDK's messages start with "ParseError at [row,col]:[3,4]\nMessage: …": keep the message. */
    private static String clean(String message) {
        if (message == null) {
            return "unreadable XML";
        }
        int i = message.indexOf("Message: ");
        return (i >= 0 ? message.substring(i + 9) : message).strip();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader that failed: nothing to add
        }
        in.close();
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
