package org.broadsheet.newsroom;

/** A choice in a newsroom form: the value sent, the label shown, and how deep it sits in a tree. */
public record Option(String value, String label, int depth) {

    public Option(String value, String label) {
        this(value, label, 0);
    }

    /** The label indented by depth, for section trees in a select. */
    public String indented() {
        return "\u2003".repeat(depth) + label;
    }
}
