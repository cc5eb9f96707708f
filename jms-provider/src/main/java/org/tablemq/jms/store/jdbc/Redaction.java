package org.tablemq.jms.store.jdbc;

import java.util.regex.Pattern;

/**
 * Masks passwords in JDBC URLs before they reach a message or a log: {@code password=...} as a query parameter or an
 * H2 setting (up to the next {@code &} or {@code ;}) and {@code user:password@host}. The one URL masker of TableMQ:
 * the option table and the resource adapter use it too.
 */
public final class Redaction {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");

    private Redaction() {
    }

    public static String url(String url) {
        return url == null ? null : USER_INFO.matcher(PASSWORD.matcher(url).replaceAll("$1****")).replaceAll("$1****@");
    }
}
