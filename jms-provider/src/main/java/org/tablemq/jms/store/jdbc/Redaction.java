package org.tablemq.jms.store.jdbc;

import java.util.regex.Pattern;

/** Masks passwords in JDBC URLs before they reach a message or a log. */
final class Redaction {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");

    private Redaction() {
    }

    static String url(String url) {
        return url == null ? null : USER_INFO.matcher(PASSWORD.matcher(url).replaceAll("$1****")).replaceAll("$1****@");
    }
}
