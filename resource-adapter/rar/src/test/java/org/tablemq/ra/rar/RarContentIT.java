package org.tablemq.ra.rar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built tablemq-ra.rar is self-contained: adapter, provider and drivers inside, the server's APIs not. */
class RarContentIT {

    private static List<String> entries;
    private static String raXml;
    private static String ironjacamarXml;

    @BeforeAll
    static void open() throws IOException {
        Path rar = Path.of(System.getProperty("tablemq.rar", "target/tablemq-ra.rar"));
        assertThat(rar).exists();
        try (ZipFile zip = new ZipFile(rar.toFile())) {
            entries = zip.stream().map(ZipEntry::getName).toList();
            raXml = new String(zip.getInputStream(zip.getEntry("META-INF/ra.xml")).readAllBytes());
            ironjacamarXml = new String(zip.getInputStream(zip.getEntry("META-INF/ironjacamar.xml")).readAllBytes());
        }
    }

    @Test
    void bundlesTheAdapterTheProviderHikariAndBothJdbcDrivers() {
        assertThat(entries).anyMatch(e -> e.matches("tablemq-ra-classes-.*\\.jar"))
                .anyMatch(e -> e.matches("tablemq-jms-.*\\.jar"))
                .anyMatch(e -> e.matches("HikariCP-.*\\.jar"))
                .anyMatch(e -> e.matches("h2-.*\\.jar"))
                .anyMatch(e -> e.matches("postgresql-.*\\.jar"));
    }

    @Test
    void leavesTheJakartaApisToTheServer() {
        assertThat(entries).noneMatch(e -> e.startsWith("jakarta.") || e.contains("/jakarta."))
                .noneMatch(e -> e.contains("jms-api") || e.contains("resource-api") || e.contains("transaction-api"));
    }

    @Test
    void declaresTheAdapterAsConnectors21WithXaTransactions() {
        assertThat(raXml).contains("version=\"2.1\"")
                .contains("<resourceadapter-class>org.tablemq.ra.TableMQResourceAdapter</resourceadapter-class>")
                .contains("<connectionfactory-interface>jakarta.jms.ConnectionFactory</connectionfactory-interface>")
                .contains("<messagelistener-type>jakarta.jms.MessageListener</messagelistener-type>")
                .contains("<transaction-support>XATransaction</transaction-support>");
    }

    @Test
    void bindsTheConnectionFactoryWithRecoveryOnWildFly() {
        assertThat(ironjacamarXml).contains("jndi-name=\"java:/jms/TableMQ\"").contains("<recover-credential>")
                .contains("<transaction-support>XATransaction</transaction-support>");
    }

    @Test
    void everyClassNamedInTheDescriptorsIsInTheAdapterJar() throws IOException {
        Path rar = Path.of(System.getProperty("tablemq.rar", "target/tablemq-ra.rar"));
        Path jar = Files.createTempFile("tablemq-ra-classes", ".jar");
        try (ZipFile zip = new ZipFile(rar.toFile())) {
            ZipEntry classes = zip.stream().filter(e -> e.getName().startsWith("tablemq-ra-classes-")).findFirst().orElseThrow();
            Files.write(jar, zip.getInputStream(classes).readAllBytes());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("org\\.tablemq\\.ra\\.[\\w.]+").matcher(raXml + ironjacamarXml);
        try (ZipFile classesJar = new ZipFile(jar.toFile())) {
            while (m.find()) {
                String name = m.group().replace('.', '/') + ".class";
                assertThat(classesJar.getEntry(name)).as(name).isNotNull();
            }
        } finally {
            Files.delete(jar);
        }
    }
}
