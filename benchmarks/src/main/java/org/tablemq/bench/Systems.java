package org.tablemq.bench;

import java.util.ArrayList;
import java.util.List;

/** The contenders, in the order they run within each repeat. */
final class Systems {

    static final List<String> NAMES = List.of("tablemq-h2", "tablemq-h2-sync", "tablemq-pg", "artemis-nio",
            "artemis-jdbc-pg", "classic-kahadb", "classic-jdbc-pg", "raw-jdbc-pg", "raw-jdbc-h2");

    private Systems() {
    }

    /** All systems, or those named (in the order named); unknown names are refused with the known ones listed. */
    static List<BenchSystem> select(List<String> names, String pgUnavailable) {
        List<BenchSystem> all = List.of(
                new TableMQSystem(TableMQSystem.Store.H2, pgUnavailable),
                new TableMQSystem(TableMQSystem.Store.H2_SYNC, pgUnavailable),
                new TableMQSystem(TableMQSystem.Store.POSTGRESQL, pgUnavailable),
                ArtemisSystem.fileJournal(),
                ArtemisSystem.jdbcOnPostgres(pgUnavailable),
                ClassicSystem.kahaDb(),
                ClassicSystem.jdbcOnPostgres(pgUnavailable),
                RawJdbcSystem.postgres(pgUnavailable),
                RawJdbcSystem.h2());
        if (names.isEmpty()) {
            return all;
        }
        List<BenchSystem> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(all.stream().filter(s -> s.name().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown system '" + name + "'; known: "
                            + String.join(", ", NAMES))));
        }
        return chosen;
    }
}
