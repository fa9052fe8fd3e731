package org.broadsheet.feed;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.broadsheet.article.ArticleContent;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.author.Author;
import org.broadsheet.media.MediaStorage;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;

/**
 * RSS 2.0: channel with title, link, description, language, lastBuildDate and an {@code atom:link rel=self};
 * items with a permanent guid, RFC 822 dates, the standfirst as description, the whole article in
 * {@code content:encoded} when the site gives full text, and the lead image as enclosure and media:content.
 */
final class RssWriter {

    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private final MediaStorage storage;

    RssWriter(MediaStorage storage) {
        this.storage = storage;
    }

    byte[] write(Feed feed) {
        return FeedXml.write(xml -> {
            xml.setPrefix("content", CONTENT);
            xml.setPrefix("dc", DC);
            xml.setPrefix("atom", ATOM);
            xml.setPrefix("media", MEDIA);
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("content", CONTENT);
            xml.writeNamespace("dc", DC);
            xml.writeNamespace("atom", ATOM);
            xml.writeNamespace("media", MEDIA);
            xml.writeStartElement("channel");
            FeedXml.element(xml, "title", feed.title());
            FeedXml.element(xml, "link", feed.pageUrl());
            FeedXml.element(xml, "description", feed.description());
            FeedXml.element(xml, "language", feed.language());
            if (feed.updated() != null) {
                FeedXml.element(xml, "lastBuildDate", RFC_822.format(feed.updated().atZoneSameInstant(feed.zone())));
            }
            FeedXml.element(xml, "generator", "Broadsheet");
            xml.writeEmptyElement(ATOM, "link");
            xml.writeAttribute("href", feed.selfUrl());
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (ArticleContent a : feed.entries()) {
                item(xml, feed, a);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private void item(XMLStreamWriter xml, Feed feed, ArticleContent a) throws XMLStreamException {
        String path = ArticleUrls.of(a.publishedAt(), a.slug(), feed.zone());
        xml.writeStartElement("item");
        FeedXml.element(xml, "title", a.title());
        FeedXml.element(xml, "link", feed.baseUrl() + path);
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        xml.writeCharacters(feed.guid(a));
        xml.writeEndElement();
        FeedXml.element(xml, "pubDate", RFC_822.format(a.publishedAt().atZoneSameInstant(feed.zone())));
        for (Author author : a.authors()) {
            FeedXml.element(xml, DC, "creator", author.name());
        }
        for (Section section : a.sections()) {
            FeedXml.element(xml, "category", section.fullName());
        }
        for (Tag tag : a.tags()) {
            FeedXml.element(xml, "category", tag.name());
        }
        FeedXml.element(xml, "description", a.standfirst().isBlank() ? a.title() : a.standfirst());
        if (feed.fullText()) {
            xml.writeStartElement(CONTENT, "encoded");
            xml.writeCData(FeedXml.absoluteHtml(a, feed.baseUrl(), path).replace("]]>", "]]]]><![CDATA[>"));
            xml.writeEndElement();
        }
        if (a.lead() != null) {
            String url = feed.baseUrl() + a.lead().urlFor(960);
            xml.writeEmptyElement("enclosure");
            xml.writeAttribute("url", url);
            xml.writeAttribute("length", Long.toString(size(a.lead().urlFor(960))));
            xml.writeAttribute("type", FeedXml.mimeType(url));
            xml.writeStartElement(MEDIA, "content");
            xml.writeAttribute("url", feed.baseUrl() + a.lead().url());
            xml.writeAttribute("medium", "image");
            xml.writeAttribute("type", FeedXml.mimeType(a.lead().url()));
            if (a.lead().width() > 0) {
                xml.writeAttribute("width", Integer.toString(a.lead().width()));
                xml.writeAttribute("height", Integer.toString(a.lead().height()));
            }
            if (!a.leadCaption().isBlank()) {
                FeedXml.element(xml, MEDIA, "description", a.leadCaption());
            }
            if (!a.leadCredit().isBlank()) {
                FeedXml.element(xml, MEDIA, "credit", a.leadCredit());
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The file's size in bytes, which RSS requires on an enclosure; 0 when unknown, as the spec allows. */
    private long size(String url) {
        if (!url.startsWith(MediaStorage.URL_PREFIX)) {
            return 0;
        }
        try {
            return java.nio.file.Files.size(storage.resolve(url.substring(MediaStorage.URL_PREFIX.length())));
        } catch (Exception e) {
            return 0;
        }
    }
}
