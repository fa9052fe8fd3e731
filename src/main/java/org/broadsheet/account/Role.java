package org.broadsheet.account;

/** Staff roles, from least to most trusted; each can do everything the one before it can. */
public enum Role {
    CONTRIBUTOR("Contributor"), AUTHOR("Author"), EDITOR("Editor"), ADMINISTRATOR("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The role named, or null for anything else. */
    public static Role parse(String name) {
        if (name == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(name.trim())) {
                return r;
            }
        }
        return null;
    }
}
