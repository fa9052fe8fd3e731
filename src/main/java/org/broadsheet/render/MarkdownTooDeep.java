package org.broadsheet.render;

import org.broadsheet.support.BadRequestException;

/** Markdown with block quotes or lists nested thousands deep: the parser's tree is too deep to render. */
public class MarkdownTooDeep extends BadRequestException {

    public MarkdownTooDeep() {
        super("The text has block quotes or lists nested too deeply to be shown (thousands of levels); use fewer levels.");
    }
}
