package org.tablemq.cli;

class CliPostgresTest extends CliContract {

    @Override
    protected CliDatabase database() {
        return CliDatabase.POSTGRESQL;
    }
}
