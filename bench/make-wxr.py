#!/usr/bin/env python3
"""Wraps the anchors' benchmark article (article-body.html + article-title.txt) in a one-post WordPress
export, so that Broadsheet gets the same text as nginx, WordPress and Ghost through its own importer.

usage: make-wxr.py ARTICLE_DIR OUT.xml
"""
import html
import sys

src, out = sys.argv[1], sys.argv[2]
body = open(f"{src}/article-body.html", encoding="utf-8").read()
title = open(f"{src}/article-title.txt", encoding="utf-8").read().strip()
cdata = lambda s: "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"
open(out, "w", encoding="utf-8").write(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Bench</title><link>http://bench.invalid</link><language>en</language>
  <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://bench.invalid</wp:base_site_url>
  <wp:author><wp:author_id>1</wp:author_id><wp:author_login>{cdata('editor')}</wp:author_login>
    <wp:author_email>{cdata('editor@example.org')}</wp:author_email><wp:author_display_name>{cdata('The Editor')}</wp:author_display_name></wp:author>
  <wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>{cdata('opinion')}</wp:category_nicename>
    <wp:category_parent>{cdata('')}</wp:category_parent><wp:cat_name>{cdata('Opinion')}</wp:cat_name></wp:category>
  <item>
    <title>{html.escape(title)}</title>
    <link>http://bench.invalid/2024/05/01/whose-software-is-it-anyway/</link>
    <pubDate>Wed, 01 May 2024 09:00:00 +0000</pubDate>
    <dc:creator>{cdata('editor')}</dc:creator>
    <category domain="category" nicename="opinion">{cdata('Opinion')}</category>
    <content:encoded>{cdata(body)}</content:encoded>
    <excerpt:encoded>{cdata('')}</excerpt:encoded>
    <wp:post_id>1</wp:post_id><wp:post_date>{cdata('2024-05-01 09:00:00')}</wp:post_date>
    <wp:post_date_gmt>{cdata('2024-05-01 09:00:00')}</wp:post_date_gmt>
    <wp:post_name>{cdata('whose-software-is-it-anyway')}</wp:post_name><wp:status>{cdata('publish')}</wp:status>
    <wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>{cdata('post')}</wp:post_type>
    <wp:post_password>{cdata('')}</wp:post_password><wp:is_sticky>0</wp:is_sticky>
  </item>
</channel>
</rss>
""")
