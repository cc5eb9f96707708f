package org.tablemq.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows printed as aligned columns under a header, or as a JSON array of objects with {@code --json}. */
final class Table {

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    Table(String... columns) {
        this.columns = List.of(columns);
    }

    Table row(Object... values) {
        rows.add(java.util.Arrays.asList(values));
        return this;
    }

    void print(PrintWriter out, boolean json) {
        if (json) {
            List<Map<String, Object>> objects = new ArrayList<>();
            for (List<Object> row : rows) {
                Map<String, Object> o = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    o.put(columns.get(i), row.get(i));
                }
                objects.add(o);
            }
            out.println(Json.of(objects));
        } else {
            int[] widths = new int[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = columns.get(i).length();
                for (List<Object> row : rows) {
                    widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
                }
            }
            line(out, new ArrayList<>(columns), widths);
            rows.forEach(r -> line(out, r, widths));
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<?> values, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String v = String.valueOf(values.get(i));
            b.append(i == 0 ? String.format("%-" + widths[i] + "s", v) : String.format("  %" + widths[i] + "s", v));
        }
        out.println(b.toString().stripTrailing());
    }
}
