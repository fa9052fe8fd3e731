package org.broadsheet.feed;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.broadsheet.article.ArticleContent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Shared pieces of the RSS, Atom and sitemap writers: a streaming XML writer and absolute-link HTML. */
final class FeedXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();

    private FeedXml() {
    }

    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        write(out, body);
        return out.toByteArray();
    }

    static void write(OutputStream out, Body body) {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write XML", e);
        }
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    static void element(XMLStreamWriter xml, String ns, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ns, name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** Characters XML 1.0 cannot carry at all are dropped rather than producing an unreadable feed. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The article body with every link and image address made absolute, as feed readers need. */
    static String absoluteHtml(ArticleContent a, String baseUrl, String articleUrl) {
        Document doc = Jsoup.parseBodyFragment(a.bodyHtml(), baseUrl + articleUrl);
        for (Element e : doc.select("[href]")) {
            if (!e.attr("href").startsWith("#")) {
                e.attr("href", e.absUrl("href"));
            } else {
                e.attr("href", baseUrl + articleUrl + e.attr("href"));
            }
        }
        for (Element e : doc.select("[src]")) {
            e.attr("src", e.absUrl("src"));
        }
        for (Element e : doc.select("[srcset]")) {
            e.removeAttr("srcset");
        }
        return clean(doc.body().html());
    }

    static String mimeType(String url) {
        String lower = url.toLowerCase();
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        if (lower.endsWith(".gif")) {
            return "image/gif";
        }
        return "image/jpeg";
    }
}
