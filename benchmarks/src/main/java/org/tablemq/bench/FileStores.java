package org.tablemq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Fresh directories for file stores (H2, Artemis journal, KahaDB), deleted after each run. */
final class FileStores {

    private FileStores() {
    }

    static Path fresh(Settings settings, String system) throws IOException {
        Files.createDirectories(settings.workDir());
        return Files.createTempDirectory(settings.workDir(), system + "-");
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete benchmark store " + dir, e);
        }
    }
}
